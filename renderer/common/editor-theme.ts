/**
 * The editor's chrome in the app's colours (the document editor and the compare view share it): every colour is one of the app's CSS variables, so the same
 * theme is light or dark as `data-theme` switches them. The editor lives in a shadow root, where CodeMirror's
 * styles go into an adopted style sheet instead of a <style> element, which the CSP (`style-src 'self'`) blocks.
 */
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

const chrome = {
  '&': {
    flex: '1',
    minHeight: '0',
    height: '100%',
    color: 'var(--fg)',
    backgroundColor: 'var(--surface)',
    fontSize: '13.5px',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--font-mono)',
    lineHeight: '1.65',
    overflow: 'auto',
  },
  '.cm-content': { padding: '16px 0 40vh', caretColor: 'var(--accent)' },
  '.cm-line': { padding: '0 20px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--selected)',
  },
  '.cm-selectionMatch': { backgroundColor: 'var(--accent-soft)' },
  '.cm-searchMatch': { backgroundColor: 'var(--warn-soft)', outline: '1px solid var(--warn-border)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--selected)', outline: '1px solid var(--accent)' },
  '.cm-panels': { backgroundColor: 'var(--surface-2)', color: 'var(--fg)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-panel.cm-search': { padding: '8px 12px', fontFamily: 'var(--font-ui)', fontSize: '13px' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button, .cm-panel.cm-search label': { fontSize: '13px', margin: '2px 4px 2px 0' },
  '.cm-panel.cm-search [name=close]': { top: '6px', right: '8px', color: 'var(--fg-muted)' },
  '.cm-textfield': {
    color: 'var(--fg)',
    backgroundColor: 'var(--surface)',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius-sm)',
    padding: '3px 6px',
  },
  '.cm-button': {
    color: 'var(--fg)',
    backgroundImage: 'none',
    backgroundColor: 'var(--surface)',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius-sm)',
    padding: '3px 8px',
  },
  '.cm-button:active': { backgroundColor: 'var(--hover)' },
  '.cm-tooltip': { color: 'var(--fg)', backgroundColor: 'var(--surface)', border: '1px solid var(--border)' },
  '.cm-frontmatter': { backgroundColor: 'var(--surface-2)' },
  '.cm-liquid': { borderRadius: '3px', backgroundColor: 'var(--draft-soft)', color: 'var(--draft)' },
  '.cm-liquid span': { color: 'inherit' },
};

/** The theme for the light look (the default). */
export const lightEditorTheme: Extension = EditorView.theme(chrome, { dark: false });
/** The same chrome marked dark, so CodeMirror's own defaults (e.g. the search panel) pick their dark variants. */
export const darkEditorTheme: Extension = EditorView.theme(chrome, { dark: true });

/** The editor theme for the theme the app shows now. */
export function editorTheme(dark: boolean): Extension {
  return dark ? darkEditorTheme : lightEditorTheme;
}
