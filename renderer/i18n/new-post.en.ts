/** English messages of the "New press release" dialog that name titles, folders and file names per language (spread into the English catalogue). */
export const newPostEn = {
  'newPost.titleFor': 'Title ({language})',
  'newPost.titleFollows': 'The {language} title until you change it.',
  'newPost.folder': 'Folder',
  'newPost.folderFor': 'Folder ({language})',
  'newPost.folderHint': 'Where the site keeps its posts; you can change it.',
  'newPost.folderHintCategory': 'Where the site keeps its “{category}” posts; you can change it.',
  'newPost.folderInvalid': 'Choose a folder inside {root}.',
  'newPost.slugShared': 'Made from the {language} title and shared by every language, as the site pairs translations by file name.',
  'newPost.dateInvalid': 'Enter a date that exists.',
} as const;
