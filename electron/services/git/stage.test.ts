import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepo } from './git-engine';
import { gitCli, makeRepo, writeFiles } from './git-testing';
import { stagePaths, unstagePaths } from './stage';

const cached = (dir: string): string => gitCli(dir, 'diff', '--cached', '--name-status');

describe('stagePaths', () => {
  it('stages exactly the given new, changed and deleted files', async () => {
    const dir = makeRepo({ 'a.md': 'a\n', 'b.md': 'b\n', 'gone.md': 'g\n', 'keep.md': 'k\n' });
    writeFiles(dir, { 'a.md': 'a2\n', 'b.md': 'b2\n', '_posts/new.md': 'n\n', 'other.md': 'o\n' });
    fs.rmSync(path.join(dir, 'gone.md'));
    await stagePaths(await openRepo(dir), ['a.md', '_posts/new.md', 'gone.md']);
    expect(cached(dir)).toBe('A\t_posts/new.md\nM\ta.md\nD\tgone.md\n');
    expect(gitCli(dir, 'status', '--porcelain')).toContain(' M b.md');
  });

  it('refuses paths outside the repository and stages nothing', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    writeFiles(dir, { 'a.md': 'a2\n' });
    const repo = await openRepo(dir);
    for (const bad of ['../x.md', '/etc/passwd', 'a/../../x', '.git/config']) {
      await expect(stagePaths(repo, ['a.md', bad])).rejects.toMatchObject({ error: { code: 'outside-site' } });
    }
    expect(cached(dir)).toBe('');
  });

  it('refuses a file over 100 MB with what to do, and stages nothing of the batch', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    writeFiles(dir, { 'a.md': 'a2\n' });
    // A sparse file: 101 MB long without taking the disk space.
    const video = path.join(dir, 'video.mp4');
    fs.writeFileSync(video, '');
    fs.truncateSync(video, 101 * 1024 * 1024);
    const failure = stagePaths(await openRepo(dir), ['a.md', 'video.mp4']);
    await expect(failure).rejects.toMatchObject({ error: { code: 'too-large', path: 'video.mp4', message: expect.stringContaining('101 MB') } });
    expect(cached(dir)).toBe('');
  });
});

describe('unstagePaths', () => {
  it('takes files out of the next commit and leaves their working copies', async () => {
    const dir = makeRepo({ 'a.md': 'a\n', 'b.md': 'b\n', 'gone.md': 'g\n' });
    writeFiles(dir, { 'a.md': 'a2\n', 'b.md': 'b2\n', 'new.md': 'n\n' });
    gitCli(dir, 'add', 'a.md', 'b.md', 'new.md');
    gitCli(dir, 'rm', '-q', 'gone.md');
    await unstagePaths(await openRepo(dir), ['a.md', 'new.md', 'gone.md']);
    expect(cached(dir)).toBe('M\tb.md\n');
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('a2\n');
    expect(fs.existsSync(path.join(dir, 'new.md'))).toBe(true);
    expect(gitCli(dir, 'status', '--porcelain')).toBe(' M a.md\nM  b.md\n D gone.md\n?? new.md\n');
  });

  it('stages and unstages whole folders, removed ones included', async () => {
    const dir = makeRepo({ 'img/a.png': 'a', 'img/b.png': 'b', 'posts/x.md': 'x\n' });
    fs.rmSync(path.join(dir, 'img'), { recursive: true });
    writeFiles(dir, { 'posts/x.md': 'x2\n', 'posts/y.md': 'y\n' });
    const repo = await openRepo(dir);
    await stagePaths(repo, ['img', 'posts']);
    expect(cached(dir)).toBe('D\timg/a.png\nD\timg/b.png\nM\tposts/x.md\nA\tposts/y.md\n');
    await unstagePaths(repo, ['img', 'posts/']);
    expect(cached(dir)).toBe('');
    expect(gitCli(dir, 'status', '--porcelain')).toBe(' D img/a.png\n D img/b.png\n M posts/x.md\n?? posts/y.md\n');
    gitCli(dir, 'fsck', '--strict');
  });

  it('works before the first commit', async () => {
    const dir = makeRepo({ 'a.md': 'a\n', 'b.md': 'b\n' }, { commit: false });
    gitCli(dir, 'add', 'a.md', 'b.md');
    await unstagePaths(await openRepo(dir), ['a.md']);
    expect(gitCli(dir, 'status', '--porcelain')).toBe('A  b.md\n?? a.md\n');
  });
});
