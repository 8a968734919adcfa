/** German messages of renaming (same keys as rename.en.ts). */
import type { renameEn } from './rename.en';

export const renameDe: { readonly [K in keyof typeof renameEn]: string } = {
  'rename.question': 'Datei passend zum Titel umbenennen?',
  'rename.together': '{languages} gemeinsam',
  'rename.rename': 'Umbenennen',
  'rename.renaming': 'Wird umbenannt…',
  'rename.keep': 'Namen behalten',
  'rename.renameLabel': 'Datei in {name} umbenennen',
  'rename.failed': 'Es wurde nichts umbenannt.',
  'rename.exists': 'Es wurde nichts umbenannt: Eine Datei namens {name} gibt es in {folder} schon.',
  'rename.refused': 'Es wurde nichts umbenannt: Die Datei ist schon committet, und ein neuer Name würde ihre veröffentlichte Adresse ändern.',
} as const;
