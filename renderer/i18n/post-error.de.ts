/** German words for why a post cannot be read (the scanner's messages, worded again by post-error.ts). */
import type { postErrorEn } from './post-error.en';

export const postErrorDe: Record<keyof typeof postErrorEn, string> = {
  'postError.line': '{text} (Zeile {line})',
  'postError.frontMatter': 'Das Front Matter ist nicht lesbar: {problem}',
  'postError.linkNowhere': 'Der symbolische Link führt ins Leere (sein Ziel fehlt).',
  'postError.linkOutside': 'Der symbolische Link führt aus der Website hinaus und wird daher nicht gelesen.',
  'postError.notRegular': 'Dies ist keine gewöhnliche Datei.',
  'postError.binary': 'Diese Datei ist kein Text (sie sieht binär aus).',
  'postError.notUtf8': 'Diese Datei ist kein UTF-8-Text; speichern Sie sie als UTF-8, um sie in Pressroom zu bearbeiten.',
  'postError.unreadable': 'Die Datei konnte nicht gelesen werden ({code}).',
};
