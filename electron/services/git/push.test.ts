import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../../../shared/contract/errors-testing';
import { openRepo } from './git-engine';
import { REMOTE_TOKEN, REMOTE_USER, acceptedAuth, startGitRemote, type GitRemoteServer, unreachableUrl } from './git-remote-testing';
import { cloneOfRemote, commitAll, gitCli, makeRepo, tempDir, writeFiles } from './git-testing';
import { push } from './push';
import type { AuthProvider } from './remote-auth';


describe('push to a real remote over HTTP', () => {
  let remote: GitRemoteServer;
  let n = 0;
  beforeAll(async () => {
    remote = await startGitRemote();
  });
  afterAll(async () => {
    await remote.close();
  });

  /** A remote with one commit on main, and our clone of it whose origin is the HTTP address. */
  function setup(): { bare: string; ours: string; name: string } {
    const name = `push-${++n}`;
    const { bare, ours } = cloneOfRemote(remote, name, makeRepo({ 'index.md': '# Home\n' }));
    return { bare, ours, name };
  }

  it('pushes a new branch, makes origin its upstream, and records the remote branch', async () => {
    const { bare, ours } = setup();
    gitCli(ours, 'checkout', '-q', '-b', 'post/launch-day');
    writeFiles(ours, { '_posts/2026-02-01-launch.md': 'Launch\n' });
    const head = commitAll(ours, 'Launch post');

    const result = await push(await openRepo(ours), { auth: acceptedAuth });
    expect(result).toEqual({ branch: 'post/launch-day', remote: 'origin', setUpstream: true, pullRequestUrl: null });
    expect(gitCli(bare, 'ls-remote', bare)).toContain(`${head}\trefs/heads/post/launch-day`);
    expect(gitCli(ours, 'config', 'branch.post/launch-day.remote').trim()).toBe('origin');
    expect(gitCli(ours, 'config', 'branch.post/launch-day.merge').trim()).toBe('refs/heads/post/launch-day');
    expect(gitCli(ours, 'rev-parse', 'refs/remotes/origin/post/launch-day').trim()).toBe(head);
    expect(gitCli(ours, 'status', '-sb').split('\n')[0]).toBe('## post/launch-day...origin/post/launch-day');
    expect(fs.readFileSync(path.join(ours, '.git/config'), 'utf8')).not.toContain(REMOTE_TOKEN);

    writeFiles(ours, { '_posts/2026-02-01-launch.md': 'Launch, edited\n' });
    const second = commitAll(ours, 'Edit');
    expect((await push(await openRepo(ours), { auth: acceptedAuth })).setUpstream).toBe(false);
    expect(gitCli(bare, 'rev-parse', 'post/launch-day').trim()).toBe(second);
  });

  it('pushes main to its upstream without a pull-request link', async () => {
    const { bare, ours } = setup();
    writeFiles(ours, { 'about.md': 'About\n' });
    const head = commitAll(ours, 'About');
    const result = await push(await openRepo(ours), { auth: acceptedAuth });
    expect(result).toEqual({ branch: 'main', remote: 'origin', setUpstream: false, pullRequestUrl: null });
    expect(gitCli(bare, 'rev-parse', 'main').trim()).toBe(head);
  });

  it('is rejected (never forced) when the remote has commits we lack; the remote is unchanged', async () => {
    const { bare, ours } = setup();
    const colleague = path.join(tempDir(), 'colleague');
    gitCli(path.dirname(colleague), 'clone', '-q', bare, colleague);
    writeFiles(colleague, { 'theirs.md': 'theirs\n' });
    const theirs = commitAll(colleague, 'Theirs');
    gitCli(colleague, 'push', '-q', 'origin', 'main');

    writeFiles(ours, { 'mine.md': 'mine\n' });
    commitAll(ours, 'Mine');
    const failure = await failureOf(push(await openRepo(ours), { auth: acceptedAuth }));
    expect(failure.error.code).toBe('rejected');
    expect(gitCli(bare, 'rev-parse', 'main').trim()).toBe(theirs);
  });

  it('fails with auth-failed on a wrong token: nothing pushed, no upstream set', async () => {
    const { bare, ours } = setup();
    gitCli(ours, 'checkout', '-q', '-b', 'draft');
    writeFiles(ours, { 'draft.md': 'draft\n' });
    commitAll(ours, 'Draft');
    const wrong: AuthProvider = async () => ({ username: REMOTE_USER, password: 'wrong' });
    const failure = await failureOf(push(await openRepo(ours), { auth: wrong }));
    expect(failure.error.code).toBe('auth-failed');
    expect(gitCli(bare, 'ls-remote', bare)).not.toContain('refs/heads/draft');
    expect(() => gitCli(ours, 'config', 'branch.draft.remote')).toThrow();
    expect(() => gitCli(ours, 'rev-parse', '--verify', '-q', 'refs/remotes/origin/draft')).toThrow();
  });

  it('fails with unreachable within the time limit when nothing listens', async () => {
    const { ours } = setup();
    gitCli(ours, 'remote', 'set-url', 'origin', await unreachableUrl());
    writeFiles(ours, { 'x.md': 'x\n' });
    commitAll(ours, 'X');
    const started = Date.now();
    const failure = await failureOf(push(await openRepo(ours), { auth: acceptedAuth }));
    expect(failure.error).toMatchObject({ code: 'unreachable', retryable: true });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses an SSH remote, suggesting its HTTPS address', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    gitCli(dir, 'remote', 'add', 'origin', 'git@github.com:acme/press.git');
    const failure = await failureOf(push(await openRepo(dir), { auth: acceptedAuth }));
    expect(failure.error).toMatchObject({ code: 'not-supported', suggestion: 'https://github.com/acme/press.git' });
  });

  it('refuses on a detached HEAD', async () => {
    const { ours } = setup();
    gitCli(ours, 'checkout', '-q', '--detach');
    expect((await failureOf(push(await openRepo(ours), { auth: acceptedAuth }))).error.code).toBe('detached');
  });
});
