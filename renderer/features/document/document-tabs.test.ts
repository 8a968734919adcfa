import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract/contract';
import { fail, ok } from '../../../shared/contract/errors';
import type { PostEntry } from '../../../shared/contract/models';
import { DocumentTabs } from './document-tabs';

/** A site held in memory with the read/save rules of the documents service (versions, conflicts). */
function memorySite(files: Record<string, string>) {
  const versions = new Map<string, number>(Object.keys(files).map((p) => [p, 1]));
  const saves: { path: string; text: string; baseVersion: string }[] = [];
  const api = {
    'document.read': async ({ path }: { path: string }) =>
      path in files
        ? ok({ path, text: files[path], version: `v${versions.get(path)}`, bom: false, eol: 'lf' as const, finalNewline: true, symlinkTarget: null })
        : fail('not-found', `${path} does not exist`),
    'document.save': async (args: { path: string; text: string; baseVersion: string }) => {
      saves.push(args);
      if (args.baseVersion !== `v${versions.get(args.path)}`) return fail('conflict', 'changed on disk');
      files[args.path] = args.text;
      versions.set(args.path, (versions.get(args.path) ?? 0) + 1);
      return ok({ version: `v${versions.get(args.path)}` });
    },
  } as unknown as Api;
  /** Someone else writes the file. */
  const writeBehind = (path: string, text: string) => {
    files[path] = text;
    versions.set(path, (versions.get(path) ?? 0) + 1);
  };
  return { api, files, saves, writeBehind };
}

const post = (path: string) => ({ path, title: path }) as PostEntry;
const settle = () => new Promise((r) => setTimeout(r, 0));

async function openTabs(files: Record<string, string>) {
  const site = memorySite(files);
  const tabs = new DocumentTabs(site.api, '/site', (_path, text) => EditorState.create({ doc: text }));
  return { site, tabs };
}

/** Types into a tab the way the editor reports it. */
function edit(tabs: DocumentTabs, path: string, insert: string) {
  const state = tabs.editorState(path)!;
  tabs.update(path, state.update({ changes: { from: state.doc.length, insert } }).state, true);
}

describe('DocumentTabs', () => {
  it('opens a post once, marks it unsaved after a change and clean again when the change is undone', async () => {
    const { tabs } = await openTabs({ 'a.md': 'Hello\n' });
    tabs.open(post('a.md'));
    tabs.open(post('a.md'));
    await settle();
    expect(tabs.getSnapshot().tabs).toHaveLength(1);
    expect(tabs.tab('a.md')?.status).toBe('ready');
    const original = tabs.editorState('a.md')!;
    edit(tabs, 'a.md', 'more');
    expect(tabs.tab('a.md')?.dirty).toBe(true);
    tabs.update('a.md', original, true);
    expect(tabs.tab('a.md')?.dirty).toBe(false);
  });

  it('saves with the version it read, then with the version the save returned', async () => {
    const { site, tabs } = await openTabs({ 'a.md': 'Hello\n' });
    tabs.open(post('a.md'));
    await settle();
    edit(tabs, 'a.md', 'one');
    expect(await tabs.save('a.md')).toBe(true);
    edit(tabs, 'a.md', ' two');
    expect(await tabs.save('a.md')).toBe(true);
    expect(site.saves.map((s) => s.baseVersion)).toEqual(['v1', 'v2']);
    expect(site.files['a.md']).toBe('Hello\none two');
    expect(tabs.tab('a.md')?.dirty).toBe(false);
  });

  it('does not send unchanged text at all', async () => {
    const { site, tabs } = await openTabs({ 'a.md': 'Hello\n' });
    tabs.open(post('a.md'));
    await settle();
    expect(await tabs.save('a.md')).toBe(true);
    expect(site.saves).toEqual([]);
  });

  it('on a conflict writes nothing and keeps the text; reload shows the file on disk', async () => {
    const { site, tabs } = await openTabs({ 'a.md': 'Hello\n' });
    tabs.open(post('a.md'));
    await settle();
    edit(tabs, 'a.md', 'mine');
    site.writeBehind('a.md', 'Theirs\n');
    expect(await tabs.save('a.md')).toBe(false);
    expect(tabs.tab('a.md')).toMatchObject({ conflict: true, dirty: true });
    expect(tabs.editorState('a.md')?.doc.toString()).toBe('Hello\nmine');
    expect(site.files['a.md']).toBe('Theirs\n');
    await tabs.reload('a.md');
    expect(tabs.editorState('a.md')?.doc.toString()).toBe('Theirs\n');
    expect(tabs.tab('a.md')).toMatchObject({ conflict: false, dirty: false });
  });

  it('shows a read error in the tab and closes tabs to the neighbour', async () => {
    const { tabs } = await openTabs({ 'a.md': 'A', 'b.md': 'B' });
    tabs.open(post('a.md'));
    tabs.open(post('missing.md'));
    tabs.open(post('b.md'));
    await settle();
    expect(tabs.tab('missing.md')).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
    tabs.activate('missing.md');
    tabs.close('missing.md');
    expect(tabs.getSnapshot().active).toBe('b.md');
    expect(tabs.getSnapshot().tabs.map((t) => t.path)).toEqual(['a.md', 'b.md']);
  });
});
