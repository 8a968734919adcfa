import { history, undo } from '@codemirror/commands';
import { EditorState, type TransactionSpec } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract/contract';
import { fail, ok } from '../../../shared/contract/errors';
import type { PostEntry } from '../../../shared/contract/models';
import { RecoveryWriter } from '../../common/recovery/recovery-writer';
import { DocumentTabs, type LiveEditor } from './document-tabs';

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
    'document.create': async (args: { path: string; text: string }) => {
      if (args.path in files) return fail('exists', `${args.path} already exists`);
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
  /** Someone else deletes (or renames away) the file. */
  const removeBehind = (path: string) => {
    delete files[path];
  };
  /** The file is renamed (its bytes, so its version, unchanged). */
  const renameBehind = (from: string, to: string) => {
    files[to] = files[from];
    versions.set(to, versions.get(from) ?? 1);
    delete files[from];
  };
  return { api, files, saves, writeBehind, removeBehind, renameBehind };
}

const post = (path: string) => ({ path, title: path }) as PostEntry;
const settle = () => new Promise((r) => setTimeout(r, 0));

async function openTabs(files: Record<string, string>, live?: () => LiveEditor | null) {
  const site = memorySite(files);
  const tabs = new DocumentTabs(site.api, '/site', (_path, text) => EditorState.create({ doc: text, extensions: history() }), live);
  return { site, tabs };
}

/** Types into a tab the way the editor reports it. */
function edit(tabs: DocumentTabs, path: string, insert: string) {
  const state = tabs.editorState(path)!;
  tabs.update(path, state.update({ changes: { from: state.doc.length, insert } }).state, true);
}

describe('DocumentTabs: the editor is named by the file it shows now', () => {
  it('tells the editor its new path after the file was renamed, so a screen reader says the new name', async () => {
    const site = memorySite({ 'old.md': 'Hello\n' });
    const named: Array<() => string> = [];
    const tabs = new DocumentTabs(site.api, '/site', (_path, text, _mode, pathNow) => (named.push(pathNow), EditorState.create({ doc: text })));
    tabs.open(post('old.md'));
    await settle();
    expect(named[0]()).toBe('old.md');
    site.renameBehind('old.md', 'new.md');
    tabs.move('old.md', 'new.md');
    expect(named[0]()).toBe('new.md');
  });
});

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

const text = (tabs: DocumentTabs, path: string) => tabs.editorState(path)?.doc.toString();

