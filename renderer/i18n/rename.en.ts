/** English messages of renaming a post that is not committed yet (spread into the English catalogue). */
export const renameEn = {
  'rename.question': 'Rename the file to match the title?',
  'rename.together': '{languages} together',
  'rename.rename': 'Rename',
  'rename.renaming': 'Renaming…',
  'rename.keep': 'Keep the name',
  'rename.renameLabel': 'Rename the file to {name}',
  'rename.failed': 'Nothing was renamed.',
  'rename.exists': 'Nothing was renamed: a file named {name} exists already in {folder}.',
  'rename.refused': 'Nothing was renamed: the file is committed already, and a new name would change its published address.',
} as const;
