import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../../shared/contract/errors-testing';
import { openRepo } from './git-engine';
import { commitAll, gitCli, makeRepo, tempDir, writeFiles } from './git-testing';
import { addSignOffs, unsignedCommits } from './sign-off';

const ME = { name: 'Test Author', email: 'author@example.com' };
const SOB = `Signed-off-by: ${ME.name} <${ME.email}>`;

/** A clone of a one-commit origin with branch `feature` holding three commits of its own: unsigned, signed, unsigned with a body and trailer. */
function featureClone(): { dir: string; origin: string } {
  const origin = makeRepo({ 'index.md': 'home\n' });
  const dir = tempDir();
  gitCli(dir, 'clone', '-q', origin, '.');
  gitCli(dir, 'switch', '-q', '-c', 'feature');
  writeFiles(dir, { 'a.md': 'a\n' });
  commitAll(dir, 'First post');
  writeFiles(dir, { 'b.md': 'b\n' });
  gitCli(dir, 'add', 'b.md');
  gitCli(dir, 'commit', '-q', '-s', '-m', 'Second post, signed');
  writeFiles(dir, { 'c.md': 'c\n' });
  gitCli(dir, 'add', 'c.md');
  gitCli(dir, 'commit', '-q', '-m', 'Third post', '-m', 'With a description.', '-m', 'Reviewed-by: Someone <someone@example.com>');
  return { dir, origin };
}

/** Per commit of the branch (newest first): summary, tree, author, author date and the Signed-off-by values, as real git reads them. */
function branchLog(dir: string, range = 'origin/main..HEAD'): string[] {
  return gitCli(dir, 'log', '--format=%s|%T|%an <%ae>|%ad|%cd|%(trailers:key=Signed-off-by,valueonly,separator=;)', range).trim().split('\n');
}

/** What a DCO bot checks: every commit of the range has a Signed-off-by with its author's e-mail. */
function dcoPasses(dir: string, range = 'origin/main..HEAD'): boolean {
  return gitCli(dir, 'rev-list', range)
    .trim()
    .split('\n')
    .every((oid) => {
      const email = gitCli(dir, 'log', '-1', '--format=%ae', oid).trim();
      return gitCli(dir, 'log', '-1', '--format=%(trailers:key=Signed-off-by,valueonly)', oid).includes(`<${email}>`);
    });
}

describe('unsignedCommits', () => {
  it('lists the branch commits without the author sign-off, newest first, as a DCO check would', async () => {
    const { dir } = featureClone();
    expect(dcoPasses(dir)).toBe(false);
    const listed = await unsignedCommits(await openRepo(dir));
    expect(listed.map((c) => c.summary)).toEqual(['Third post', 'First post']);
    expect(listed[0]).toMatchObject({ authorName: ME.name, authorEmail: ME.email, date: '2026-01-02T03:04:05.000Z' });
    expect(listed[0]!.oid).toBe(gitCli(dir, 'rev-parse', 'HEAD').trim());
  });

  it('measures against the upstream once the branch has one, and lists nothing on a fresh repository', async () => {
    const { dir } = featureClone();
    gitCli(dir, 'push', '-q', '-u', 'origin', 'feature');
    writeFiles(dir, { 'd.md': 'd\n' });
    commitAll(dir, 'Fourth post');
    expect((await unsignedCommits(await openRepo(dir))).map((c) => c.summary)).toEqual(['Fourth post']);
    expect(await unsignedCommits(await openRepo(makeRepo()))).toEqual([]);
  });

  it('counts a sign-off with a different e-mail as missing', async () => {
    const { dir } = featureClone();
    writeFiles(dir, { 'd.md': 'd\n' });
    gitCli(dir, 'add', 'd.md');
    gitCli(dir, 'commit', '-q', '-m', 'Fourth', '-m', 'Signed-off-by: Someone Else <else@example.com>');
    expect((await unsignedCommits(await openRepo(dir))).map((c) => c.summary)).toEqual(['Fourth', 'Third post', 'First post']);
  });
});

