// @vitest-environment jsdom
// The preview follows the editor itself: every change reaches it as the editor's own document (no copy, no
// React render), the open editor is the one followed, and a closed editor leaves nothing stale behind.
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import { type DocText, EditorBridge } from '../../../common/editor-bridge';
import { editorFeed } from './editor-feed';

const views: EditorView[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.destroy();
});

function open(bridge: EditorBridge, doc: string): EditorView {
  const view = new EditorView({ state: EditorState.create({ doc, extensions: [editorFeed(bridge)] }), parent: document.body });
  views.push(view);
  return view;
}

describe('the editor feeding the bridge', () => {
  it('hands followers the editor document on open and on every keystroke, without copying it', () => {
    const bridge = new EditorBridge();
    const seen: DocText[] = [];
    bridge.followText((doc) => seen.push(doc));
    const view = open(bridge, '# Title\n');
    view.dispatch({ changes: { from: view.state.doc.length, insert: 'a' }, selection: { anchor: view.state.doc.length + 1 } });
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(view.state.doc);
    expect(seen[1].toString()).toBe('# Title\na');
    expect(bridge.cursor()).toEqual({ line: 2, column: 2 });
  });

  it('tells debounced readers whether a document was just opened or typed into', () => {
    const bridge = new EditorBridge();
    const heard: boolean[] = [];
    bridge.listenText((opened) => heard.push(opened));
    const view = open(bridge, 'x');
    view.dispatch({ changes: { from: 1, insert: 'y' } });
    view.dispatch({ selection: { anchor: 0 } });
    expect(heard).toEqual([true, false]);
  });

  it('forgets a closed editor, and a follower joining later hears the open one at once', () => {
    const bridge = new EditorBridge();
    const first = open(bridge, 'first');
    const second = open(bridge, 'second');
    first.destroy();
    expect(bridge.current()?.toString()).toBe('second');
    let late = '';
    bridge.followText((doc) => (late = doc.toString()));
    expect(late).toBe('second');
    second.destroy();
    expect(bridge.current()).toBeNull();
    expect(bridge.cursor()).toEqual({ line: 1, column: 1 });
  });
});

describe('inserting at the cursor through the bridge (a figure)', () => {
  it('puts the block on lines of its own, a blank line either side, and one undo takes it away', async () => {
    const { history, undo } = await import('@codemirror/commands');
    const bridge = new EditorBridge();
    const view = new EditorView({ state: EditorState.create({ doc: 'Before it. After it.', extensions: [history(), editorFeed(bridge)] }), parent: document.body });
    views.push(view);
    view.dispatch({ selection: { anchor: 'Before it.'.length } });
    expect(bridge.insertAtCursor('<figure>\n  x\n</figure>\n')).toBe(true);
    expect(view.state.doc.toString()).toBe('Before it.\n\n<figure>\n  x\n</figure>\n\nAfter it.');
    undo(view);
    expect(view.state.doc.toString()).toBe('Before it. After it.');
  });

  it('adds no second blank line where there is one, and ends the text with the block', () => {
    const bridge = new EditorBridge();
    const view = open(bridge, 'Para.\n\n');
    view.dispatch({ selection: { anchor: view.state.doc.length } });
    bridge.insertAtCursor('![A dog](/assets/images/dog.jpg)');
    expect(view.state.doc.toString()).toBe('Para.\n\n![A dog](/assets/images/dog.jpg)\n');
  });

  it('refuses a read-only post, and no editor means nothing inserted', () => {
    const bridge = new EditorBridge();
    const view = new EditorView({ state: EditorState.create({ doc: 'x', extensions: [EditorState.readOnly.of(true), editorFeed(bridge)] }), parent: document.body });
    expect(bridge.insertAtCursor('y')).toBe(false);
    view.destroy();
    expect(bridge.insertAtCursor('y')).toBe(false);
  });
});
