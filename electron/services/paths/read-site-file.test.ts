// The one reader of site files, tried as an attacker would: links that lead out, FIFOs and devices named like a
// config, files too large, and a file swapped for a link while it is read. Real folders, real links, real FIFOs.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../../../shared/contract/errors-testing';
import { readSiteFile, readSiteText, resolveSiteFolder } from './read-site-file';
import { makeFifo, releaseFifos, within } from '../../../e2e/fixtures/fifo';

let base: string;
let site: string;
let outside: string;

beforeEach(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-sitefile-')));
  site = path.join(base, 'site');
  outside = path.join(base, 'outside');
  await fs.mkdir(path.join(site, '_data'), { recursive: true });
  await fs.mkdir(outside);
  await fs.writeFile(path.join(site, '_config.yml'), '\ufefftitle: Newsroom\n');
  await fs.writeFile(path.join(outside, 'secret.yml'), 'token: hunter2\n');
});

afterEach(async () => {
  releaseFifos();
  await fs.rm(base, { recursive: true, force: true });
});

describe('readSiteFile reads what is the site’s', () => {
  it('reads a file inside the site, and one reached through a link that stays inside', async () => {
    expect(await readSiteText(site, '_config.yml', { maxBytes: 1024 })).toBe('title: Newsroom\n');
    await fs.symlink('../_config.yml', path.join(site, '_data', 'config.yml'));
    expect((await readSiteFile(site, '_data/config.yml', { maxBytes: 1024 })).toString()).toContain('title: Newsroom');
  });

  it('says not-found for a missing file', async () => {
    expect((await failureOf(readSiteFile(site, '_data/none.yml', { maxBytes: 1024 }))).error.code).toBe('not-found');
  });
});

describe('readSiteFile refuses what is not', () => {
  it('refuses a symlinked file that leads out of the site, saying so', async () => {
    await fs.symlink(path.join(outside, 'secret.yml'), path.join(site, '_data', 'secret.yml'));
    const failure = await failureOf(readSiteFile(site, '_data/secret.yml', { maxBytes: 1024 }));
    expect(failure.error).toMatchObject({ code: 'outside-site', path: '_data/secret.yml' });
    expect(failure.message).toMatch(/symbolic link that leads out of the site/);
  });

  it('refuses a file below a symlinked folder that leads out', async () => {
    await fs.symlink(outside, path.join(site, 'elsewhere'), 'dir');
    expect((await failureOf(readSiteFile(site, 'elsewhere/secret.yml', { maxBytes: 1024 }))).error.code).toBe('outside-site');
  });

  it('refuses a folder, and a file over the limit without reading it', async () => {
    const folder = await failureOf(readSiteFile(site, '_data', { maxBytes: 1024 }));
    expect(folder.error.code).toBe('not-readable');
    expect(folder.message).toMatch(/is a folder, not a regular file/);
    const big = await failureOf(readSiteFile(site, '_config.yml', { maxBytes: 4 }));
    expect(big.error.code).toBe('too-large');
  });

  it.skipIf(process.platform === 'win32')('answers at once for a FIFO named like a config: it is not a regular file', async () => {
    await fs.rm(path.join(site, '_config.yml'));
    makeFifo(path.join(site, '_config.yml'));
    const failure = await within(failureOf(readSiteFile(site, '_config.yml', { maxBytes: 1024 })));
    expect(failure.error.code).toBe('not-readable');
    expect(failure.message).toMatch(/named pipe \(FIFO\)/);
  });

  it.skipIf(process.platform !== 'linux')('refuses a device reached through a link inside the site', async () => {
    // /dev/zero is outside the site; a link to it is refused as leading out before its type matters.
    await fs.symlink('/dev/zero', path.join(site, 'zero.yml'));
    expect((await within(failureOf(readSiteFile(site, 'zero.yml', { maxBytes: 1024 })))).error.code).toBe('outside-site');
  });

  it('refuses invalid UTF-8 when asked to be strict, and reads it leniently otherwise', async () => {
    await fs.writeFile(path.join(site, 'latin1.yml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    expect((await failureOf(readSiteText(site, 'latin1.yml', { maxBytes: 1024, strict: true }))).error.code).toBe('not-text');
    expect(await readSiteText(site, 'latin1.yml', { maxBytes: 1024 })).toBe('a: \ufffd\n');
  });
});

describe('readSiteFile under a swap race', () => {
  it.skipIf(process.platform === 'win32')('never returns the outside file while a config is swapped for a link out and back', async () => {
    const target = path.join(site, 'swapped.yml');
    await fs.writeFile(path.join(site, 'regular.tmp'), 'inside: yes\n');
    await fs.writeFile(target, 'inside: yes\n');
    let swapping = true;
    const swapper = (async () => {
      for (let i = 0; swapping; i++) {
        const staged = path.join(site, `stage-${i % 2}.tmp`);
        await fs.rm(staged, { force: true });
        if (i % 2 === 0) await fs.symlink(path.join(outside, 'secret.yml'), staged);
        else await fs.copyFile(path.join(site, 'regular.tmp'), staged);
        await fs.rename(staged, target);
      }
    })();
    const seen = new Set<string>();
    try {
      for (let i = 0; i < 1500; i++) {
        try {
          seen.add((await readSiteFile(site, 'swapped.yml', { maxBytes: 1024 })).toString());
        } catch (error) {
          seen.add((error as { error?: { code?: string } }).error?.code ?? String(error));
        }
      }
    } finally {
      swapping = false;
      await swapper;
    }
    expect([...seen].join('\n')).not.toContain('hunter2');
    expect(seen.has('inside: yes\n')).toBe(true);
  });
});

describe('resolveSiteFolder', () => {
  it('gives the real folder inside the site, null for a missing one or a file', async () => {
    expect(await resolveSiteFolder(site, '_data')).toBe(path.join(site, '_data'));
    expect(await resolveSiteFolder(site, '_layouts')).toBeNull();
    expect(await resolveSiteFolder(site, '_config.yml')).toBeNull();
  });

  it('refuses a folder link that leads out of the site', async () => {
    await fs.symlink(outside, path.join(site, '_layouts'), 'dir');
    expect((await failureOf(resolveSiteFolder(site, '_layouts'))).error.code).toBe('outside-site');
  });
});
