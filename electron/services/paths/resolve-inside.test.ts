import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInside, normalizeRel, resolveInside } from './resolve-inside';
import { failureOf } from '../../../shared/contract/errors-testing';

let base: string;
let site: string;
let outsideDir: string;

beforeEach(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-resolve-')));
  site = path.join(base, 'site');
  outsideDir = path.join(base, 'site2');
  await fs.mkdir(path.join(site, '_posts', 'en'), { recursive: true });
  await fs.mkdir(outsideDir);
  await fs.writeFile(path.join(site, '_posts', 'en', '2024-01-01-hello.md'), 'hello\n');
  await fs.writeFile(path.join(site, '_config.yml'), 'title: x\n');
  await fs.writeFile(path.join(outsideDir, 'secret.txt'), 'secret\n');
});

afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe('resolveInside refuses every spelling of a path outside the site', () => {
  const spellings: [string, string][] = [
    ['posix absolute', '/etc/passwd'],
    ['double-slash absolute', '//etc/passwd'],
    ['Windows drive', 'C:\\Windows\\win.ini'],
    ['Windows drive with forward slashes', 'C:/Windows/win.ini'],
    ['drive-relative', 'c:secret.txt'],
    ['UNC share', '\\\\server\\share\\file.md'],
    ['climbing ..', '../site2/secret.txt'],
    ['climbing after a folder', '_posts/../../site2/secret.txt'],
    ['climbing deep', '_posts/en/../../../site2/secret.txt'],
    ['backslash separators', '_posts\\en\\2024-01-01-hello.md'],
    ['backslash climbing', '..\\site2\\secret.txt'],
    ['percent-encoded slash', '..%2fsite2%2fsecret.txt'],
    ['percent-encoded slash upper case', '_posts%2Fen'],
    ['percent-encoded backslash', '..%5csite2%5csecret.txt'],
    ['percent-encoded dots', '%2e%2e/site2/secret.txt'],
    ['percent-encoded dots upper case', '%2E%2E/site2/secret.txt'],
    ['half-encoded dots', '.%2e/site2/secret.txt'],
    ['NUL byte', '_config.yml\u0000.md'],
    ['empty', ''],
  ];
  for (const [name, rel] of spellings) {
    it(`refuses ${name}: ${JSON.stringify(rel)}`, async () => {
      const failure = await failureOf(resolveInside(site, rel));
      expect(failure.error.code).toBe('outside-site');
      expect(failure.error.path).toBe(rel);
      expect(failure.message).toMatch(/not inside the site/);
      // allowMissing (used when creating files) is no way around it either
      const again = await failureOf(resolveInside(site, rel, { allowMissing: true }));
      expect(again.error.code).toBe('outside-site');
    });
  }

  it('refuses a symlink that leads out of the site', async () => {
    await fs.symlink(path.join(outsideDir, 'secret.txt'), path.join(site, 'leak.md'));
    const failure = await failureOf(resolveInside(site, 'leak.md'));
    expect(failure.error.code).toBe('outside-site');
    expect(failure.message).toMatch(/symbolic link/);
  });

  it('refuses a folder symlink that leads out, also for a new file below it', async () => {
    await fs.symlink(outsideDir, path.join(site, 'elsewhere'), 'dir');
    expect((await failureOf(resolveInside(site, 'elsewhere/secret.txt'))).error.code).toBe('outside-site');
    expect((await failureOf(resolveInside(site, 'elsewhere/new.md', { allowMissing: true }))).error.code).toBe('outside-site');
  });

  it('refuses a dangling symlink that points outside when creating a file', async () => {
    await fs.symlink(path.join(outsideDir, 'not-yet.md'), path.join(site, 'dangling.md'));
    const failure = await failureOf(resolveInside(site, 'dangling.md', { allowMissing: true }));
    expect(failure.error.code).toBe('outside-site');
    await expect(fs.access(path.join(outsideDir, 'not-yet.md'))).rejects.toThrow();
  });

  it('refuses a relative symlink that climbs out', async () => {
    await fs.symlink('../../site2/secret.txt', path.join(site, '_posts', 'rel-leak.md'));
    expect((await failureOf(resolveInside(site, '_posts/rel-leak.md'))).error.code).toBe('outside-site');
    // the same spelling one folder deeper stays inside the site (and names nothing there)
    await fs.symlink('../../site2/secret.txt', path.join(site, '_posts', 'en', 'rel-miss.md'));
    expect((await failureOf(resolveInside(site, '_posts/en/rel-miss.md'))).error.code).toBe('not-found');
  });
});