describe('DocumentTabs when files change on disk', () => {
  it('ignores the event of its own save: same version, nothing reloaded or reported', async () => {
    const { tabs } = await openTabs({ 'a.md': 'Hello\n' });
    tabs.open(post('a.md'));
    await settle();
    edit(tabs, 'a.md', 'mine');
    await tabs.save('a.md');
    const generation = tabs.tab('a.md')?.generation;
    await tabs.fileChanged('a.md');
    expect(tabs.tab('a.md')).toMatchObject({ conflict: false, disk: null, dirty: false, generation });
    expect(text(tabs, 'a.md')).toBe('Hello\nmine');
  });

  it('shows a clean document’s new text by itself, keeping the cursor on its words and the editor in place', async () => {
    const { site, tabs } = await openTabs({ 'a.md': 'Title\nfirst\nlast\n' });
    tabs.open(post('a.md'));
    await settle();
    const cursorAt = 'Title\nfirst\n'.length + 2;
    tabs.update('a.md', tabs.editorState('a.md')!.update({ selection: { anchor: cursorAt } }).state, false);
    const generation = tabs.tab('a.md')?.generation;
    site.writeBehind('a.md', 'Title\nFIRST, longer\nlast\n');
    await tabs.fileChanged('a.md');
    expect(text(tabs, 'a.md')).toBe('Title\nFIRST, longer\nlast\n');
    expect(tabs.editorState('a.md')!.selection.main.head).toBe('Title\nFIRST, longer\n'.length + 2);
    expect(tabs.tab('a.md')).toMatchObject({ dirty: false, conflict: false, generation });
  });

  it('changes the text through the editor on screen, so its view keeps cursor and scroll', async () => {
    const dispatched: TransactionSpec[] = [];
    let tabsRef: DocumentTabs | null = null;
    const live = (): LiveEditor | null => {
      const state = tabsRef?.editorState('a.md');
      return state ? { state, dispatch: (spec) => { dispatched.push(spec); tabsRef!.update('a.md', state.update(spec).state, true); } } : null;
    };
    const { site, tabs } = await openTabs({ 'a.md': 'one\n' }, live);
    tabsRef = tabs;
    tabs.open(post('a.md'));
    await settle();
    site.writeBehind('a.md', 'two\n');
    await tabs.fileChanged('a.md');
    expect(dispatched).toHaveLength(1);
    expect(text(tabs, 'a.md')).toBe('two\n');
    expect(tabs.tab('a.md')?.dirty).toBe(false);
  });

  it('keeps unsaved changes when the file changes, and "Keep mine" saves over exactly the version shown', async () => {
    const { site, tabs } = await openTabs({ 'a.md': 'Hello\n' });
    tabs.open(post('a.md'));
    await settle();
    edit(tabs, 'a.md', 'mine');
    site.writeBehind('a.md', 'Theirs\n');
    await tabs.fileChanged('a.md');
    expect(tabs.tab('a.md')).toMatchObject({ dirty: true, conflict: true, disk: { kind: 'changed', text: 'Theirs\n', version: 'v2' } });
    expect(text(tabs, 'a.md')).toBe('Hello\nmine');
    expect(site.files['a.md']).toBe('Theirs\n');

    expect(await tabs.keepMine('a.md')).toBe(true);
    expect(site.saves.at(-1)).toMatchObject({ baseVersion: 'v2', text: 'Hello\nmine' });
    expect(site.files['a.md']).toBe('Hello\nmine');
    expect(tabs.tab('a.md')).toMatchObject({ dirty: false, conflict: false, disk: null });
    // Later saves work again.
    edit(tabs, 'a.md', ' more');
    expect(await tabs.save('a.md')).toBe(true);
    expect(site.files['a.md']).toBe('Hello\nmine more');
  });

  it('"Keep mine" never writes over a version the user was not shown', async () => {
    const { site, tabs } = await openTabs({ 'a.md': 'Hello\n' });
    tabs.open(post('a.md'));
    await settle();
    edit(tabs, 'a.md', 'mine');
    site.writeBehind('a.md', 'Theirs\n');
    await tabs.fileChanged('a.md');
    site.writeBehind('a.md', 'Newer\n');
    expect(await tabs.keepMine('a.md')).toBe(false);
    expect(site.files['a.md']).toBe('Newer\n');
    expect(tabs.tab('a.md')).toMatchObject({ conflict: true, disk: { kind: 'changed', text: 'Newer\n' } });
  });

  it('a save refused because the disk changed offers the same choices instead of a dead end', async () => {
    const { site, tabs } = await openTabs({ 'a.md': 'Hello\n' });
    tabs.open(post('a.md'));
    await settle();
    edit(tabs, 'a.md', 'mine');
    site.writeBehind('a.md', 'Theirs\n');
    expect(await tabs.save('a.md')).toBe(false);
    expect(tabs.tab('a.md')).toMatchObject({ conflict: true, disk: { kind: 'changed', text: 'Theirs\n' } });
    expect(await tabs.keepMine('a.md')).toBe(true);
    expect(site.files['a.md']).toBe('Hello\nmine');
  });

  it('"Take the disk’s" shows the version on disk, clean, and one undo brings the user’s text back', async () => {
    const { site, tabs } = await openTabs({ 'a.md': 'Hello\n' });
    tabs.open(post('a.md'));
    await settle();
    edit(tabs, 'a.md', 'mine');
    site.writeBehind('a.md', 'Theirs\n');
    await tabs.fileChanged('a.md');
    tabs.takeDisk('a.md');
    expect(text(tabs, 'a.md')).toBe('Theirs\n');
    expect(tabs.tab('a.md')).toMatchObject({ dirty: false, conflict: false, disk: null });
    let state = tabs.editorState('a.md')!;
    undo({ state, dispatch: (tr) => (state = tr.state) });
    tabs.update('a.md', state, true);
    expect(text(tabs, 'a.md')).toBe('Hello\nmine');
    expect(tabs.tab('a.md')?.dirty).toBe(true);
    expect(site.saves).toEqual([]);
  });

  it('keeps the text of a file deleted underneath, counts it unsaved, and saves it again only when asked', async () => {
    const { site, tabs } = await openTabs({ 'a.md': 'Hello\n' });
    tabs.open(post('a.md'));
    await settle();
    site.removeBehind('a.md');
    await tabs.fileChanged('a.md');
    expect(tabs.tab('a.md')).toMatchObject({ conflict: true, disk: { kind: 'removed' }, dirty: true });
    expect(tabs.unsaved()).toEqual(['a.md']);
    expect(text(tabs, 'a.md')).toBe('Hello\n');
    expect(await tabs.save('a.md')).toBe(false);
    expect('a.md' in site.files).toBe(false);

    expect(await tabs.saveAs('a.md', 'a.md')).toEqual({ ok: true, value: 'a.md' });
    expect(site.files['a.md']).toBe('Hello\n');
    expect(tabs.tab('a.md')).toMatchObject({ conflict: false, disk: null, dirty: false });
  });

  it('looks at every open post after a site-wide change (a branch switch) and at those inside a changed folder', async () => {
    const { site, tabs } = await openTabs({ 'p/a.md': 'A\n', 'p/b.md': 'B\n', 'q/c.md': 'C\n' });
    for (const p of ['p/a.md', 'p/b.md', 'q/c.md']) tabs.open(post(p));
    await settle();
    site.removeBehind('p/a.md');
    site.removeBehind('q/c.md');
    tabs.diskEvent('p');
    await settle();
    expect(tabs.getSnapshot().tabs.map((t) => t.disk?.kind ?? null)).toEqual(['removed', null, null]);
    site.writeBehind('p/b.md', 'B2\n');
    tabs.diskEvent('');
    await settle();
    expect(tabs.getSnapshot().tabs.map((t) => t.disk?.kind ?? null)).toEqual(['removed', null, 'removed']);
    expect(text(tabs, 'p/b.md')).toBe('B2\n');
  });

  it('"Save as…" writes a new file, never over an existing one, and the tab then stands for it', async () => {
    const { site, tabs } = await openTabs({ 'a.md': 'Hello\n', 'b.md': 'Bee\n' });
    tabs.open(post('a.md'));
    await settle();
    edit(tabs, 'a.md', 'mine');
    site.writeBehind('a.md', 'Theirs\n');
    await tabs.fileChanged('a.md');
    expect(await tabs.saveAs('a.md', 'b.md')).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(site.files['b.md']).toBe('Bee\n');
    expect(await tabs.saveAs('a.md', 'a-copy.md')).toEqual({ ok: true, value: 'a-copy.md' });
    expect(site.files['a-copy.md']).toBe('Hello\nmine');
    expect(site.files['a.md']).toBe('Theirs\n');
    expect(tabs.getSnapshot()).toMatchObject({ active: 'a-copy.md', tabs: [{ path: 'a-copy.md', dirty: false, disk: null, post: { path: 'a-copy.md' } }] });
    edit(tabs, 'a-copy.md', ' again');
    expect(await tabs.save('a-copy.md')).toBe(true);
    expect(site.files['a-copy.md']).toBe('Hello\nmine again');
  });
});

