/**
 * Saves that cannot be raced or misdirected, and faults that lose nothing: concurrent saves on one version,
 * a change on disk just before the rename, `.git/`, binary and non-UTF-8 files, read-only and hard-linked
 * files, and a full disk, a permission, a read-only disk and a locked file injected at the file system.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../../../shared/contract/errors-testing';
import type { WriteFs } from './atomic-write';
import { createDocument, hashBytes, readDocument, saveDocument } from './document-service';
import { putFile, useTempAppData } from './documents-testing';

let base: string;
let site: string;
useTempAppData();

beforeEach(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-save-')));
  site = path.join(base, 'site');
  await fs.mkdir(path.join(site, '_posts'), { recursive: true });
});

afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

const put = (rel: string, content: string | Uint8Array): Promise<string> => putFile(site, rel, content);

/** Every file in a folder whose name marks one of our temporary files. */
async function tempsIn(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).filter((n) => n.endsWith('.tmp'));
}

describe('concurrent saves and changes on disk', () => {
  it('lets exactly one of eight saves on the same version win; the other seven get conflict and lose nothing silently', async () => {
    const abs = await put('_posts/race.md', 'base\n');
    const { version } = await readDocument(site, '_posts/race.md');
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => saveDocument(site, '_posts/race.md', `edit ${i}\n`, version)));
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ error: { code: 'conflict' } });
    expect(await fs.readFile(abs, 'utf8')).toBe(`edit ${won[0]}\n`);
    expect(await tempsIn(path.dirname(abs))).toEqual([]);
  });

  it('also serializes saves reaching one file by two names (a symlink), by its real path', async () => {
    const abs = await put('_posts/real.md', 'base\n');
    await fs.symlink('real.md', path.join(site, '_posts', 'alias.md'));
    const { version } = await readDocument(site, '_posts/real.md');
    const results = await Promise.allSettled(
      ['_posts/real.md', '_posts/alias.md', '_posts/real.md', '_posts/alias.md'].map((rel, i) => saveDocument(site, rel, `edit ${i}\n`, version)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await fs.readFile(abs, 'utf8')).toMatch(/^edit \d\n$/);
  });

  it('never overwrites a change made on disk between the version check and the rename', async () => {
    const abs = await put('_posts/p.md', 'opened\n');
    const { version } = await readDocument(site, '_posts/p.md');
    const failure = await failureOf(
      saveDocument(site, '_posts/p.md', 'mine\n', version, { afterCheck: () => fs.writeFile(abs, 'written by another program\n') }),
    );
    expect(failure.error).toMatchObject({ code: 'conflict', path: '_posts/p.md', retryable: false });
    expect(await fs.readFile(abs, 'utf8')).toBe('written by another program\n');
    expect(await tempsIn(path.dirname(abs))).toEqual([]);
  });

  it('treats a file deleted between the check and the rename as changed: nothing is recreated', async () => {
    const abs = await put('_posts/p.md', 'opened\n');
    const { version } = await readDocument(site, '_posts/p.md');
    const failure = await failureOf(saveDocument(site, '_posts/p.md', 'mine\n', version, { afterCheck: () => fs.rm(abs) }));
    expect(failure.error.code).toBe('conflict');
    expect(await fs.readdir(path.dirname(abs))).toEqual([]);
  });
});

describe('.git is out of reach', () => {
  const refusedNames = ['.git/config', '.git/hooks/pre-commit', 'sub/.git/config', '.GIT/config', '.Git/HEAD', '.git./config', 'GIT~1/config'];

  it('refuses to read, save or create anything under .git at any depth and in any case', async () => {
    await put('.git/config', '[core]\n');
    await put('.git/HEAD', 'ref: refs/heads/main\n');
    const config = await fs.readFile(path.join(site, '.git', 'config'));
    for (const rel of refusedNames) {
      expect((await failureOf(readDocument(site, rel))).error.code, rel).toBe('refused');
      expect((await failureOf(saveDocument(site, rel, '[core]\n\tfsmonitor = evil\n', hashBytes(config)))).error.code, rel).toBe('refused');
      expect((await failureOf(createDocument(site, `${rel}-new`, 'x'))).error.code, rel).toBe('refused');
    }
    const failure = await failureOf(saveDocument(site, '.git/config', '[core]\n\tfsmonitor = evil\n', hashBytes(config)));
    expect(failure.error).toMatchObject({ code: 'refused', path: '.git/config' });
    expect(failure.message).toContain('.git');
    expect((await failureOf(readDocument(site, '.git/config'))).error.code).toBe('refused');
    expect(await fs.readFile(path.join(site, '.git', 'config'))).toEqual(config);
    expect((await fs.readdir(path.join(site, '.git'))).sort()).toEqual(['HEAD', 'config']);
  });

  it('refuses a symlink whose real path is in .git, and a post linked to a folder in .git', async () => {
    await put('.git/config', '[core]\n');
    await fs.symlink('../.git/config', path.join(site, '_posts', 'innocent.md'));
    await fs.symlink('../.git', path.join(site, '_posts', 'folder'), 'dir');
    const version = hashBytes(Buffer.from('[core]\n'));
    for (const rel of ['_posts/innocent.md', '_posts/folder/config']) {
      expect((await failureOf(readDocument(site, rel))).error.code, rel).toBe('refused');
      expect((await failureOf(saveDocument(site, rel, 'evil\n', version))).error.code, rel).toBe('refused');
    }
    expect((await failureOf(createDocument(site, '_posts/folder/hooks-post-checkout', '#!/bin/sh\n'))).error.code).toBe('refused');
    expect(await fs.readFile(path.join(site, '.git', 'config'), 'utf8')).toBe('[core]\n');
    expect(await fs.readdir(path.join(site, '.git'))).toEqual(['config']);
  });

  it('still saves posts whose names merely contain "git"', async () => {
    await put('_posts/.github-notes.md', 'a\n');
    await put('_posts/git.md', 'a\n');
    for (const rel of ['_posts/.github-notes.md', '_posts/git.md']) {
      const { version } = await readDocument(site, rel);
      await saveDocument(site, rel, 'b\n', version);
      expect(await fs.readFile(path.join(site, rel), 'utf8')).toBe('b\n');
    }
  });
});

