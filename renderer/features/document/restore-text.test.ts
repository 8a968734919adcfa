import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract/contract';
import { fail, ok } from '../../../shared/contract/errors';
import type { PostEntry } from '../../../shared/contract/models';
import { DocumentTabs } from './document-tabs';
import { restoreText } from './restore-text';

/** One file on a fake disk with versions, and every save the tab store sends. */
function oneFile(text: string) {
  const disk = { text, version: 1 };
  const saves: { text: string; baseVersion: string }[] = [];
  const api = {
    'document.read': async ({ path }: { path: string }) =>
      ok({ path, text: disk.text, version: `v${disk.version}`, bom: false, eol: 'lf' as const, finalNewline: true, symlinkTarget: null }),
    'document.save': async (args: { text: string; baseVersion: string }) => {
      saves.push(args);
      if (args.baseVersion !== `v${disk.version}`) return fail('conflict', 'changed on disk');
      disk.text = args.text;
      disk.version += 1;
      return ok({ version: `v${disk.version}` });
    },
  } as unknown as Api;
  const tabs = new DocumentTabs(api, '/site', (_path, t) => EditorState.create({ doc: t }));
  return { disk, saves, tabs };
}

const post = (path: string) => ({ path, title: path }) as PostEntry;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('opening and restoring', () => {
  it('brings a post that is already open to the front instead of opening it twice', async () => {
    const { tabs } = oneFile('Hello\n');
    tabs.open(post('a.md'));
    tabs.open(post('b.md'));
    await settle();
    expect(tabs.getSnapshot().active).toBe('b.md');
    tabs.open(post('a.md'));
    expect(tabs.getSnapshot().tabs.map((t) => t.path)).toEqual(['a.md', 'b.md']);
    expect(tabs.getSnapshot().active).toBe('a.md');
  });

  it('puts recovered text into the editor exactly as typed, unsaved, and writes it only when the user saves', async () => {
    const { disk, saves, tabs } = oneFile('Title\n\nOld body\n');
    const typed = 'Title\n\nNew body with ümlauts, “quotes”, tabs\tand trailing spaces   \n\n\n';
    expect(await restoreText(tabs, () => null, post('a.md'), typed, 'v1')).toBe(true);
    expect(tabs.editorState('a.md')!.doc.toString()).toBe(typed);
    expect(tabs.tab('a.md')).toMatchObject({ dirty: true, conflict: false });
    expect(saves).toEqual([]);
    expect(disk.text).toBe('Title\n\nOld body\n');
    expect(await tabs.save('a.md')).toBe(true);
    expect(disk.text).toBe(typed);
  });

  it('never saves recovered text over a file that changed on disk after the text was typed', async () => {
    const { disk, tabs } = oneFile('Theirs, version 2\n');
    disk.version = 2;
    expect(await restoreText(tabs, () => null, post('a.md'), 'Mine, typed on version 1\n', 'v1')).toBe(true);
    expect(tabs.tab('a.md')?.dirty).toBe(true);
    expect(await tabs.save('a.md')).toBe(false);
    expect(disk.text).toBe('Theirs, version 2\n');
    expect(tabs.editorState('a.md')!.doc.toString()).toBe('Mine, typed on version 1\n');
  });
});