describe('saving a post whose front matter cannot be read', () => {
  it('asks first: "Keep editing" writes nothing, "Save anyway" writes the text as it is', async () => {
    const { tabs, site } = await openTabs({ 'a.md': '---\ntitle: A\n---\nBody\n' });
    const asked: Array<[string, number, string]> = [];
    let answer = false;
    tabs.confirmUnreadable = async (path, problem) => {
      asked.push([path, problem.line, problem.words.id]);
      return answer;
    };
    tabs.open(post('a.md'));
    await settle();
    const state = tabs.editorState('a.md')!;
    tabs.update('a.md', state.update({ changes: { from: 4, to: 12, insert: 'title: [A' } }).state, true);
    expect(tabs.unreadableFrontMatter('a.md')?.line).toBe(2);

    expect(await tabs.save('a.md')).toBe(false);
    expect(asked).toEqual([['a.md', 2, 'unclosed-list']]);
    expect(site.saves).toEqual([]);
    expect(tabs.tab('a.md')?.dirty).toBe(true);

    answer = true;
    expect(await tabs.save('a.md')).toBe(true);
    expect(site.files['a.md']).toBe('---\ntitle: [A\n---\nBody\n');
  });

  it('does not ask when the front matter reads fine', async () => {
    const { tabs, site } = await openTabs({ 'a.md': '---\ntitle: A\n---\nBody\n' });
    tabs.confirmUnreadable = async () => {
      throw new Error('asked');
    };
    tabs.open(post('a.md'));
    await settle();
    edit(tabs, 'a.md', 'more');
    expect(tabs.unreadableFrontMatter('a.md')).toBeNull();
    expect(await tabs.save('a.md')).toBe(true);
    expect(site.saves).toHaveLength(1);
  });
});

