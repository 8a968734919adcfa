import { describe, expect, it } from 'vitest';
import { git, gitFs, openRepo, type Repo } from './git-engine';
import { commitAll, gitCli, makeMixedChangesRepo, makeRepo, writeFiles } from './git-testing';
import { HeadTrees, readFileRow, readIndexSnapshot } from './status-rows';

/** Every path's single-file row must be exactly what statusMatrix says of it. */
async function expectSameAsMatrix(repo: Repo, paths: string[]): Promise<number> {
  const snapshot = await readIndexSnapshot(repo);
  expect(snapshot).not.toBeNull();
  const head = new HeadTrees(repo, await git.resolveRef({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, ref: 'HEAD' }).catch(() => null));
  let fast = 0;
  for (const p of paths) {
    const row = await readFileRow(repo, snapshot!, head, p);
    if (row === 'walk') continue;
    fast++;
    const matrix = (await git.statusMatrix({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, filepaths: [p] })).filter((r) => r[0] === p);
    expect(row === null ? [] : [row], p).toEqual(matrix);
  }
  return fast;
}

describe('readFileRow', () => {
  it('gives the row statusMatrix gives, for every kind of change', async () => {
    const { dir, paths } = makeMixedChangesRepo();
    const repo = await openRepo(dir);
    expect(await expectSameAsMatrix(repo, paths)).toBe(paths.length);
    expect(await readFileRow(repo, (await readIndexSnapshot(repo))!, new HeadTrees(repo, null), 'dir')).toBe('walk');
  });

  it('gives the same rows before the first commit and during a merge conflict (where it defers to the walk)', async () => {
    const fresh = makeRepo({ 'a.md': 'a\n', 'b.md': 'b\n' }, { commit: false });
    gitCli(fresh, 'add', 'a.md');
    expect(await expectSameAsMatrix(await openRepo(fresh), ['a.md', 'b.md'])).toBe(2);

    const dir = makeRepo({ 'post.md': '1\n2\n3\n', 'ok.md': 'o\n' });
    gitCli(dir, 'checkout', '-q', '-b', 'side');
    writeFiles(dir, { 'post.md': '1\nS\n3\n', 'ok.md': 'side\n' });
    commitAll(dir, 'side');
    gitCli(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'post.md': '1\nM\n3\n' });
    commitAll(dir, 'main');
    expect(() => gitCli(dir, 'merge', '-q', 'side')).toThrow();
    const repo = await openRepo(dir);
    expect(await readFileRow(repo, (await readIndexSnapshot(repo))!, new HeadTrees(repo, null), 'post.md')).toBe('walk');
    expect(await expectSameAsMatrix(repo, ['ok.md'])).toBe(1);
  });

  it('leaves index version 4 to the walk', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    gitCli(dir, 'update-index', '--index-version', '4');
    expect(await readIndexSnapshot(await openRepo(dir))).toBeNull();
  });
});
