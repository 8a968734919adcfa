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

/** The extension: while a view shows the state, the bridge follows it; when the view goes, the bridge lets go. */
export function editorFeed(bridge: EditorBridge): Extension {
  return ViewPlugin.define((view) => {
    const feed = bridge.connect();
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

