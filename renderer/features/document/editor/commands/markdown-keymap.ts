/** The Markdown formatting shortcuts; listed before the default keymap so Mod-i formats instead of selecting syntax. */
import type { KeyBinding } from '@codemirror/view';
import { insertLink } from './insert-link';
import { setHeading1, setHeading2, setHeading3 } from './set-heading';
import { toggleBold, toggleItalic } from './toggle-inline';

/** Mod-b bold, Mod-i italic, Mod-k link, Mod-Alt-1/2/3 headings. */
export const markdownFormatKeymap: readonly KeyBinding[] = [
  { key: 'Mod-b', run: toggleBold, preventDefault: true },
  { key: 'Mod-i', run: toggleItalic, preventDefault: true },
  { key: 'Mod-k', run: insertLink, preventDefault: true },
  { key: 'Mod-Alt-1', run: setHeading1, preventDefault: true },
  { key: 'Mod-Alt-2', run: setHeading2, preventDefault: true },
  { key: 'Mod-Alt-3', run: setHeading3, preventDefault: true },
];
