// @vitest-environment jsdom
// The banner of a post changed or deleted on disk, as a user meets it: the choices it offers, "Keep mine"
// showing what it replaces before writing, and "Save as…" asking for a new name.
import { EditorState } from '@codemirror/state';
import { act, useSyncExternalStore } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostEntry } from '../../../shared/contract/models';
import { fakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { copyName, DiskChangeBanner } from './disk-change-banner';
import { DocumentTabs } from './document-tabs';
import { stubTextLayout } from '../../common/compare/compare-testing';

stubTextLayout();
const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

function Shown({ store }: { store: DocumentTabs }) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const tab = snapshot.tabs[0];
  return tab ? <DiskChangeBanner store={store} tab={tab} /> : null;
}

async function setUp(disk: Record<string, string>) {
  let version = 1;
  const main = fakeMain({
    'document.read': ({ path }) =>
      String(path) in disk ? { ok: true, value: { path, text: disk[String(path)], version: `v${version}`, bom: false, eol: 'lf', finalNewline: true, symlinkTarget: null } } : { ok: false, error: { code: 'not-found', message: 'gone' } },
    'document.save': ({ path, text, baseVersion }) => {
      if (baseVersion !== `v${version}`) return { ok: false, error: { code: 'conflict', message: 'changed' } };
      disk[String(path)] = String(text);
      return { ok: true, value: { version: `v${++version}` } };
    },
    'document.create': ({ path, text }) => {
      if (String(path) in disk) return { ok: false, error: { code: 'exists', message: 'exists' } };
      disk[String(path)] = String(text);
      return { ok: true, value: { version: 'new' } };
    },
  });
  const store = new DocumentTabs(main.api, '/site', (_p, text) => EditorState.create({ doc: text }));
  store.open({ path: 'a.md', title: 'A' } as PostEntry);
  const view = await mount(main, <Shown store={store} />);
  mounted.push(view);
  await settle();
  const type = (more: string) => {
    const state = store.editorState('a.md')!;
    store.update('a.md', state.update({ changes: { from: state.doc.length, insert: more } }).state, true);
  };
  const changeBehind = async (text: string) => {
    disk['a.md'] = text;
    version++;
    await settle(() => void store.fileChanged('a.md'));
  };
  const removeBehind = async () => {
    delete disk['a.md'];
    await settle(() => void store.fileChanged('a.md'));
  };
  const button = (name: string | RegExp) => [...view.container.ownerDocument.querySelectorAll('button')].find((b) => (typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? '')))!;
  const click = (name: string | RegExp) => settle(() => button(name).click());
  return { store, view, disk, type, changeBehind, removeBehind, button, click };
}

describe('DiskChangeBanner', () => {
  it('offers Compare, Keep mine, Take the disk’s and Save as… for unsaved text changed underneath', async () => {
    const { view, type, changeBehind } = await setUp({ 'a.md': 'Hello\n' });
    type('mine');
    await changeBehind('Theirs\n');
    const alert = view.container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('This post was changed on disk while you had unsaved changes');
    expect([...alert.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Compare', 'Keep mine', 'Take the disk’s', 'Save as…']);
  });

  it('"Keep mine" shows the disk’s version it replaces and writes only after the user confirms', async () => {
    const { view, disk, type, changeBehind, click } = await setUp({ 'a.md': 'Hello\n' });
    type('mine');
    await changeBehind('Theirs\n');
    await click('Keep mine');
    const compare = view.container.querySelector('section.compare')!;
    expect(compare.getAttribute('aria-label')).toBe('Comparison of a.md: the file on disk and your text');
    const sides = [...compare.querySelector('.compare-host')!.shadowRoot!.querySelectorAll('.cm-content')].map((c) => c.textContent);
    expect(sides).toEqual(['Theirs', 'Hellomine']);
    expect(disk['a.md']).toBe('Theirs\n');
    await click('Replace it with mine');
    expect(disk['a.md']).toBe('Hello\nmine');
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('keeps a deleted file’s text and saves it again or under a new name when asked', async () => {
    const { view, disk, removeBehind, click, button } = await setUp({ 'a.md': 'Hello\n' });
    await removeBehind();
    expect(view.container.textContent).toContain('This post was deleted or renamed on disk');
    expect(button('Save again as a.md')).toBeTruthy();
    await click('Save as…');
    const input = view.container.ownerDocument.querySelector<HTMLInputElement>('dialog input')!;
    expect(input.value).toBe('a-copy.md');
    await act(async () => {
      input.form!.requestSubmit();
    });
    await settle();
    expect(disk['a-copy.md']).toBe('Hello\n');
  });

  it('names a copy beside the original', () => {
    expect(copyName('_posts/2024-01-01-a.md')).toBe('_posts/2024-01-01-a-copy.md');
    expect(copyName('notes/README')).toBe('notes/README-copy');
  });
});