describe('addSignOffs', () => {
  it('signs off the unpushed commits, keeping trees, authors and dates, as git rebase --signoff would', async () => {
    const { dir } = featureClone();
    const twin = tempDir('pressroom-twin-');
    fs.cpSync(dir, twin, { recursive: true });
    writeFiles(dir, { 'index.md': 'home, edited\n', 'e.md': 'staged\n' });
    gitCli(dir, 'add', 'e.md');
    const before = branchLog(dir);
    const statusBefore = gitCli(dir, 'status', '--porcelain');

    const result = await addSignOffs(await openRepo(dir), ME);

    expect(result).toEqual({ rewritten: 2 });
    const after = branchLog(dir);
    expect(after.map((line) => line.split('|').slice(0, 5))).toEqual(before.map((line) => line.split('|').slice(0, 5)));
    expect(after.map((line) => line.split('|')[5])).toEqual([`${ME.name} <${ME.email}>`, `${ME.name} <${ME.email}>`, `${ME.name} <${ME.email}>`]);
    expect(gitCli(dir, 'log', '-1', '--format=%B')).toBe(`Third post\n\nWith a description.\n\nReviewed-by: Someone <someone@example.com>\n${SOB}\n\n`);
    expect(dcoPasses(dir)).toBe(true);
    expect(gitCli(dir, 'fsck', '--no-progress', '--strict').trim()).toBe('');
    expect(gitCli(dir, 'status', '--porcelain')).toBe(statusBefore);
    expect(gitCli(dir, 'branch', '--show-current').trim()).toBe('feature');
    expect(await unsignedCommits(await openRepo(dir))).toEqual([]);
    // The commits before the rewrite stay findable through the reflog.
    expect(gitCli(dir, 'log', '-1', '--format=%s', 'feature@{1}').trim()).toBe('Third post');
    expect(gitCli(dir, 'reflog', '-1', '--format=%gs', 'feature')).toContain('signed off 2 commit(s)');

    // The real git, under the same identity and clock, makes byte-identical commits.
    gitCli(twin, 'rebase', '-q', '--signoff', 'origin/main');
    expect(gitCli(dir, 'rev-parse', 'HEAD')).toBe(gitCli(twin, 'rev-parse', 'HEAD'));
  });

  it('keeps a merge in the range a merge of the rewritten parents', async () => {
    const { dir } = featureClone();
    gitCli(dir, 'switch', '-q', '-c', 'side', 'origin/main');
    writeFiles(dir, { 'side.md': 'side\n' });
    commitAll(dir, 'Side post');
    gitCli(dir, 'switch', '-q', 'feature');
    gitCli(dir, 'merge', '-q', '--no-ff', '-m', 'Merge side', 'side');
    const trees = gitCli(dir, 'log', '--format=%T', 'origin/main..HEAD');

    const result = await addSignOffs(await openRepo(dir), ME);

    expect(result.rewritten).toBe(4);
    expect(dcoPasses(dir)).toBe(true);
    expect(gitCli(dir, 'log', '--format=%T', 'origin/main..HEAD')).toBe(trees);
    const parents = gitCli(dir, 'log', '-1', '--format=%P').trim().split(' ');
    expect(parents).toHaveLength(2);
    expect(gitCli(dir, 'log', '-1', '--format=%s', parents[1]!).trim()).toBe('Side post');
    expect(gitCli(dir, 'log', '-1', '--format=%(trailers:key=Signed-off-by,valueonly)', parents[1]!).trim()).toBe(`${ME.name} <${ME.email}>`);
    expect(gitCli(dir, 'fsck', '--no-progress').trim()).toBe('');
  });

  it('refuses, changing nothing, when a commit to sign is already on the server', async () => {
    const { dir } = featureClone();
    gitCli(dir, 'push', '-q', 'origin', 'feature:elsewhere');
    const head = gitCli(dir, 'rev-parse', 'HEAD');
    const repo = await openRepo(dir);
    expect(await unsignedCommits(repo)).toHaveLength(2);

    const error = await failureOf(addSignOffs(repo, ME));

    expect(error.error.code).toBe('refused');
    expect(gitCli(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('works without any remote, against the local main, and refuses during a merge', async () => {
    const dir = makeRepo({ 'index.md': 'home\n' });
    gitCli(dir, 'switch', '-q', '-c', 'feature');
    writeFiles(dir, { 'a.md': 'a\n' });
    commitAll(dir, 'Only post');
    const repo = await openRepo(dir);
    expect((await unsignedCommits(repo)).map((c) => c.summary)).toEqual(['Only post']);
    expect(await addSignOffs(repo, ME)).toEqual({ rewritten: 1 });
    expect(dcoPasses(dir, 'main..HEAD')).toBe(true);
    expect(await addSignOffs(repo, ME)).toEqual({ rewritten: 0 });

    fs.writeFileSync(path.join(dir, '.git', 'MERGE_HEAD'), gitCli(dir, 'rev-parse', 'main'));
    expect((await failureOf(addSignOffs(repo, ME))).error.code).toBe('in-progress');
  });
});
