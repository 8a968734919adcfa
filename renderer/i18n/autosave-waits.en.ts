/** English words of the note beside Save that says why autosave is not saving a tab. */
export const autosaveWaitsEn = {
  'autosaveWaits.frontMatter': 'Autosave waits: the front matter cannot be read',
  'autosaveWaits.conflict': 'Autosave waits: the file was changed on disk',
  'autosaveWaits.saveError': 'Autosave waits: the last save failed',
} as const;