describe('resolveInside accepts paths inside the site', () => {
  it('returns the real path of a file', async () => {
    expect(await resolveInside(site, '_posts/en/2024-01-01-hello.md')).toBe(path.join(site, '_posts', 'en', '2024-01-01-hello.md'));
  });

  it('allows .. that stays inside and ignores ./ and doubled slashes', async () => {
    expect(await resolveInside(site, '_posts/en/../../_config.yml')).toBe(path.join(site, '_config.yml'));
    expect(await resolveInside(site, './_posts//en/./2024-01-01-hello.md')).toBe(path.join(site, '_posts', 'en', '2024-01-01-hello.md'));
    expect(await resolveInside(site, '_posts/%2e%2e/_config.yml')).toBe(path.join(site, '_config.yml'));
  });

  it('keeps a percent sign that is not an encoded separator or dot as part of the name', async () => {
    await fs.writeFile(path.join(site, '100%25 sure.md'), 'x');
    expect(await resolveInside(site, '100%25 sure.md')).toBe(path.join(site, '100%25 sure.md'));
  });

  it('follows a symlink that stays inside the site to its target', async () => {
    await fs.mkdir(path.join(site, '_posts', 'de'));
    await fs.symlink('../en/2024-01-01-hello.md', path.join(site, '_posts', 'de', '2024-01-01-hello.md'));
    expect(await resolveInside(site, '_posts/de/2024-01-01-hello.md')).toBe(path.join(site, '_posts', 'en', '2024-01-01-hello.md'));
  });

  it('says not-found for a missing file unless allowMissing', async () => {
    const failure = await failureOf(resolveInside(site, '_posts/en/missing.md'));
    expect(failure.error.code).toBe('not-found');
    expect(failure.error.path).toBe('_posts/en/missing.md');
    expect(await resolveInside(site, '_posts/en/missing.md', { allowMissing: true })).toBe(path.join(site, '_posts', 'en', 'missing.md'));
    expect(await resolveInside(site, 'new/deep/folder/post.md', { allowMissing: true })).toBe(path.join(site, 'new', 'deep', 'folder', 'post.md'));
  });

  it('with allowMissing resolves the existing ancestor through a symlink inside the site', async () => {
    await fs.symlink(path.join(site, '_posts', 'en'), path.join(site, 'english'), 'dir');
    expect(await resolveInside(site, 'english/new.md', { allowMissing: true })).toBe(path.join(site, '_posts', 'en', 'new.md'));
  });

  it('names the root itself for "."', async () => {
    expect(await resolveInside(site, '.')).toBe(site);
  });

  it('works when the root is named through a symlink', async () => {
    const alias = path.join(base, 'alias');
    await fs.symlink(site, alias, 'dir');
    expect(await resolveInside(alias, '_config.yml')).toBe(path.join(site, '_config.yml'));
  });
});

describe('normalizeRel', () => {
  it('gives the lexical path with forward slashes', () => {
    expect(normalizeRel('./_posts//en/../en/a.md')).toBe('_posts/en/a.md');
    expect(normalizeRel('a/')).toBe('a');
  });
});

describe('isInside', () => {
  it('is separator-aware: /site2 is not inside /site', () => {
    expect(isInside('/srv/site', '/srv/site2')).toBe(false);
    expect(isInside('/srv/site', '/srv/site2/x.md')).toBe(false);
    expect(isInside('/srv/site', '/srv/site/x.md')).toBe(true);
    expect(isInside('/srv/site/', '/srv/site/x.md')).toBe(true);
    expect(isInside('/srv/site', '/srv/site')).toBe(true);
  });

  it('is case-sensitive', () => {
    expect(isInside('/srv/Site', '/srv/site/x.md')).toBe(false);
  });

  it('normalizes .. before comparing and refuses relative paths', () => {
    expect(isInside('/srv/site', '/srv/site/../etc/passwd')).toBe(false);
    expect(isInside('/srv/site', 'site/x.md')).toBe(false);
  });

  it('treats everything as inside the filesystem root', () => {
    expect(isInside('/', '/etc')).toBe(true);
  });
});
