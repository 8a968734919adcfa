import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../../../shared/contract/errors-testing';
import { cloneRepo } from './clone';
import { REMOTE_TOKEN, REMOTE_USER, acceptedAuth, startGitRemote, type GitRemoteServer, unreachableUrl } from './git-remote-testing';
import { gitCli, makeRepo, tempDir } from './git-testing';
import type { AuthProvider } from './remote-auth';


describe('cloneRepo over HTTP', () => {
  let remote: GitRemoteServer;
  let bare: string;
  beforeAll(async () => {
    remote = await startGitRemote();
    const seed = makeRepo({ 'index.md': '# Home\n', '_posts/2026-01-01-hello.md': 'hello\n' });
    fs.writeFileSync(path.join(seed, 'about.md'), 'about\n');
    gitCli(seed, 'add', 'about.md');
    gitCli(seed, 'commit', '-q', '-m', 'About page');
    bare = remote.createBare('press-site', seed);
  });
  afterAll(async () => {
    await remote.close();
  });

  it('makes <destination>/<name> with the same history, files and upstream, reporting progress', async () => {
    const destination = tempDir();
    const phases = new Set<string>();
    const result = await cloneRepo({ url: remote.url('press-site'), destination, auth: acceptedAuth, onProgress: (p) => void phases.add(p.phase) });
    expect(result.path).toBe(path.join(destination, 'press-site'));
    expect(gitCli(result.path, 'log', '--format=%H %s')).toBe(gitCli(bare, 'log', '--format=%H %s', 'main'));
    expect(fs.readFileSync(path.join(result.path, '_posts/2026-01-01-hello.md'), 'utf8')).toBe('hello\n');
    expect(gitCli(result.path, 'status', '--porcelain')).toBe('');
    expect(gitCli(result.path, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
    expect(gitCli(result.path, 'config', 'branch.main.remote').trim()).toBe('origin');
    expect(gitCli(result.path, 'config', 'branch.main.merge').trim()).toBe('refs/heads/main');
    expect(gitCli(result.path, 'symbolic-ref', 'refs/remotes/origin/HEAD').trim()).toBe('refs/remotes/origin/main');
    expect(phases.size).toBeGreaterThan(0);
    // Credentials were asked for, never written.
    const config = fs.readFileSync(path.join(result.path, '.git/config'), 'utf8');
    expect(config).not.toContain(REMOTE_TOKEN);
    expect(gitCli(result.path, 'config', 'remote.origin.url').trim()).toBe(remote.url('press-site'));
  });

  it('takes credentials typed into the address but keeps them out of the repository', async () => {
    const destination = tempDir();
    const withCreds = remote.url('press-site').replace('http://', `http://${REMOTE_USER}:${REMOTE_TOKEN}@`);
    const noAuth: AuthProvider = async () => null;
    const { path: clone } = await cloneRepo({ url: withCreds, destination, auth: noAuth });
    expect(gitCli(clone, 'config', 'remote.origin.url').trim()).toBe(remote.url('press-site'));
    expect(fs.readFileSync(path.join(clone, '.git/config'), 'utf8')).not.toContain(REMOTE_TOKEN);
  });

  it('refuses a folder of that name that is not empty, and leaves it untouched', async () => {
    const destination = tempDir();
    fs.mkdirSync(path.join(destination, 'press-site'));
    fs.writeFileSync(path.join(destination, 'press-site', 'mine.txt'), 'keep me');
    const failure = await failureOf(cloneRepo({ url: remote.url('press-site'), destination, auth: acceptedAuth }));
    expect(failure.error.code).toBe('exists');
    expect(fs.readdirSync(path.join(destination, 'press-site'))).toEqual(['mine.txt']);
  });

  it('clones into an empty folder of that name, and says not-found for a destination that does not exist', async () => {
    const destination = tempDir();
    fs.mkdirSync(path.join(destination, 'press-site'));
    const { path: clone } = await cloneRepo({ url: remote.url('press-site'), destination, auth: acceptedAuth });
    expect(gitCli(clone, 'log', '-1', '--format=%s').trim()).toBe('About page');
    const missing = path.join(destination, 'no', 'such');
    expect((await failureOf(cloneRepo({ url: remote.url('press-site'), destination: missing, auth: acceptedAuth }))).error.code).toBe('not-found');
    expect(fs.existsSync(path.join(destination, 'no'))).toBe(false);
  });

  it('fails with auth-failed on a wrong token, asks once more, and leaves no folder', async () => {
    const destination = tempDir();
    const attempts: number[] = [];
    const wrong: AuthProvider = async (_url, attempt) => {
      attempts.push(attempt);
      return { username: REMOTE_USER, password: `wrong-${attempt}` };
    };
    const failure = await failureOf(cloneRepo({ url: remote.url('press-site'), destination, auth: wrong }));
    expect(failure.error.code).toBe('auth-failed');
    expect(failure.message).toContain('127.0.0.1');
    expect(attempts).toEqual([0, 1]);
    expect(fs.readdirSync(destination)).toEqual([]);
  });

  it('clones after the first token was refused when the second one is right', async () => {
    const destination = tempDir();
    const fresh: AuthProvider = async (_url, attempt) => ({ username: REMOTE_USER, password: attempt === 0 ? 'stale' : REMOTE_TOKEN });
    const { path: clone } = await cloneRepo({ url: remote.url('press-site'), destination, auth: fresh });
    expect(gitCli(clone, 'log', '-1', '--format=%s').trim()).toBe('About page');
  });

  it('fails fast with unreachable (retryable) on a closed port, leaving no folder', async () => {
    const destination = tempDir();
    const started = Date.now();
    const failure = await failureOf(cloneRepo({ url: await unreachableUrl('gone'), destination, auth: acceptedAuth }));
    expect(failure.error.code).toBe('unreachable');
    expect(failure.error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(fs.readdirSync(destination)).toEqual([]);
  });

  it('refuses an SSH address with its HTTPS form as the suggestion, before touching the disk', async () => {
    const destination = tempDir();
    const failure = await failureOf(cloneRepo({ url: 'git@github.com:acme/site.git', destination, auth: acceptedAuth }));
    expect(failure.error.code).toBe('not-supported');
    expect(failure.error.suggestion).toBe('https://github.com/acme/site.git');
    expect(fs.readdirSync(destination)).toEqual([]);
  });

  it('says not-found for a repository the remote does not have', async () => {
    const destination = tempDir();
    const failure = await failureOf(cloneRepo({ url: remote.url('no-such-repo'), destination, auth: acceptedAuth }));
    expect(failure.error.code).toBe('not-found');
    expect(fs.readdirSync(destination)).toEqual([]);
  });
});
