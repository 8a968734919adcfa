import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCredentialStore, envCredentials, type SecretBox } from './credential-store';
import { makeRepo, tempDir } from './git-testing';

const TOKEN = 'ghp_S3cretTokenThatMustNeverBeOnDisk1234';

/** A stand-in for the OS keychain: reversible, but never the plain bytes. */
function fakeBox(available = true): SecretBox & { encrypted: number } {
  const box = {
    protection: 'os' as const,
    encrypted: 0,
    isAvailable: () => available,
    encrypt(plain: string) {
      box.encrypted++;
      return Buffer.from(`os:${Buffer.from(plain).reverse().toString('hex')}`);
    },
    decrypt(data: Buffer) {
      const text = data.toString();
      if (!text.startsWith('os:')) throw new Error('not ours');
      return Buffer.from(text.slice(3), 'hex').reverse().toString();
    },
  };
  return box;
}

function files(dir = tempDir('pressroom-cred-')) {
  return { dir, file: path.join(dir, 'git-credentials.json'), keyFile: path.join(dir, 'git-credentials.key') };
}

/** Every encoding of the token a careless store might leave behind. */
function leaks(content: Buffer): string[] {
  const forms = [TOKEN, Buffer.from(TOKEN).toString('base64'), Buffer.from(TOKEN).toString('hex'), encodeURIComponent(TOKEN)];
  return forms.filter((f) => content.includes(Buffer.from(f)));
}

describe('credential store', () => {
  it('keeps session credentials in memory only', async () => {
    const f = files();
    const store = createCredentialStore({ file: f.file, keyFile: f.keyFile });
    expect(await store.set('GitHub.com', { username: 'ada', token: TOKEN }, false)).toEqual({ host: 'github.com', username: 'ada', protection: 'session' });
    expect(await store.get('github.com')).toEqual({ username: 'ada', token: TOKEN });
    expect(await fs.readdir(f.dir)).toEqual([]);
    // A new store (the next start of the app) knows nothing of them.
    const next = createCredentialStore({ file: f.file, keyFile: f.keyFile });
    expect(await next.get('github.com')).toBeNull();
    expect(await next.info('github.com')).toEqual({ host: 'github.com', username: null, protection: null });
  });

  it('remembers with the app key when there is no OS keychain, never in plain text, files 0600', async () => {
    const f = files();
    const store = createCredentialStore({ file: f.file, keyFile: f.keyFile, box: fakeBox(false) });
    expect(await store.set('gitlab.com', { username: 'grace', token: TOKEN }, true)).toEqual({ host: 'gitlab.com', username: 'grace', protection: 'app-key' });
    const content = await fs.readFile(f.file);
    expect(leaks(content)).toEqual([]);
    expect(JSON.parse(content.toString()).hosts['gitlab.com'].username).toBe('grace');
    if (process.platform !== 'win32') {
      expect((await fs.stat(f.file)).mode & 0o777).toBe(0o600);
      expect((await fs.stat(f.keyFile)).mode & 0o777).toBe(0o600);
    }
    const key = await fs.readFile(f.keyFile, 'utf8');
    const next = createCredentialStore({ file: f.file, keyFile: f.keyFile });
    expect(await next.get('GITLAB.COM')).toEqual({ username: 'grace', token: TOKEN });
    // A second host reuses the key: it is created once.
    await next.set('example.org', { username: 'x', token: 'other-token' }, true);
    expect(await fs.readFile(f.keyFile, 'utf8')).toBe(key);
    expect(await next.get('gitlab.com')).toEqual({ username: 'grace', token: TOKEN });
  });

  it('remembers with the OS keychain when available and reads it back', async () => {
    const f = files();
    const box = fakeBox(true);
    const store = createCredentialStore({ file: f.file, keyFile: f.keyFile, box });
    expect((await store.set('github.com', { username: 'ada', token: TOKEN }, true)).protection).toBe('os');
    expect(box.encrypted).toBe(1);
    expect(leaks(await fs.readFile(f.file))).toEqual([]);
    await expect(fs.stat(f.keyFile)).rejects.toThrow();
    expect(await createCredentialStore({ file: f.file, keyFile: f.keyFile, box }).get('github.com')).toEqual({ username: 'ada', token: TOKEN });
    // Without the keychain (the CLI) the token is unreadable, so it is not offered.
    expect(await createCredentialStore({ file: f.file, keyFile: f.keyFile }).get('github.com')).toBeNull();
  });

  it('forgets a host on disk and in memory; session-only drops an older remembered entry', async () => {
    const f = files();
    const store = createCredentialStore({ file: f.file, keyFile: f.keyFile });
    await store.set('a.example', { username: 'one', token: TOKEN }, true);
    await store.set('b.example', { username: 'two', token: 'tok-b' }, true);
    expect(await store.forget('a.example')).toEqual({ host: 'a.example', username: null, protection: null });
    expect(await store.get('a.example')).toBeNull();
    expect(await store.get('b.example')).toEqual({ username: 'two', token: 'tok-b' });
    await store.set('b.example', { username: 'two', token: 'tok-b2' }, false);
    expect(JSON.parse(await fs.readFile(f.file, 'utf8')).hosts).toEqual({});
    expect(await store.get('b.example')).toEqual({ username: 'two', token: 'tok-b2' });
  });

  it('keeps both hosts when two are remembered at once', async () => {
    const f = files();
    const store = createCredentialStore({ file: f.file, keyFile: f.keyFile });
    await Promise.all(['h1', 'h2', 'h3'].map((h) => store.set(`${h}.example`, { username: h, token: `t-${h}` }, true)));
    const next = createCredentialStore({ file: f.file, keyFile: f.keyFile });
    expect(await Promise.all(['h1', 'h2', 'h3'].map((h) => next.get(`${h}.example`)))).toEqual(['h1', 'h2', 'h3'].map((h) => ({ username: h, token: `t-${h}` })));
  });

  it('treats a damaged file or a replaced key as unknown credentials', async () => {
    const f = files();
    const store = createCredentialStore({ file: f.file, keyFile: f.keyFile });
    await store.set('github.com', { username: 'ada', token: TOKEN }, true);
    await fs.writeFile(f.keyFile, Buffer.alloc(32, 7).toString('base64'));
    expect(await createCredentialStore({ file: f.file, keyFile: f.keyFile }).get('github.com')).toBeNull();
    await fs.writeFile(f.file, '{ not json');
    expect(await createCredentialStore({ file: f.file, keyFile: f.keyFile }).info('github.com')).toEqual({ host: 'github.com', username: null, protection: null });
  });

  it('never writes into a repository', async () => {
    const repo = makeRepo({ 'README.md': 'hi\n' });
    const before = await fs.readFile(path.join(repo, '.git', 'config'), 'utf8');
    const f = files();
    await createCredentialStore({ file: f.file, keyFile: f.keyFile }).set('github.com', { username: 'ada', token: TOKEN }, true);
    expect(await fs.readFile(path.join(repo, '.git', 'config'), 'utf8')).toBe(before);
  });
});

describe('envCredentials', () => {
  it('reads the CLI token and user from the environment', () => {
    expect(envCredentials({})).toBeNull();
    expect(envCredentials({ PRESSROOM_GIT_USER: 'ada' })).toBeNull();
    expect(envCredentials({ PRESSROOM_GIT_TOKEN: 't' })).toEqual({ username: 'x-access-token', token: 't' });
    expect(envCredentials({ PRESSROOM_GIT_TOKEN: 't', PRESSROOM_GIT_USER: 'ada' })).toEqual({ username: 'ada', token: 't' });
  });
});
