/** German messages of the "New press release" dialog that name titles, folders and file names per language (spread into the German catalogue). */
import type { newPostEn } from './new-post.en';

export const newPostDe: { readonly [K in keyof typeof newPostEn]: string } = {
  'newPost.titleFor': 'Titel ({language})',
  'newPost.titleFollows': 'Wie der Titel ({language}), bis Sie ihn ändern.',
  'newPost.folder': 'Ordner',
  'newPost.folderFor': 'Ordner ({language})',
  'newPost.folderHint': 'Wo die Website ihre Beiträge ablegt; Sie können ihn ändern.',
  'newPost.folderHintCategory': 'Wo die Website ihre Beiträge der Kategorie „{category}“ ablegt; Sie können ihn ändern.',
  'newPost.folderInvalid': 'Wählen Sie einen Ordner in {root}.',
  'newPost.slugShared': 'Aus dem Titel ({language}) gebildet, für alle Sprachen, weil die Website Übersetzungen am Dateinamen erkennt.',
  'newPost.dateInvalid': 'Geben Sie ein Datum ein, das es gibt.',
};
