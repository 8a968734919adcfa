import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../../shared/contract/errors-testing';
import { createBranch, listBranches, switchBranch } from './branches';
import { openRepo } from './git-engine';
import { readStatus } from './status';
import { commitAll, gitCli, makeRepo, tempDir, writeFiles } from './git-testing';

const POST = '_i18n/en/_posts/press/2026-01-02-launch.md';
const OTHER = '_i18n/de/_posts/press/2026-01-02-start.md';

/** What a user sees of a working copy: the branch, `git status --porcelain`, and every file's text. */
function snapshot(dir: string): { branch: string; status: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (child === '.git') continue;
      if (entry.isDirectory()) walk(child);
      else files[child] = entry.isSymbolicLink() ? `-> ${fs.readlinkSync(path.join(dir, child))}` : fs.readFileSync(path.join(dir, child), 'utf8');
    }
  };
  walk('');
  return { branch: gitCli(dir, 'branch', '--show-current').trim(), status: gitCli(dir, 'status', '--porcelain', '-uall'), files };
}

/** A copy of a repository, so the real `git switch` can do the same as ours on identical state. */
function twin(dir: string): string {
  const copy = tempDir('pressroom-twin-');
  fs.cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

/** A site with `main` and a `feature` branch that changed OTHER and added a file. */
function siteWithFeature(): string {
  const dir = makeRepo({ [POST]: 'launch\n', [OTHER]: 'start\n', 'index.md': 'home\n', 'assets/old/logo.svg': '<svg/>' });
  gitCli(dir, 'switch', '-q', '-c', 'feature');
  writeFiles(dir, { [OTHER]: 'start, reworded\n', 'about.md': 'about\n' });
  fs.rmSync(path.join(dir, 'assets'), { recursive: true });
  commitAll(dir, 'feature work');
  gitCli(dir, 'switch', '-q', 'main');
  return dir;
}

describe('switchBranch', () => {
  it('carries an uncommitted edit of a post along, exactly as git switch does', async () => {
    const dir = siteWithFeature();
    writeFiles(dir, { [POST]: 'launch, my unsaved words\n', 'drafts/new-idea.md': 'idea\n' });
    const reference = twin(dir);
    gitCli(reference, 'switch', '-q', 'feature');

    await switchBranch(await openRepo(dir), 'feature');

    const after = snapshot(dir);
    expect(after.branch).toBe('feature');
    expect(after.files[POST]).toBe('launch, my unsaved words\n');
    expect(after.files['drafts/new-idea.md']).toBe('idea\n');
    expect(after.status).toContain(` M ${POST}`);
    expect(after).toEqual(snapshot(reference));
    expect(fs.existsSync(path.join(dir, 'assets'))).toBe(false);
    // The panel's own status reads the same: the carried edit and the new file, nothing else.
    const status = await readStatus(await openRepo(dir));
    expect(status.branch).toBe('feature');
    expect(status.changes.map((c) => [c.path, c.kind, c.staged])).toEqual([
      [POST, 'changed', 'no'],
      ['drafts/new-idea.md', 'new', 'no'],
    ]);
  });

  it('keeps a staged change staged', async () => {
    const dir = siteWithFeature();
    writeFiles(dir, { [POST]: 'staged words\n' });
    gitCli(dir, 'add', POST);
    const reference = twin(dir);
    gitCli(reference, 'switch', '-q', 'feature');

    await switchBranch(await openRepo(dir), 'feature');

    expect(snapshot(dir)).toEqual(snapshot(reference));
    expect(snapshot(dir).status).toContain(`M  ${POST}`);
  });

  it('refuses with the files named, changing nothing, when a changed file differs between the branches', async () => {
    const dir = siteWithFeature();
    writeFiles(dir, { [OTHER]: 'my edit\n' });
    const before = snapshot(dir);
    expect(() => gitCli(twin(dir), 'switch', '-q', 'feature')).toThrow(/would be overwritten/);

    const error = await failureOf(switchBranch(await openRepo(dir), 'feature'));

    expect(error.error.code).toBe('conflict');
    expect(error.error.paths).toEqual([OTHER]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses when an untracked file sits where the other branch has one', async () => {
    const dir = siteWithFeature();
    writeFiles(dir, { 'about.md': 'mine\n' });
    const before = snapshot(dir);
    expect(() => gitCli(twin(dir), 'switch', '-q', 'feature')).toThrow(/untracked working tree files would be overwritten/);

    const error = await failureOf(switchBranch(await openRepo(dir), 'feature'));

    expect(error.error.paths).toEqual(['about.md']);
    expect(snapshot(dir)).toEqual(before);
  });

  it('switches back and forth leaving a clean working copy as git would', async () => {
    const dir = siteWithFeature();
    const reference = twin(dir);
    const repo = await openRepo(dir);
    await switchBranch(repo, 'feature');
    await switchBranch(repo, 'main');
    gitCli(reference, 'switch', '-q', 'feature');
    gitCli(reference, 'switch', '-q', 'main');
    expect(snapshot(dir)).toEqual(snapshot(reference));
    expect(snapshot(dir).status).toBe('');
    expect(gitCli(dir, 'fsck', '--no-progress').trim()).toBe('');
    // git's reflog knows the switches: `git switch -` goes back to where Pressroom came from.
    expect(gitCli(dir, 'rev-parse', '--abbrev-ref', '@{-1}').trim()).toBe('feature');
    expect(gitCli(dir, 'reflog', '-1', '--format=%gs', 'HEAD').trim()).toBe('checkout: moving from feature to main');
  });

  it('replaces a file by a folder and keeps executable bits and links', async () => {
    const dir = makeRepo({ 'notes': 'a file\n', 'script.sh': 'echo hi\n' });
    gitCli(dir, 'switch', '-q', '-c', 'other');
    fs.rmSync(path.join(dir, 'notes'));
    writeFiles(dir, { 'notes/one.md': 'one\n' });
    fs.chmodSync(path.join(dir, 'script.sh'), 0o755);
    fs.symlinkSync('notes/one.md', path.join(dir, 'link.md'));
    commitAll(dir, 'folder');
    gitCli(dir, 'switch', '-q', 'main');
    const reference = twin(dir);
    gitCli(reference, 'switch', '-q', 'other');

    await switchBranch(await openRepo(dir), 'other');

    expect(snapshot(dir)).toEqual(snapshot(reference));
    expect(fs.statSync(path.join(dir, 'script.sh')).mode & 0o111).not.toBe(0);
    expect(snapshot(dir).status).toBe('');
  });

  it('creates a local branch tracking origin/<name> and works from a detached HEAD', async () => {
    const origin = siteWithFeature();
    const dir = tempDir();
    gitCli(dir, 'clone', '-q', origin, '.');
    gitCli(dir, 'switch', '-q', '--detach', 'HEAD');
    const repo = await openRepo(dir);

    await switchBranch(repo, 'origin/feature');

    expect(gitCli(dir, 'branch', '--show-current').trim()).toBe('feature');
    expect(gitCli(dir, 'rev-parse', '--abbrev-ref', 'feature@{upstream}').trim()).toBe('origin/feature');
    expect(gitCli(dir, 'reflog', '-1', '--format=%gs', 'feature').trim()).toBe('branch: Created from origin/feature');
    expect(gitCli(dir, 'status', '--porcelain')).toBe('');
    await switchBranch(repo, 'main');
    expect(gitCli(dir, 'branch', '--show-current').trim()).toBe('main');
  });

  it('refuses during a merge and for a branch that does not exist', async () => {
    const dir = siteWithFeature();
    const repo = await openRepo(dir);
    expect((await failureOf(switchBranch(repo, 'nope'))).error.code).toBe('not-found');
    fs.writeFileSync(path.join(dir, '.git', 'MERGE_HEAD'), `${gitCli(dir, 'rev-parse', 'feature').trim()}\n`);
    expect((await failureOf(switchBranch(repo, 'feature'))).error.code).toBe('in-progress');
  });
});

describe('createBranch', () => {
  it('starts from the default branch and carries uncommitted changes along', async () => {
    const dir = siteWithFeature();
    const repo = await openRepo(dir);
    await switchBranch(repo, 'feature');
    writeFiles(dir, { [POST]: 'unsaved\n' });

    await createBranch(repo, 'feat/new-post');

    expect(gitCli(dir, 'branch', '--show-current').trim()).toBe('feat/new-post');
    expect(gitCli(dir, 'rev-parse', '--abbrev-ref', '@{-1}').trim()).toBe('feature');
    expect(gitCli(dir, 'rev-parse', 'HEAD')).toBe(gitCli(dir, 'rev-parse', 'main'));
    expect(fs.readFileSync(path.join(dir, POST), 'utf8')).toBe('unsaved\n');
    expect(gitCli(dir, 'status', '--porcelain')).toBe(` M ${POST}\n`);
    expect(fs.readFileSync(path.join(dir, OTHER), 'utf8')).toBe('start\n');
  });

  it('starts from origin/main when it is ahead of the local main, or from `from`', async () => {
    const origin = makeRepo({ [POST]: 'v1\n' });
    const dir = tempDir();
    gitCli(dir, 'clone', '-q', origin, '.');
    writeFiles(origin, { [POST]: 'v2\n' });
    commitAll(origin, 'newer');
    gitCli(dir, 'fetch', '-q');
    const repo = await openRepo(dir);

    await createBranch(repo, 'fresh');
    expect(gitCli(dir, 'rev-parse', 'HEAD')).toBe(gitCli(dir, 'rev-parse', 'origin/main'));
    expect(fs.readFileSync(path.join(dir, POST), 'utf8')).toBe('v2\n');
    expect(gitCli(dir, 'status', '--porcelain')).toBe('');

    await createBranch(repo, 'old', 'main');
    expect(gitCli(dir, 'rev-parse', 'HEAD')).toBe(gitCli(dir, 'rev-parse', 'main'));
    expect(fs.readFileSync(path.join(dir, POST), 'utf8')).toBe('v1\n');
  });

  it('refuses invalid and existing names with a clear reason', async () => {
    const dir = siteWithFeature();
    const repo = await openRepo(dir);
    for (const bad of ['has space', 'a..b', '-x', 'x.lock', 'a:b', 'end/']) {
      const error = await failureOf(createBranch(repo, bad));
      expect(error.error.code).toBe('invalid-arguments');
      expect(error.message).toContain(bad);
    }
    expect((await failureOf(createBranch(repo, 'feature'))).error.code).toBe('exists');
    expect(gitCli(dir, 'branch', '--show-current').trim()).toBe('main');
  });

  it('names the new branch in a repository without commits', async () => {
    const dir = makeRepo();
    await createBranch(await openRepo(dir), 'first');
    expect(gitCli(dir, 'branch', '--show-current').trim()).toBe('first');
  });
});

describe('listBranches', () => {
  it('lists local branches with upstream distance as git counts it, the default branch and remote-only branches', async () => {
    const origin = siteWithFeature();
    gitCli(origin, 'branch', 'remote-only');
    const dir = tempDir();
    gitCli(dir, 'clone', '-q', origin, '.');
    writeFiles(dir, { 'mine.md': 'mine\n' });
    commitAll(dir, 'local 1');
    writeFiles(dir, { 'mine.md': 'mine 2\n' });
    commitAll(dir, 'local 2');
    writeFiles(origin, { 'theirs.md': 'theirs\n' });
    commitAll(origin, 'remote 1');
    gitCli(dir, 'fetch', '-q');
    gitCli(dir, 'branch', 'loose');
    const counts = gitCli(dir, 'rev-list', '--left-right', '--count', 'main...origin/main').trim().split(/\s+/).map(Number);

    const branches = await listBranches(await openRepo(dir));

    expect(branches.current).toBe('main');
    expect(branches.defaultBranch).toBe('main');
    expect(branches.local).toEqual([
      { name: 'loose', current: false, upstream: null, ahead: 0, behind: 0 },
      { name: 'main', current: true, upstream: 'origin/main', ahead: counts[0], behind: counts[1] },
    ]);
    expect(counts).toEqual([2, 1]);
    expect(branches.remoteOnly).toEqual(['origin/feature', 'origin/remote-only']);
  });

  it('takes the default branch from origin/HEAD, else main, master or the current one', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    gitCli(dir, 'branch', '-m', 'trunk');
    expect((await listBranches(await openRepo(dir))).defaultBranch).toBe('trunk');
    gitCli(dir, 'branch', 'master');
    expect((await listBranches(await openRepo(dir))).defaultBranch).toBe('master');
    const clone = tempDir();
    gitCli(clone, 'clone', '-q', dir, '.');
    const listed = await listBranches(await openRepo(clone));
    expect(listed.defaultBranch).toBe('trunk');
    expect(listed.current).toBe('trunk');
    expect(listed.remoteOnly).toEqual(['origin/master']);
  });
});
