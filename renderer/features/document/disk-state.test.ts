// What an open document does when its file changes on disk: decided before anything touches the editor.
import { EditorState, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/contract/errors';
import type { DocumentSnapshot } from '../../../shared/contract/models';
import { diskAction, docOf, minimalChange, saveAsPath } from './disk-state';

const onDisk = (text: string, version: string) =>
  ok<DocumentSnapshot>({ path: 'a.md', text, version, bom: false, eol: 'lf', finalNewline: true, symlinkTarget: null });
const clean = { dirty: false, version: 'v1', conflict: null };
const dirty = { dirty: true, version: 'v1', conflict: null };

describe('diskAction', () => {
  it('ignores the app’s own save: the disk has the version the document already has', () => {
    expect(diskAction(clean, onDisk('x', 'v1'))).toEqual({ kind: 'ignore' });
    expect(diskAction(dirty, onDisk('x', 'v1'))).toEqual({ kind: 'ignore' });
  });

  it('reloads a clean document with the disk’s text, line breaks as the editor holds them', () => {
    expect(diskAction(clean, onDisk('new\r\ntext', 'v2'))).toEqual({ kind: 'reload', text: 'new\ntext', version: 'v2' });
  });

  it('keeps unsaved changes and reports the disk’s version instead of reloading', () => {
    expect(diskAction(dirty, onDisk('theirs', 'v2'))).toEqual({ kind: 'conflict', conflict: { kind: 'changed', text: 'theirs', version: 'v2' } });
  });

  it('does not report the same disk version twice, but does report a newer one', () => {
    const shown = { ...dirty, conflict: { kind: 'changed' as const, text: 'theirs', version: 'v2' } };
    expect(diskAction(shown, onDisk('theirs', 'v2'))).toEqual({ kind: 'ignore' });
    expect(diskAction(shown, onDisk('newer', 'v3'))).toMatchObject({ kind: 'conflict', conflict: { version: 'v3' } });
  });

  it('keeps the text of a file that went, clean or not, and never reloads it while it is marked gone', () => {
    const gone = fail<DocumentSnapshot>('not-found', 'a.md does not exist');
    expect(diskAction(clean, gone)).toEqual({ kind: 'conflict', conflict: { kind: 'removed' } });
    expect(diskAction(dirty, gone)).toEqual({ kind: 'conflict', conflict: { kind: 'removed' } });
    const marked = { ...clean, conflict: { kind: 'removed' as const } };
    expect(diskAction(marked, onDisk('other', 'v9'))).toMatchObject({ kind: 'conflict', conflict: { kind: 'changed' } });
    expect(diskAction(marked, onDisk('same', 'v1'))).toEqual({ kind: 'in-sync', text: 'same' });
  });

  it('leaves the document alone when the file cannot be read for another reason (the save still checks)', () => {
    expect(diskAction(dirty, fail('too-large', 'big'))).toEqual({ kind: 'ignore' });
  });
});

describe('minimalChange', () => {
  it('replaces only the stretch that differs, so a cursor elsewhere stays on its words', () => {
    const before = 'Title\nfirst line\nlast line\n';
    const after = 'Title\nFIRST line\nlast line\n';
    const change = minimalChange(Text.of(before.split('\n')), after);
    expect(change).toEqual({ from: 6, to: 11, insert: 'FIRST' });
    const state = EditorState.create({ doc: before, selection: { anchor: before.indexOf('last') } });
    const next = state.update({ changes: change! }).state;
    expect(next.doc.toString()).toBe(after);
    expect(next.selection.main.head).toBe(after.indexOf('last'));
  });

  it('is nothing for equal texts and handles text added at the end or removed entirely', () => {
    expect(minimalChange('same', 'same')).toBeNull();
    expect(minimalChange('ab', 'abc')).toEqual({ from: 2, to: 2, insert: 'c' });
    expect(minimalChange('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
    expect(minimalChange('abc', '')).toEqual({ from: 0, to: 3, insert: '' });
  });
});

describe('docOf and saveAsPath', () => {
  it('makes the editor document of a CRLF file', () => {
    expect(docOf('a\r\nb\r\n').eq(Text.of(['a', 'b', '']))).toBe(true);
  });

  it('tidies a typed path and refuses one that cannot name a file in the site', () => {
    expect(saveAsPath(' ./_posts\\2024-01-01-a.md ')).toBe('_posts/2024-01-01-a.md');
    expect(saveAsPath('/_posts//a.md')).toBe('_posts/a.md');
    expect(saveAsPath('')).toBeNull();
    expect(saveAsPath('_posts/')).toBeNull();
    expect(saveAsPath('../outside.md')).toBeNull();
  });
});
