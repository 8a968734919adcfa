// @vitest-environment jsdom
// Dropping or pasting pictures on the editor opens the figure dialog for them, in the order given, and leaves the
// text alone; anything else (a text file, pasted words) does what the editor did before.
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import { EditorBridge } from '../../common/editor-bridge';
import { figureDrop } from './figure-drop';

const views: EditorView[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.destroy();
});

/** A real editor with the drop extension as the editor setup installs it: through the bridge. */
function open(bridge: EditorBridge, doc: string, readOnly = false): EditorView {
  bridge.extendEditors('figures', figureDrop((files) => bridge.offerImageFiles(files)));
  const state = EditorState.create({ doc, extensions: [EditorState.readOnly.of(readOnly), bridge.editorExtensions()] });
  const view = new EditorView({ state, parent: document.body });
  views.push(view);
  return view;
}

/** What a browser's DataTransfer holds, for jsdom (which has none). */
function transfer(files: File[], text = ''): DataTransfer {
  return {
    files: Object.assign([...files], { item: (i: number) => files[i] ?? null }),
    items: files.map((f) => ({ kind: 'file', type: f.type, getAsFile: () => f })),
    types: [...(files.length ? ['Files'] : []), ...(text ? ['text/plain'] : [])],
    getData: (type: string) => (type === 'text/plain' || type === 'text' ? text : ''),
  } as unknown as DataTransfer;
}

function send(view: EditorView, type: 'drop' | 'paste', data: DataTransfer): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, type === 'drop' ? 'dataTransfer' : 'clipboardData', { value: data });
  Object.assign(event, { clientX: 0, clientY: 0 });
  view.contentDOM.dispatchEvent(event);
  return event;
}

const photo = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff])], name, { type: 'image/jpeg' });

describe('dropping and pasting pictures on the editor', () => {
  it('hands every dropped picture to the figures dialog, in order, and leaves the text as it was', () => {
    const bridge = new EditorBridge();
    const taken: string[][] = [];
    bridge.handleImageFiles((files) => taken.push(files.map((f) => f.name)));
    const view = open(bridge, 'Intro\n');
    const notes = new File(['notes'], 'notes.txt', { type: 'text/plain' });
    const event = send(view, 'drop', transfer([photo('a.jpg'), notes, photo('b.jpg')]));
    expect(taken).toEqual([['a.jpg', 'b.jpg']]);
    expect(event.defaultPrevented).toBe(true);
    expect(view.state.doc.toString()).toBe('Intro\n');
  });

  it('opens the dialog for a picture pasted from the clipboard', () => {
    const bridge = new EditorBridge();
    const taken: string[] = [];
    bridge.handleImageFiles((files) => taken.push(...files.map((f) => f.type)));
    const view = open(bridge, '');
    const event = send(view, 'paste', transfer([new File([new Uint8Array([137, 80, 78, 71])], 'image.png', { type: 'image/png' })]));
    expect(taken).toEqual(['image/png']);
    expect(event.defaultPrevented).toBe(true);
  });

  it('pastes words as words: only pictures go to the dialog', () => {
    const bridge = new EditorBridge();
    let heard = 0;
    bridge.handleImageFiles(() => heard++);
    const view = open(bridge, '');
    send(view, 'paste', transfer([], 'Hello press'));
    expect(heard).toBe(0);
    expect(view.state.doc.toString()).toBe('Hello press');
  });

  it('leaves a drop of files that are not pictures to the editor', () => {
    const bridge = new EditorBridge();
    let heard = 0;
    bridge.handleImageFiles(() => heard++);
    const view = open(bridge, 'x');
    const event = send(view, 'drop', transfer([new File(['a,b'], 'table.csv', { type: 'text/csv' })]));
    expect(heard).toBe(0);
    // CodeMirror handles it (it reads text files into the document) and so prevents the browser opening the file.
    expect(event.defaultPrevented).toBe(true);
  });

  it('does nothing special when no dialog is there to take pictures, or the post is read-only', () => {
    const bridge = new EditorBridge();
    const view = open(bridge, 'x');
    expect(send(view, 'paste', transfer([photo('a.jpg')], 'a.jpg')).defaultPrevented).toBe(true);
    expect(view.state.doc.toString()).toBe('a.jpgx');

    let heard = 0;
    const stop = bridge.handleImageFiles(() => heard++);
    const locked = open(bridge, 'y', true);
    send(locked, 'drop', transfer([photo('b.jpg')]));
    expect(heard).toBe(0);
    stop();
    expect(bridge.offerImageFiles([photo('c.jpg')])).toBe(false);
  });
});