describe('a post renamed on disk, and the list read again', () => {
  it('moves a tab to the new path with its unsaved text, cursor, undo and scroll; the next save goes to the new file', async () => {
    let view: { state: EditorState; dispatch(spec: TransactionSpec): void; scrollSnapshot(): never } | null = null;
    const scroll = { marker: 'scroll at line 40' } as never;
    const { site, tabs } = await openTabs({ 'old.md': 'Hello\n', 'other.md': 'x\n' }, () => view);
    tabs.open(post('other.md'));
    tabs.open(post('old.md'));
    await settle();
    edit(tabs, 'old.md', 'typed');
    const typed = tabs.editorState('old.md')!;
    tabs.update('old.md', typed.update({ selection: { anchor: 3 } }).state, false);
    view = { state: tabs.editorState('old.md')!, dispatch: () => undefined, scrollSnapshot: () => scroll };
    const generation = tabs.tab('old.md')!.generation;
    // The backend renamed the file; its text is what was read.
    site.renameBehind('old.md', 'new.md');

    expect(tabs.move('old.md', 'new.md')).toBe(true);
    expect(tabs.tab('old.md')).toBeUndefined();
    const moved = tabs.tab('new.md')!;
    expect(moved.post.path).toBe('new.md');
    expect(moved.dirty).toBe(true);
    expect(moved.generation).toBe(generation + 1);
    expect(tabs.getSnapshot().active).toBe('new.md');
    expect(tabs.getSnapshot().tabs.map((t) => t.path)).toEqual(['other.md', 'new.md']);
    const state = tabs.editorState('new.md')!;
    expect(state.doc.toString()).toBe('Hello\ntyped');
    expect(state.selection.main.head).toBe(3);
    expect(undo({ state, dispatch: (tr) => expect(tr.state.doc.toString()).toBe('Hello\n') })).toBe(true);
    expect(tabs.scrollOf('new.md')).toBe(scroll);
    // The editor of the old path going away hands back nothing that could resurrect it.
    tabs.leave('old.md', typed, scroll);
    expect(tabs.editorState('old.md')).toBeNull();

    await settle();
    expect(tabs.tab('new.md')?.disk).toBeNull();
    expect(await tabs.save('new.md')).toBe(true);
    expect(site.files['new.md']).toBe('Hello\ntyped');
    expect('old.md' in site.files).toBe(false);
  });

  it('a "gone" heard before the move is cleared by the file at its new path', async () => {
    const { site, tabs } = await openTabs({ 'old.md': 'Hello\n' });
    tabs.open(post('old.md'));
    await settle();
    site.renameBehind('old.md', 'new.md');
    await tabs.fileChanged('old.md');
    expect(tabs.tab('old.md')?.disk).toEqual({ kind: 'removed' });
    expect(tabs.move('old.md', 'new.md')).toBe(true);
    await settle();
    expect(tabs.tab('new.md')).toMatchObject({ disk: null, conflict: false, dirty: false });
  });

  it('moves nothing onto an open tab, from a closed one, or while a save runs', async () => {
    const { tabs } = await openTabs({ 'a.md': 'A\n', 'b.md': 'B\n' });
    tabs.open(post('a.md'));
    tabs.open(post('b.md'));
    await settle();
    expect(tabs.move('a.md', 'b.md')).toBe(false);
    expect(tabs.move('c.md', 'd.md')).toBe(false);
    edit(tabs, 'a.md', 'x');
    const saving = tabs.save('a.md');
    expect(tabs.move('a.md', 'e.md')).toBe(false);
    await saving;
    expect(tabs.getSnapshot().tabs.map((t) => t.path)).toEqual(['a.md', 'b.md']);
  });

  it('open tabs take the fresh list entry (a new title) and keep their editor', async () => {
    const { tabs } = await openTabs({ 'a.md': 'A\n', 'b.md': 'B\n' });
    tabs.open(post('a.md'));
    tabs.open(post('b.md'));
    await settle();
    const before = tabs.getSnapshot();
    const generation = tabs.tab('a.md')!.generation;
    tabs.followPosts([{ path: 'b.md', title: 'b.md' } as PostEntry]);
    expect(tabs.getSnapshot()).toBe(before);
    tabs.followPosts([{ path: 'a.md', title: 'A new title' } as PostEntry, { path: 'b.md', title: 'b.md' } as PostEntry]);
    expect(tabs.tab('a.md')?.post.title).toBe('A new title');
    expect(tabs.tab('a.md')?.generation).toBe(generation);
    expect(tabs.tab('b.md')).toBe(before.tabs[1]);
  });

  it('the unsaved text kept for recovery moves with the tab: the old path is forgotten, the new one kept', async () => {
    const { site, tabs } = await openTabs({ 'old.md': 'Hello\n' });
    const sent: Array<[string, string]> = [];
    const api = {
      'recovery.put': async ({ path }: { path: string }) => (sent.push(['put', path]), ok({ savedAt: 'now' })),
      'recovery.discard': async ({ path }: { path: string }) => (sent.push(['discard', path]), ok(null)),
    } as unknown as ConstructorParameters<typeof RecoveryWriter>[0];
    const timers: Array<() => void> = [];
    const writer = new RecoveryWriter(api, '/site', tabs, { set: (fn) => timers.push(fn), clear: () => undefined });
    writer.attach();
    tabs.open(post('old.md'));
    await settle();
    edit(tabs, 'old.md', 'typed');
    await writer.flush();
    expect(sent).toEqual([['put', 'old.md']]);
    site.renameBehind('old.md', 'new.md');
    tabs.move('old.md', 'new.md');
    await writer.flush();
    await settle();
    expect(sent).toEqual([['put', 'old.md'], ['discard', 'old.md'], ['put', 'new.md']]);
  });
});
