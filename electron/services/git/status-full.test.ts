import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitFs, openRepo, type Repo } from './git-engine';
import { commitAll, gitCli, makeMixedChangesRepo, makeRepo, writeFiles } from './git-testing';
import { readAllRowsFast } from './status-full';

const byPath = (a: [string, ...number[]], b: [string, ...number[]]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The fast full read must give exactly statusMatrix's rows. */
async function expectSameAsMatrix(repo: Repo): Promise<void> {
  const fast = await readAllRowsFast(repo);
  expect(fast).not.toBeNull();
  const matrix = await git.statusMatrix({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, refresh: false });
  expect([...fast!].sort(byPath)).toEqual([...matrix].sort(byPath));
}

describe('readAllRowsFast', () => {
  it('gives the rows statusMatrix gives, for every kind of change', async () => {
    await expectSameAsMatrix(await openRepo(makeMixedChangesRepo().dir));
  });

  it('gives the same rows in a fresh repository and after files changed within the same second as the index', async () => {
    const fresh = makeRepo({ 'a.md': 'a\n', 'b/c.md': 'c\n' }, { commit: false });
    gitCli(fresh, 'add', 'a.md');
    await expectSameAsMatrix(await openRepo(fresh));

    const dir = makeRepo({ 'a.md': 'aaaa\n', 'b.md': 'b\n' });
    // Same size, same second: only the content tells the change (git's "racy" case).
    fs.writeFileSync(path.join(dir, 'a.md'), 'bbbb\n');
    const rows = await readAllRowsFast(await openRepo(dir));
    expect(rows!.find((r) => r[0] === 'a.md')).toEqual(['a.md', 1, 2, 1]);
    await expectSameAsMatrix(await openRepo(dir));
  });

  it('leaves many megabytes of just-written files to the walk instead of hashing them on every read', async () => {
    const dir = makeRepo({ 'big.bin': Buffer.alloc(17 * 1024 * 1024, 1) });
    // Written and indexed in the same second, as right after a clone: the stat data cannot be trusted alone.
    const big = fs.statSync(path.join(dir, 'big.bin'));
    fs.utimesSync(path.join(dir, '.git', 'index'), big.atime, big.mtime);
    expect(await readAllRowsFast(await openRepo(dir))).toBeNull();
    // An hour later the same file is trusted by its stat data.
    const later = new Date(big.mtimeMs + 3600_000);
    fs.utimesSync(path.join(dir, '.git', 'index'), later, later);
    expect(await readAllRowsFast(await openRepo(dir))).toEqual([['big.bin', 1, 1, 1]]);
  });

  it('defers to the walk during a merge conflict and for index version 4', async () => {
    const dir = makeRepo({ 'post.md': '1\n2\n3\n' });
    gitCli(dir, 'checkout', '-q', '-b', 'side');
    writeFiles(dir, { 'post.md': '1\nS\n3\n' });
    commitAll(dir, 'side');
    gitCli(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'post.md': '1\nM\n3\n' });
    commitAll(dir, 'main');
    expect(() => gitCli(dir, 'merge', '-q', 'side')).toThrow();
    expect(await readAllRowsFast(await openRepo(dir))).toBeNull();
    const v4 = makeRepo({ 'a.md': 'a\n' });
    gitCli(v4, 'update-index', '--index-version', '4');
    expect(await readAllRowsFast(await openRepo(v4))).toBeNull();
  });
});
