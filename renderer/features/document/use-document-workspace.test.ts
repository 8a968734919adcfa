// @vitest-environment jsdom
// Two editors shown at once (a release and its translation side by side): each one's typing reaches its own tab only.
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract/contract';
import { ok } from '../../../shared/contract/errors';
import type { PostEntry } from '../../../shared/contract/models';
import { EditorBridge } from '../../common/editor-bridge';
import { DocumentTabs } from './document-tabs';
import { createEditorState } from './editor/editor-setup';
import { routeEditor } from './use-document-workspace';

const EN = '_i18n/en/_posts/announcements/2024-03-12-launch.md';
const DE = '_i18n/de/_posts/announcements/2024-03-12-launch.md';
const files: Record<string, string> = { [EN]: '---\ntitle: Launch\n---\n\n## Highlights\n', [DE]: '---\ntitle: Start\n---\n\n## Höhepunkte\n' };

const views: EditorView[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.destroy();
});

async function twoEditors() {
  const api = {
    'document.read': async ({ path }: { path: string }) => ok({ path, text: files[path], version: 'v1', bom: false, eol: 'lf' as const, finalNewline: true, symlinkTarget: null }),
  } as unknown as Api;
  const bridge = new EditorBridge();
  const touched: string[] = [];
  const store = new DocumentTabs(api, '/site', (path, text, mode) =>
    createEditorState(text, { mode, bridge, label: () => path, searchLabel: () => 'Search', phrases: {}, dark: false }),
  );
  store.open({ path: EN, title: 'Launch' } as PostEntry);
  store.open({ path: DE, title: 'Start' } as PostEntry, { activate: false });
  await new Promise((r) => setTimeout(r, 0));
  // As the panels do: the active editor first, then the translation beside it (which leaves the bridge alone).
  const routing = { store, touched: () => touched.push('edit') };
  const enState = store.editorState(EN)!;
  const deState = store.editorState(DE)!;
  routeEditor(routing, EN, enState, {});
  routeEditor(routing, DE, deState, {}, true);
  const en = new EditorView({ state: enState, parent: document.body });
  const de = new EditorView({ state: deState, parent: document.body });
  views.push(en, de);
  return { store, bridge, en, de, touched };
}

describe('a translation side by side', () => {
  it('opens behind the active post: the English stays in front', async () => {
    const { store } = await twoEditors();
    expect(store.getSnapshot().active).toBe(EN);
    expect(store.getSnapshot().tabs.map((t) => t.path)).toEqual([EN, DE]);
  });

  it('typing in the German editor marks only the German tab unsaved and never changes the English text', async () => {
    const { store, en, de, touched } = await twoEditors();
    de.dispatch({ changes: { from: de.state.doc.length, insert: 'Neu' }, userEvent: 'input.type' });
    expect(store.tab(DE)?.dirty).toBe(true);
    expect(store.tab(EN)?.dirty).toBe(false);
    expect(store.editorState(DE)?.doc.toString()).toContain('## Höhepunkte\nNeu');
    expect(store.editorState(EN)?.doc.toString()).toBe(files[EN]);
    expect(en.state.doc.toString()).toBe(files[EN]);
    // Autosave and recovery hear the German edit although the German editor does not feed the bridge.
    expect(touched).toEqual(['edit']);
  });

  it('typing in the English editor leaves the German tab as it was', async () => {
    const { store, en } = await twoEditors();
    en.dispatch({ changes: { from: 0, insert: 'x' }, userEvent: 'input.type' });
    expect(store.tab(EN)?.dirty).toBe(true);
    expect(store.tab(DE)?.dirty).toBe(false);
    expect(store.editorState(DE)?.doc.toString()).toBe(files[DE]);
  });

  it('the preview, status bar and export keep following the English editor', async () => {
    const { bridge, de } = await twoEditors();
    de.dispatch({ changes: { from: 0, insert: 'x' }, userEvent: 'input.type' });
    expect(bridge.current()?.toString()).toBe(files[EN]);
  });
});
