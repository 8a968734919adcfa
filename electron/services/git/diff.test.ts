import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DIFF_TEXT, readDiff } from './diff';
import { openRepo } from './git-engine';
import { gitCli, makeRepo, tempDir, writeFiles } from './git-testing';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('readDiff', () => {
  it('gives the committed text and the text on disk', async () => {
    const dir = makeRepo({ '_posts/spring.md': 'Spring is here.\n' });
    writeFiles(dir, { '_posts/spring.md': 'Spring is finally here.\n' });
    expect(await readDiff(await openRepo(dir), '_posts/spring.md')).toEqual({
      path: '_posts/spring.md',
      oldPath: null,
      before: { kind: 'text', text: gitCli(dir, 'show', 'HEAD:_posts/spring.md') },
      after: { kind: 'text', text: 'Spring is finally here.\n' },
    });
  });

  it('has no before for a new file, no after for a deleted one, and reads a rename from its old path', async () => {
    const dir = makeRepo({ 'old.md': 'same\n', 'gone.md': 'bye\n' });
    writeFiles(dir, { 'new.md': 'fresh\n' });
    fs.rmSync(path.join(dir, 'gone.md'));
    fs.renameSync(path.join(dir, 'old.md'), path.join(dir, 'moved.md'));
    const repo = await openRepo(dir);
    expect(await readDiff(repo, 'new.md')).toMatchObject({ before: null, after: { kind: 'text', text: 'fresh\n' } });
    expect(await readDiff(repo, 'gone.md')).toMatchObject({ before: { kind: 'text', text: 'bye\n' }, after: null });
    expect(await readDiff(repo, 'moved.md', 'old.md')).toEqual({
      path: 'moved.md',
      oldPath: 'old.md',
      before: { kind: 'text', text: 'same\n' },
      after: { kind: 'text', text: 'same\n' },
    });
  });

  it('shows images as pictures, SVG as text, other bytes as binary, and huge text as too large', async () => {
    const dir = makeRepo({ 'img/logo.png': PNG, 'img/logo.svg': '<svg/>\n', 'file.bin': Buffer.from([1, 0, 2]) });
    writeFiles(dir, { 'big.md': 'x'.repeat(MAX_DIFF_TEXT + 1), 'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
    const repo = await openRepo(dir);
    expect((await readDiff(repo, 'img/logo.png')).before).toEqual({ kind: 'image', mime: 'image/png', base64: PNG.toString('base64'), size: PNG.length });
    expect((await readDiff(repo, 'img/logo.svg')).after).toEqual({ kind: 'text', text: '<svg/>\n' });
    expect((await readDiff(repo, 'file.bin')).after).toEqual({ kind: 'binary', size: 3 });
    expect((await readDiff(repo, 'big.md')).after).toEqual({ kind: 'too-large', size: MAX_DIFF_TEXT + 1 });
    expect((await readDiff(repo, 'latin1.txt')).after).toEqual({ kind: 'binary', size: 4 });
  });

  it('never reads a file outside the repository through a symlink', async () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'top secret\n');
    const dir = makeRepo({ 'a.md': 'a\n' });
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'link.md'));
    const repo = await openRepo(dir);
    expect((await readDiff(repo, 'link.md')).after).toEqual({ kind: 'binary', size: 0 });
    await expect(readDiff(repo, '../secret.txt')).rejects.toMatchObject({ error: { code: 'outside-site' } });
  });

  it('works in a repository without commits', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' }, { commit: false });
    expect(await readDiff(await openRepo(dir), 'a.md')).toMatchObject({ before: null, after: { kind: 'text', text: 'a\n' } });
  });
});
