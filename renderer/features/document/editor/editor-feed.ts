/**
 * Feeds the workspace's editor bridge from the editor itself: its document on every change (the EditorState is
 * the one holder of the text; followers get CodeMirror's own `Text`), and the cursor. Nothing passes through
 * React on the way, so a keystroke reaches the preview without a render.
 */
import type { Extension } from '@codemirror/state';
import { type EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import type { BridgeFeed, EditorBridge } from '../../../common/editor-bridge';

function reportCursor(feed: BridgeFeed, view: EditorView | ViewUpdate): void {
  const { state } = view;
  const head = state.selection.main.head;
  const line = state.doc.lineAt(head);
  feed.cursor(line.number, head - line.from + 1);
}

/** Puts `text` in place of the selection on lines of its own, a blank line either side, as one undo step. */
function insertBlock(view: EditorView, text: string): boolean {
  if (view.state.readOnly) return false;
  let { from, to } = view.state.selection.main;
  const doc = view.state.doc;
  // Spaces at the cut would be left dangling at the end or start of the lines around the block.
  while (from > 0 && /[ \t]/.test(doc.sliceString(from - 1, from))) from--;
  while (to < doc.length && /[ \t]/.test(doc.sliceString(to, to + 1))) to++;
  const before = doc.sliceString(Math.max(0, from - 2), from);
  const after = doc.sliceString(to, Math.min(doc.length, to + 2));
  const lead = from === 0 || before === '\n\n' ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = to === doc.length ? '\n' : after === '\n\n' ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const insert = `${lead}${text.replace(/\n+$/, '')}${trail}`;
  view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + insert.length }, scrollIntoView: true, userEvent: 'input.insert' });
  view.focus();
  return true;
}

/** The extension: while a view shows the state, the bridge follows it; when the view goes, the bridge lets go. */
export function editorFeed(bridge: EditorBridge): Extension {
  return ViewPlugin.define((view) => {
    const feed = bridge.connect({ insertAtCursor: (text) => insertBlock(view, text) });
    feed.text(view.state.doc, true);
    reportCursor(feed, view);
    return {
      update(update: ViewUpdate) {
        if (update.docChanged) feed.text(update.state.doc);
        if (update.docChanged || update.selectionSet) reportCursor(feed, update);
      },
      destroy: () => feed.close(),
    };
  });
}

