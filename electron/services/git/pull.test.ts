import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../../../shared/contract/errors-testing';
import { abortMerge } from './abort-merge';
import { openRepo } from './git-engine';
import { REMOTE_USER, acceptedAuth, startGitRemote, type GitRemoteServer, unreachableUrl } from './git-remote-testing';
import { cloneOfRemote, commitAll, gitCli, makeRepo, tempDir, writeFiles } from './git-testing';
import { pull } from './pull';
import type { AuthProvider } from './remote-auth';

const person = { name: 'Pull Person', email: 'pull@example.com' };
/** Pull asks for the identity only when it makes a merge commit. */
const identity = () => Promise.resolve(person);

/** Everything a user could notice of a working copy: HEAD, `git status`, and the bytes of every file. */
function snapshot(dir: string): { head: string; status: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files[child] = fs.readFileSync(path.join(dir, child), 'latin1');
    }
  };
  walk('');
  return { head: gitCli(dir, 'rev-parse', 'HEAD').trim(), status: gitCli(dir, 'status', '--porcelain'), files };
}

describe('pull from a real remote over HTTP', () => {
  let remote: GitRemoteServer;
  let n = 0;
  beforeAll(async () => {
    remote = await startGitRemote();
  });
  afterAll(async () => {
    await remote.close();
  });

  /** A remote repository, our clone of it (remote URL over HTTP) and a second clone standing for a colleague. */
  function setup(files: Record<string, string> = { 'a.txt': 'one\ntwo\nthree\n', 'b.txt': 'b\n', 'd.txt': 'd\n' }) {
    const name = `site-${++n}`;
    const { bare, ours } = cloneOfRemote(remote, name, makeRepo(files));
    const theirs = path.join(tempDir(), name);
    gitCli(path.dirname(theirs), 'clone', '-q', bare, theirs);
    const colleague = (change: Record<string, string | null>, message: string): string => {
      for (const [rel, content] of Object.entries(change)) {
        if (content === null) fs.rmSync(path.join(theirs, rel));
        else writeFiles(theirs, { [rel]: content });
      }
      commitAll(theirs, message);
      gitCli(theirs, 'push', '-q', 'origin', 'main');
      return gitCli(bare, 'rev-parse', 'main').trim();
    };
    return { bare, ours, colleague };
  }

  it('fast-forwards, keeping uncommitted changes to other files and untracked files', async () => {
    const { ours, colleague } = setup();
    const remoteTip = colleague({ 'a.txt': 'one\nTWO\nthree\n', 'new/post.md': 'new\n' }, 'Colleague edits');
    writeFiles(ours, { 'b.txt': 'my edit\n', 'mine.txt': 'untracked\n' });
    const result = await pull(await openRepo(ours), { auth: acceptedAuth, identity });
    expect(result).toEqual({ kind: 'fast-forward', commits: 1 });
    expect(gitCli(ours, 'rev-parse', 'HEAD').trim()).toBe(remoteTip);
    expect(gitCli(ours, 'rev-parse', 'refs/remotes/origin/main').trim()).toBe(remoteTip);
    expect(gitCli(ours, 'status', '--porcelain')).toBe(' M b.txt\n?? mine.txt\n');
    expect(fs.readFileSync(path.join(ours, 'new/post.md'), 'utf8')).toBe('new\n');
    expect(fs.readFileSync(path.join(ours, 'b.txt'), 'utf8')).toBe('my edit\n');
  });

  it('says up-to-date when there is nothing new', async () => {
    const { ours } = setup();
    expect(await pull(await openRepo(ours), { auth: acceptedAuth, identity })).toEqual({ kind: 'up-to-date' });
  });

  it('refuses a fast-forward that would overwrite an uncommitted change, changing nothing', async () => {
    const { ours, colleague } = setup();
    colleague({ 'a.txt': 'theirs\n' }, 'Colleague edits a');
    writeFiles(ours, { 'a.txt': 'mine\n' });
    const before = snapshot(ours);
    const failure = await failureOf(pull(await openRepo(ours), { auth: acceptedAuth, identity }));
    expect(failure.error).toMatchObject({ code: 'conflict', paths: ['a.txt'] });
    expect(snapshot(ours)).toEqual(before);
  });

  it('reports diverged histories without changing anything, then merges them when asked', async () => {
    const { ours, colleague } = setup();
    colleague({ 'b.txt': 'b from colleague\n' }, 'Colleague edits b');
    writeFiles(ours, { 'd.txt': 'd from me\n' });
    commitAll(ours, 'I edit d');
    const before = snapshot(ours);
    const repo = await openRepo(ours);
    expect(await pull(repo, { auth: acceptedAuth, identity })).toEqual({ kind: 'diverged', ahead: 1, behind: 1 });
    expect(snapshot(ours)).toEqual(before);

    expect(await pull(repo, { merge: true, auth: acceptedAuth, identity })).toEqual({ kind: 'merged', commits: 1 });
    expect(gitCli(ours, 'log', '--merges', '--format=%an <%ae>|%s')).toBe(`Pull Person <pull@example.com>|Merge branch 'main' of ${remote.url(`site-${n}`)}\n`);
    expect(gitCli(ours, 'status', '--porcelain')).toBe('');
    expect(fs.readFileSync(path.join(ours, 'b.txt'), 'utf8')).toBe('b from colleague\n');
    expect(fs.readFileSync(path.join(ours, 'd.txt'), 'utf8')).toBe('d from me\n');
    expect(gitCli(ours, 'rev-parse', 'HEAD^2').trim()).toBe(gitCli(ours, 'rev-parse', 'origin/main').trim());
  });

  it('leaves a conflicted merge as git does, and abort restores exactly the state before the pull', async () => {
    const { ours, colleague } = setup({ 'a.txt': 'one\ntwo\nthree\n', 'c.txt': 'c\n', 'd.txt': 'd\n', 'keep.txt': 'k\n' });
    const theirTip = colleague({ 'a.txt': 'one\nTHEIRS\nthree\n', 'c.txt': 'c changed\n', 'd.txt': null, 'sub/added.txt': 'added\n' }, 'Colleague');
    writeFiles(ours, { 'a.txt': 'one\nMINE\nthree\n' });
    commitAll(ours, 'Mine');
    writeFiles(ours, { 'untracked.txt': 'stay\n' });
    const before = snapshot(ours);
    const repo = await openRepo(ours);

    const result = await pull(repo, { merge: true, auth: acceptedAuth, identity });
    expect(result).toEqual({ kind: 'conflict', paths: ['a.txt'] });
    expect(gitCli(ours, 'status', '--porcelain')).toBe('UU a.txt\nM  c.txt\nD  d.txt\nA  sub/added.txt\n?? untracked.txt\n');
    expect(fs.readFileSync(path.join(ours, 'a.txt'), 'utf8')).toMatch(/<<<<<<< .*\nMINE\n=======\nTHEIRS\n>>>>>>> /);
    expect(fs.readFileSync(path.join(ours, '.git/MERGE_HEAD'), 'utf8').trim()).toBe(theirTip);
    expect(fs.readFileSync(path.join(ours, '.git/MERGE_MSG'), 'utf8')).toContain('#\ta.txt');
    expect(gitCli(ours, 'diff', '--name-only', '--diff-filter=U')).toBe('a.txt\n');
    expect(gitCli(ours, 'rev-parse', 'HEAD').trim()).toBe(before.head);
    expect(fs.existsSync(path.join(ours, 'd.txt'))).toBe(false);

    // A second pull waits for the merge to be finished or aborted.
    expect((await failureOf(pull(repo, { auth: acceptedAuth, identity }))).error.code).toBe('in-progress');

    await abortMerge(repo);
    expect(snapshot(ours)).toEqual(before);
    expect(fs.existsSync(path.join(ours, '.git/MERGE_HEAD'))).toBe(false);
    expect(fs.existsSync(path.join(ours, '.git/MERGE_MSG'))).toBe(false);
    expect(fs.existsSync(path.join(ours, '.git/pressroom-merge-backup'))).toBe(false);
    expect(fs.existsSync(path.join(ours, 'sub'))).toBe(false);
  });

  it('leaves a modify/delete conflict as git does, and abort undoes the user\'s half-done resolution too', async () => {
    const { ours, colleague } = setup({ 'a.txt': 'a\n', 'posts/gone.md': 'old\n', 'b.txt': 'b\n' });
    colleague({ 'posts/gone.md': null, 'b.txt': 'b theirs\n' }, 'Colleague removes a post');
    writeFiles(ours, { 'posts/gone.md': 'I edited it\n' });
    commitAll(ours, 'Mine');
    const before = snapshot(ours);
    const repo = await openRepo(ours);
    expect(await pull(repo, { merge: true, auth: acceptedAuth, identity })).toEqual({ kind: 'conflict', paths: ['posts/gone.md'] });
    expect(gitCli(ours, 'status', '--porcelain')).toBe('M  b.txt\nUD posts/gone.md\n');
    expect(fs.readFileSync(path.join(ours, 'posts/gone.md'), 'utf8')).toBe('I edited it\n');
    writeFiles(ours, { 'posts/gone.md': 'half resolved\n', 'b.txt': 'typed over\n' });
    await abortMerge(repo);
    expect(snapshot(ours)).toEqual(before);
  });

  it('refuses to merge when an untracked file is where the remote adds one, changing nothing', async () => {
    const { ours, colleague } = setup();
    colleague({ 'new.md': 'theirs\n' }, 'Colleague adds new.md');
    writeFiles(ours, { 'b.txt': 'mine\n' });
    commitAll(ours, 'Mine');
    writeFiles(ours, { 'new.md': 'my untracked draft\n' });
    const before = snapshot(ours);
    const failure = await failureOf(pull(await openRepo(ours), { merge: true, auth: acceptedAuth, identity }));
    expect(failure.error).toMatchObject({ code: 'conflict', paths: ['new.md'] });
    expect(snapshot(ours)).toEqual(before);
  });

  it('leaves an add/add conflict (both sides add the same file) as git does, and aborts it', async () => {
    const { ours, colleague } = setup();
    colleague({ 'same.md': 'theirs\n' }, 'Colleague adds same.md');
    writeFiles(ours, { 'same.md': 'mine\n' });
    commitAll(ours, 'Mine adds same.md');
    const before = snapshot(ours);
    const repo = await openRepo(ours);
    expect(await pull(repo, { merge: true, auth: acceptedAuth, identity })).toEqual({ kind: 'conflict', paths: ['same.md'] });
    expect(gitCli(ours, 'status', '--porcelain')).toBe('AA same.md\n');
    await abortMerge(repo);
    expect(snapshot(ours)).toEqual(before);
  });

  it('refuses to merge while tracked files have uncommitted changes, changing nothing', async () => {
    const { ours, colleague } = setup();
    colleague({ 'b.txt': 'theirs\n' }, 'Colleague edits b');
    writeFiles(ours, { 'd.txt': 'committed\n' });
    commitAll(ours, 'Mine');
    writeFiles(ours, { 'a.txt': 'uncommitted\n' });
    const before = snapshot(ours);
    const failure = await failureOf(pull(await openRepo(ours), { merge: true, auth: acceptedAuth, identity }));
    expect(failure.error).toMatchObject({ code: 'conflict', paths: ['a.txt'] });
    expect(snapshot(ours)).toEqual(before);
  });

  it('fails with auth-failed on a wrong token, writing nothing', async () => {
    const { ours, colleague } = setup();
    colleague({ 'b.txt': 'new\n' }, 'Colleague');
    const before = snapshot(ours);
    const remoteRefBefore = gitCli(ours, 'rev-parse', 'refs/remotes/origin/main').trim();
    const wrong: AuthProvider = async () => ({ username: REMOTE_USER, password: 'nope' });
    const failure = await failureOf(pull(await openRepo(ours), { auth: wrong, identity }));
    expect(failure.error.code).toBe('auth-failed');
    expect(snapshot(ours)).toEqual(before);
    expect(gitCli(ours, 'rev-parse', 'refs/remotes/origin/main').trim()).toBe(remoteRefBefore);
  });

  it('pulls from the upstream a branch tracks even when its name differs', async () => {
    const { ours, colleague } = setup();
    gitCli(ours, 'checkout', '-q', '-b', 'my-work', '--track', 'origin/main');
    const remoteTip = colleague({ 'b.txt': 'new b\n' }, 'Colleague');
    expect(await pull(await openRepo(ours), { auth: acceptedAuth, identity })).toEqual({ kind: 'fast-forward', commits: 1 });
    expect(gitCli(ours, 'rev-parse', 'my-work').trim()).toBe(remoteTip);
  });

  it('fails with unreachable when nothing listens, and not-supported for an SSH remote', async () => {
    const { ours } = setup();
    gitCli(ours, 'remote', 'set-url', 'origin', await unreachableUrl());
    const repo = await openRepo(ours);
    expect((await failureOf(pull(repo, { auth: acceptedAuth, identity }))).error).toMatchObject({ code: 'unreachable', retryable: true });
    gitCli(ours, 'remote', 'set-url', 'origin', 'git@gitlab.com:team/site.git');
    expect((await failureOf(pull(repo, { auth: acceptedAuth, identity }))).error).toMatchObject({ code: 'not-supported', suggestion: 'https://gitlab.com/team/site.git' });
  });

  it('refuses on a detached HEAD', async () => {
    const { ours } = setup();
    gitCli(ours, 'checkout', '-q', '--detach');
    expect((await failureOf(pull(await openRepo(ours), { auth: acceptedAuth, identity }))).error.code).toBe('detached');
  });
});

describe('abortMerge of a merge another tool left', () => {
  it('does what git merge --abort does', async () => {
    const dir = makeRepo({ 'a.txt': 'one\n', 'b.txt': 'b\n' });
    gitCli(dir, 'checkout', '-q', '-b', 'other');
    writeFiles(dir, { 'a.txt': 'other\n', 'c.txt': 'c\n' });
    commitAll(dir, 'other');
    gitCli(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'a.txt': 'main\n' });
    commitAll(dir, 'main');
    writeFiles(dir, { 'untracked.txt': 'u\n' });
    const before = snapshot(dir);
    expect(() => gitCli(dir, 'merge', 'other')).toThrow();
    expect(gitCli(dir, 'status', '--porcelain')).toContain('UU a.txt');
    await abortMerge(await openRepo(dir));
    expect(snapshot(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, '.git/MERGE_HEAD'))).toBe(false);
  });

  it('says there is nothing to abort outside a merge', async () => {
    const dir = makeRepo({ 'a.txt': 'one\n' });
    expect((await failureOf(abortMerge(await openRepo(dir)))).error.code).toBe('not-found');
  });
});
