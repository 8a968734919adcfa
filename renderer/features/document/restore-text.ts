/**
 * Puts a recovered text back into a tab as unsaved changes (never writing the file): through the editor view
 * when the tab is shown, so the change is one undo step, else into the tab's stored state. The tab's next save
 * is then checked against the version the text was typed on, so a file changed since is never overwritten.
 */
import type { EditorView } from '@codemirror/view';
import type { PostEntry } from '../../../shared/contract/models';
import type { DocumentTabs } from './document-tabs';

/** Resolves once the tab has left 'loading' (true when it is ready to edit). */
export function whenLoaded(store: DocumentTabs, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const tab = store.tab(path);
      if (tab && tab.status === 'loading') return false;
      resolve(!!tab && tab.status === 'ready' && tab.mode === 'edit');
      return true;
    };
    if (check()) return;
    const stop = store.subscribe(() => {
      if (check()) stop();
    });
  });
}

/** Opens the post (or shows its tab), waits for it, and puts `text` in its editor as unsaved changes. */
export async function restoreText(
  store: DocumentTabs,
  view: () => EditorView | null,
  post: PostEntry,
  text: string,
  baseVersion: string,
): Promise<boolean> {
  store.open(post);
  if (!(await whenLoaded(store, post.path))) return false;
  // Let the panel make its editor view for the tab before deciding where the change goes.
  await new Promise((r) => setTimeout(r, 0));
  const state = store.editorState(post.path);
  if (!state) return false;
  const changes = { from: 0, to: state.doc.length, insert: text };
  const live = view();
  if (live && live.state === state) live.dispatch({ changes, userEvent: 'input.recover' });
  else store.update(post.path, state.update({ changes, userEvent: 'input.recover' }).state, true);
  store.rebase(post.path, baseVersion);
  // If the disk moved on since the text was typed, the tab shows it now (and a save is refused, never forced).
  await store.fileChanged(post.path);
  return true;
}
