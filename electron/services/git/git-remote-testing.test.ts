import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMOTE_TOKEN, REMOTE_USER, startGitRemote, type GitRemoteServer, unreachableUrl } from './git-remote-testing';

/** The real git, asynchronously: the remote runs in this process, so a blocking call would never be answered. */
async function git(args: string[], cwd?: string): Promise<string> {
  const { stdout } = await promisify(execFile)('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  return stdout;
}

function withAuth(url: string, user = REMOTE_USER, token = REMOTE_TOKEN): string {
  const u = new URL(url);
  u.username = user;
  u.password = token;
  return u.toString();
}

describe('the test git remote (git http-backend behind basic auth)', () => {
  let remote: GitRemoteServer;
  let work: string;
  beforeAll(async () => {
    remote = await startGitRemote();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-kit-'));
  });
  afterAll(async () => {
    await remote.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('serves clone and push to the real git client with the right token', async () => {
    const seed = path.join(work, 'seed');
    await git(['init', '-q', '-b', 'main', seed]);
    fs.writeFileSync(path.join(seed, 'a.txt'), 'hello\n');
    await git(['-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '-q', '--allow-empty', '-m', 'first'], seed);
    await git(['add', 'a.txt'], seed);
    await git(['-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '-q', '-m', 'second'], seed);
    const bare = remote.createBare('site', seed);

    const clone = path.join(work, 'clone');
    await git(['clone', '-q', withAuth(remote.url('site')), clone]);
    expect(fs.readFileSync(path.join(clone, 'a.txt'), 'utf8')).toBe('hello\n');

    fs.writeFileSync(path.join(clone, 'b.txt'), 'more\n');
    await git(['add', 'b.txt'], clone);
    await git(['-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '-q', '-m', 'third'], clone);
    await git(['push', '-q', 'origin', 'main'], clone);
    expect((await git(['log', '--format=%s', 'main'], bare)).trim().split('\n')).toEqual(['third', 'second', 'first']);
  });

  it('refuses a wrong token with 401 and counts the request', async () => {
    remote.createBare('locked');
    const before = remote.requests;
    await expect(git(['ls-remote', withAuth(remote.url('locked'), REMOTE_USER, 'wrong')])).rejects.toThrow(/Authentication failed|401/);
    expect(remote.requests).toBeGreaterThan(before);
  });

  it('gives a URL where nothing listens', async () => {
    const url = await unreachableUrl();
    await expect(git(['ls-remote', url])).rejects.toThrow(/Failed to connect|Connection refused|Could not connect/i);
  });
});
