import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitStaged } from './commit';
import { openRepo } from './git-engine';
import { commitAll, gitCli, gitCliInput, makeRepo, writeFiles } from './git-testing';

const ana = { name: 'Ana Writer', email: 'ana@example.com' };

describe('commitStaged', () => {
  it('commits only what is staged, by the given identity, and git accepts the result', async () => {
    const dir = makeRepo({ 'a.md': 'a\n', 'b.md': 'b\n' });
    writeFiles(dir, { 'a.md': 'a2\n', 'b.md': 'b2\n', 'new.md': 'n\n' });
    gitCli(dir, 'add', 'a.md', 'new.md');
    const result = await commitStaged(await openRepo(dir), { summary: '  Spring release  ', description: 'Two posts.', signOff: false, identity: ana });
    expect(result).toMatchObject({ oid: gitCli(dir, 'rev-parse', 'HEAD').trim(), summary: 'Spring release', authorName: 'Ana Writer', authorEmail: 'ana@example.com' });
    expect(Math.abs(Date.parse(result.date) - Date.now())).toBeLessThan(60_000);
    expect(gitCli(dir, 'log', '-1', '--format=%B')).toBe('Spring release\n\nTwo posts.\n\n');
    expect(gitCli(dir, 'log', '-1', '--format=%an <%ae>|%cn <%ce>')).toBe('Ana Writer <ana@example.com>|Ana Writer <ana@example.com>\n');
    expect(gitCli(dir, 'show', '--stat', '--format=', 'HEAD')).toMatch(/^ a\.md +\| 2 \+-\n new\.md +\| 1 \+\n 2 files changed/);
    expect(gitCli(dir, 'status', '--porcelain')).toBe(' M b.md\n');
    gitCli(dir, 'fsck', '--strict');
  });

  it('adds a sign-off git recognises as a trailer', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    writeFiles(dir, { 'a.md': 'a2\n' });
    gitCli(dir, 'add', 'a.md');
    await commitStaged(await openRepo(dir), { summary: 'Fix typo', description: 'Reviewed-by: Bo <bo@example.com>', signOff: true, identity: ana });
    expect(gitCli(dir, 'log', '-1', '--format=%B')).toBe('Fix typo\n\nReviewed-by: Bo <bo@example.com>\nSigned-off-by: Ana Writer <ana@example.com>\n\n');
    const stored = gitCli(dir, 'cat-file', 'commit', 'HEAD').split('\n\n').slice(1).join('\n\n');
    expect(gitCliInput(dir, stored, 'interpret-trailers', '--parse')).toBe('Reviewed-by: Bo <bo@example.com>\nSigned-off-by: Ana Writer <ana@example.com>\n');
  });

  it('makes the first commit of a fresh repository', async () => {
    const dir = makeRepo({ 'index.md': 'hi\n', 'draft.md': 'later\n' }, { commit: false });
    gitCli(dir, 'add', 'index.md');
    await commitStaged(await openRepo(dir), { summary: 'First', signOff: false, identity: ana });
    expect(gitCli(dir, 'log', '--format=%s')).toBe('First\n');
    expect(gitCli(dir, 'ls-tree', '--name-only', 'HEAD')).toBe('index.md\n');
    expect(gitCli(dir, 'branch', '--show-current')).toBe('main\n');
    gitCli(dir, 'fsck', '--strict');
  });

  it('refuses when nothing is staged', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    writeFiles(dir, { 'a.md': 'changed but not staged\n' });
    const before = gitCli(dir, 'rev-parse', 'HEAD');
    await expect(commitStaged(await openRepo(dir), { summary: 'x', signOff: false, identity: ana })).rejects.toMatchObject({ error: { code: 'nothing-staged' } });
    expect(gitCli(dir, 'rev-parse', 'HEAD')).toBe(before);
  });

  it('commits a staged deletion alone, and refuses an empty index before the first commit', async () => {
    const dir = makeRepo({ 'a.md': 'a\n', 'b.md': 'b\n' });
    gitCli(dir, 'rm', '-q', 'b.md');
    await commitStaged(await openRepo(dir), { summary: 'Remove b', signOff: false, identity: ana });
    expect(gitCli(dir, 'ls-tree', '--name-only', 'HEAD')).toBe('a.md\n');
    const fresh = makeRepo({ 'a.md': 'a\n' }, { commit: false });
    await expect(commitStaged(await openRepo(fresh), { summary: 'x', signOff: false, identity: ana })).rejects.toMatchObject({ error: { code: 'nothing-staged' } });
  });

  it('refuses on a detached HEAD and during a rebase or cherry-pick', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    writeFiles(dir, { 'a.md': 'a2\n' });
    gitCli(dir, 'add', 'a.md');
    const repo = await openRepo(dir);
    fs.mkdirSync(path.join(dir, '.git', 'rebase-merge'));
    await expect(commitStaged(repo, { summary: 'x', signOff: false, identity: ana })).rejects.toMatchObject({
      error: { code: 'in-progress', message: expect.stringMatching(/rebase.*(finish|abort)/i) },
    });
    fs.rmSync(path.join(dir, '.git', 'rebase-merge'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.git', 'CHERRY_PICK_HEAD'), gitCli(dir, 'rev-parse', 'HEAD'));
    await expect(commitStaged(repo, { summary: 'x', signOff: false, identity: ana })).rejects.toMatchObject({ error: { code: 'in-progress' } });
    fs.rmSync(path.join(dir, '.git', 'CHERRY_PICK_HEAD'));
    gitCli(dir, 'checkout', '-q', '--detach');
    await expect(commitStaged(repo, { summary: 'x', signOff: false, identity: ana })).rejects.toMatchObject({ error: { code: 'detached' } });
  });

  describe('in a merge', () => {
    const conflictedMerge = (): string => {
      const dir = makeRepo({ 'post.md': 'one\ntwo\nthree\n' });
      gitCli(dir, 'checkout', '-q', '-b', 'side');
      writeFiles(dir, { 'post.md': 'one\nSIDE\nthree\n' });
      commitAll(dir, 'side');
      gitCli(dir, 'checkout', '-q', 'main');
      writeFiles(dir, { 'post.md': 'one\nMAIN\nthree\n' });
      commitAll(dir, 'main');
      expect(() => gitCli(dir, 'merge', '-q', 'side')).toThrow();
      return dir;
    };

    it('refuses while conflicts are unresolved', async () => {
      const dir = conflictedMerge();
      await expect(commitStaged(await openRepo(dir), { summary: 'Merge', signOff: false, identity: ana })).rejects.toMatchObject({
        error: { code: 'in-progress', paths: ['post.md'] },
      });
      expect(fs.existsSync(path.join(dir, '.git', 'MERGE_HEAD'))).toBe(true);
    });

    it('finishes a resolved merge with both parents and clears the merge state', async () => {
      const dir = conflictedMerge();
      writeFiles(dir, { 'post.md': 'one\nBOTH\nthree\n' });
      gitCli(dir, 'add', 'post.md');
      const side = gitCli(dir, 'rev-parse', 'side').trim();
      const main = gitCli(dir, 'rev-parse', 'main').trim();
      await commitStaged(await openRepo(dir), { summary: "Merge branch 'side'", signOff: false, identity: ana });
      expect(gitCli(dir, 'log', '-1', '--format=%P').trim()).toBe(`${main} ${side}`);
      expect(fs.existsSync(path.join(dir, '.git', 'MERGE_HEAD'))).toBe(false);
      expect(fs.existsSync(path.join(dir, '.git', 'MERGE_MSG'))).toBe(false);
      expect(gitCli(dir, 'status', '--porcelain')).toBe('');
      gitCli(dir, 'fsck', '--strict');
    });

    it('allows a merge commit that brings nothing new', async () => {
      const dir = makeRepo({ 'a.md': 'a\n' });
      gitCli(dir, 'checkout', '-q', '-b', 'side');
      writeFiles(dir, { 'b.md': 'b\n' });
      commitAll(dir, 'side');
      gitCli(dir, 'checkout', '-q', 'main');
      gitCli(dir, 'merge', '-q', '--no-commit', '--no-ff', '-s', 'ours', 'side');
      await commitStaged(await openRepo(dir), { summary: 'Merge side, keep ours', signOff: false, identity: ana });
      expect(gitCli(dir, 'log', '-1', '--format=%P').trim().split(' ')).toHaveLength(2);
    });
  });
});
