/**
 * Puts a form edit into the editor: the new text is computed from the editor's current text with the shared
 * lossless front-matter edits, then applied as one minimal change, so it is one undo step and the cursor and
 * selection are mapped rather than lost.
 */
import type { EditorView } from '@codemirror/view';
import { minimalChange } from './minimal-change';

/** The user event of form edits; not one CodeMirror joins with typing, so each commit is its own undo step. */
export const FORM_EDIT_EVENT = 'input.frontmatter';

/**
 * Applies `edit` (whole text in, whole text out) to the view. Returns false when nothing changed. Errors
 * thrown by `edit` (an edit that cannot be lossless) reach the caller, and the text stays as it was.
 */
export function applyTextEdit(view: EditorView, edit: (text: string) => string): boolean {
  const before = view.state.doc.toString();
  const change = minimalChange(before, edit(before));
  if (!change) return false;
  view.dispatch({ changes: change, userEvent: FORM_EDIT_EVENT, scrollIntoView: false });
  return true;
}