describe('files the service never rewrites', () => {
  it('refuses to save over a binary or non-UTF-8 file even when the caller names its exact version', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]);
    const latin1 = Buffer.from('caf\xe9\n', 'latin1');
    for (const [rel, bytes] of [['_posts/logo.png.md', binary], ['_posts/latin1.md', latin1]] as const) {
      const abs = await put(rel, bytes);
      const failure = await failureOf(saveDocument(site, rel, 'replaced\n', hashBytes(bytes)));
      expect(failure.error).toMatchObject({ code: 'not-text', path: rel });
      expect(await fs.readFile(abs)).toEqual(bytes);
    }
    expect(await tempsIn(path.join(site, '_posts'))).toEqual([]);
  });

  it('refuses a read-only file with a message and leaves it as it was, read-only', async () => {
    const abs = await put('_posts/locked.md', 'keep\n');
    await fs.chmod(abs, 0o444);
    const { version } = await readDocument(site, '_posts/locked.md');
    const failure = await failureOf(saveDocument(site, '_posts/locked.md', 'changed\n', version));
    expect(failure.error).toMatchObject({ code: 'not-writable', path: '_posts/locked.md', retryable: false });
    expect(failure.message).toContain('read-only');
    expect(await fs.readFile(abs, 'utf8')).toBe('keep\n');
    expect((await fs.stat(abs)).mode & 0o777).toBe(0o444);
  });

  it('refuses a hard-linked post: both names keep the same, unchanged file', async () => {
    const abs = await put('_posts/en.md', 'shared\n');
    const other = path.join(site, '_posts', 'de.md');
    await fs.link(abs, other);
    const { version } = await readDocument(site, '_posts/en.md');
    const failure = await failureOf(saveDocument(site, '_posts/en.md', 'edited\n', version));
    expect(failure.error).toMatchObject({ code: 'refused', path: '_posts/en.md', retryable: false });
    expect(failure.message).toContain('hard-linked');
    expect(await fs.readFile(abs, 'utf8')).toBe('shared\n');
    expect((await fs.stat(abs)).ino).toBe((await fs.stat(other)).ino);
  });
});

/** Node's file system with one function failing like the kernel would, with `code`. */
function failing(code: string, where: 'open' | 'write' | 'sync' | 'rename'): WriteFs {
  const fault = () => Object.assign(new Error(`${code}: injected`), { code });
  const open: WriteFs['open'] = async (...args: Parameters<WriteFs['open']>) => {
    if (args[1] !== 'wx') return fs.open(...args);
    if (where === 'open') throw fault();
    const handle = await fs.open(...args);
    if (where === 'write') {
      handle.writeFile = async (data) => {
        await fs.appendFile(args[0], Buffer.from(String(data)).subarray(0, 3));
        throw fault();
      };
    }
    if (where === 'sync') handle.sync = async () => Promise.reject(fault());
    return handle;
  };
  return { ...fs, open, rename: where === 'rename' ? async () => Promise.reject(fault()) : fs.rename };
}

describe('faults at the file system', () => {
  const cases = [
    ['ENOSPC', 'write', 'disk-full', true],
    ['EDQUOT', 'sync', 'disk-full', true],
    ['EACCES', 'open', 'not-writable', false],
    ['EROFS', 'open', 'not-writable', false],
    ['EBUSY', 'rename', 'busy', true],
    ['EIO', 'sync', 'io', true],
  ] as const;

  it.each(cases)('%s at %s: a clear %s failure (retryable: %s), the file whole and untouched, no temporary file', async (code, where, shown, retryable) => {
    const old = 'the whole old text\n'.repeat(500);
    const abs = await put('_posts/p.md', old);
    const { version } = await readDocument(site, '_posts/p.md');
    const failure = await failureOf(saveDocument(site, '_posts/p.md', 'the new text\n', version, { fs: failing(code, where) }));
    expect(failure.error).toMatchObject({ code: shown, path: '_posts/p.md', retryable });
    expect(failure.message).toContain('_posts/p.md');
    expect(await fs.readFile(abs, 'utf8')).toBe(old);
    expect(await tempsIn(path.dirname(abs))).toEqual([]);
    // Once the fault has passed, the same save (same version) goes through.
    await saveDocument(site, '_posts/p.md', 'the new text\n', version);
    expect(await fs.readFile(abs, 'utf8')).toBe('the new text\n');
  });
});
