import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
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

  it('takes a large chunked push and a gzipped fetch negotiation from the real git client', async () => {
    const seed = path.join(work, 'seed-big');
    await git(['init', '-q', '-b', 'main', seed]);
    fs.writeFileSync(path.join(seed, 'a.txt'), 'a\n');
    await git(['add', 'a.txt'], seed);
    await git(['-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '-q', '-m', 'first'], seed);
    const bare = remote.createBare('big', seed);
    const clone = path.join(work, 'clone-big');
    await git(['clone', '-q', withAuth(remote.url('big')), clone]);
    // 3 MB that does not compress: git streams it chunked, without Content-Length.
    fs.writeFileSync(path.join(clone, 'photo.bin'), crypto.randomBytes(3 * 1024 * 1024));
    await git(['add', 'photo.bin'], clone);
    await git(['-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '-q', '-m', 'photo'], clone);
    await git(['push', '-q', 'origin', 'main'], clone);
    expect((await git(['log', '-1', '--format=%s', 'main'], bare)).trim()).toBe('photo');
    // 100 local commits and no remote-tracking refs: protocol v0 negotiation sends long, gzipped "have" lists.
    let stream = '';
    for (let i = 0; i < 100; i++) {
      const message = `local ${i}`;
      stream += `commit refs/heads/main\ncommitter T <t@x> ${1_700_000_000 + i} +0000\ndata ${message.length}\n${message}\n${i === 0 ? 'from refs/heads/main^0\n' : ''}\n`;
    }
    await new Promise<void>((resolve, reject) => {
      const child = execFile('git', ['fast-import', '--quiet'], { cwd: clone }, (error) => (error ? reject(error) : resolve()));
      child.stdin!.end(stream);
    });
    await git(['update-ref', '-d', 'refs/remotes/origin/main'], clone);
    await git(['-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '-q', '--allow-empty', '-m', 'remote side'], seed);
    await git(['push', '-q', bare, 'main:refs/heads/other'], seed);
    await git(['-c', 'protocol.version=0', 'fetch', '-q', 'origin'], clone);
    expect((await git(['log', '-1', '--format=%s', 'origin/other'], clone)).trim()).toBe('remote side');
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
