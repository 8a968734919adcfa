import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { git } from './git-engine';
import { startGitRemote, startSilentServer, type GitRemoteServer, unreachableUrl } from './git-remote-testing';
import { remoteAuth } from './remote-auth';
import { assertHttpUrl, httpWithTimeout, toRemoteFailure } from './remote-errors';

/** A request body as isomorphic-git hands it to the HTTP client. */
async function* oneChunk(chunk: Uint8Array): AsyncIterableIterator<Uint8Array> {
  yield chunk;
}

async function thrown(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('remote errors as the user sees them', () => {
  let remote: GitRemoteServer;
  beforeAll(async () => {
    remote = await startGitRemote();
    remote.createBare('site');
  });
  afterAll(async () => {
    await remote.close();
  });

  it('gives up on a host that accepts the connection and never answers, within the time limit', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const error = await thrown(() => git.getRemoteInfo({ http: httpWithTimeout(400), url: silent.url('site') }));
      const failure = toRemoteFailure(error, silent.url('site'));
      expect(failure.error.code).toBe('unreachable');
      expect(failure.error.retryable).toBe(true);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await silent.close();
    }
  });

  it('gives up on a silent connection while sending a body too', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const error = await thrown(() =>
        httpWithTimeout(400).request({ url: silent.url('site') + '/git-receive-pack', method: 'POST', body: oneChunk(new Uint8Array([1, 2, 3])), headers: {} }),
      );
      expect(toRemoteFailure(error, silent.url('site')).error.code).toBe('unreachable');
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await silent.close();
    }
  });

  it('says unreachable for a closed port', async () => {
    const url = await unreachableUrl();
    const error = await thrown(() => git.getRemoteInfo({ http: httpWithTimeout(), url }));
    expect(toRemoteFailure(error, url).error).toMatchObject({ code: 'unreachable', retryable: true });
  });

  it('says auth-failed naming the host when no credentials are known, without asking the remote twice', async () => {
    const auth = remoteAuth(async () => null);
    const before = remote.requests;
    const error = await thrown(() => git.getRemoteInfo({ http: httpWithTimeout(), url: remote.url('site'), onAuth: auth.onAuth, onAuthFailure: auth.onAuthFailure }));
    const failure = toRemoteFailure(error, remote.url('site'));
    expect(failure.error.code).toBe('auth-failed');
    expect(failure.message).toContain(new URL(remote.baseUrl).host);
    expect(remote.requests - before).toBe(1);
  });

  it('maps a 401 without callbacks and a 5xx', () => {
    const http401 = Object.assign(new Error('HTTP Error: 401'), { code: 'HttpError', data: { statusCode: 401 } });
    const http503 = Object.assign(new Error('HTTP Error: 503'), { code: 'HttpError', data: { statusCode: 503 } });
    const rejected = Object.assign(new Error('Push rejected'), { code: 'PushRejectedError' });
    expect(toRemoteFailure(http401, 'https://github.com/a/b.git').error.code).toBe('auth-failed');
    expect(toRemoteFailure(http503, 'https://github.com/a/b.git').error).toMatchObject({ code: 'unreachable', retryable: true });
    expect(toRemoteFailure(rejected, 'https://github.com/a/b.git').error.code).toBe('rejected');
  });

  it('refuses SSH addresses with the HTTPS form, and local paths', () => {
    const ssh = (() => {
      try {
        assertHttpUrl('ssh://git@gitlab.com/team/site.git');
      } catch (error) {
        return error as AppFailure;
      }
      throw new Error('expected a failure');
    })();
    expect(ssh.error).toMatchObject({ code: 'not-supported', suggestion: 'https://gitlab.com/team/site.git' });
    expect(() => assertHttpUrl('/srv/git/site.git')).toThrow(AppFailure);
    expect(() => assertHttpUrl('https://github.com/a/b.git')).not.toThrow();
  });
});
