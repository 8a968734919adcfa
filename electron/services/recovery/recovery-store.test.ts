import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { createRecoveryStore, entryFileName, MAX_ENTRIES, MAX_ENTRY_BYTES } from './recovery-store';

let tmp: string;
let appData: string;
let dir: string;
let site: string;
const previousAppData = process.env.PRESSROOM_APP_DATA;

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-recovery-')));
  appData = path.join(tmp, 'app-data');
  // The atomic write keeps what proves a temporary file is its own in the app-data folder: keep it in tmp.
  process.env.PRESSROOM_APP_DATA = appData;
  dir = path.join(appData, 'recovery');
  site = path.join(tmp, 'site');
  await fs.mkdir(path.join(site, '_posts'), { recursive: true });
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

afterAll(() => {
  if (previousAppData === undefined) delete process.env.PRESSROOM_APP_DATA;
  else process.env.PRESSROOM_APP_DATA = previousAppData;
});

/** Every file anywhere under a folder, relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(folder, path.join(e.parentPath, e.name)));
}

const TRICKY = '---\r\ntitle: "Grüße 👋🏽"\r\n---\r\n\uFEFFmid-text BOM, a lone \r and \t tabs\u2028line sep  \n\n';

describe('recovery store', () => {
  it('gives a new instance over the same app data the text byte for byte, as typed', async () => {
    await createRecoveryStore(dir).put({ site, path: '_posts/a.md', text: TRICKY, baseVersion: 'v1' });
    // A restart: nothing in memory survives, only the folder.
    const entries = await createRecoveryStore(dir).list(site);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ site, path: '_posts/a.md', text: TRICKY, baseVersion: 'v1' });
    expect(Buffer.from(entries[0].text, 'utf8').equals(Buffer.from(TRICKY, 'utf8'))).toBe(true);
    expect(Number.isNaN(Date.parse(entries[0].savedAt))).toBe(false);
  });

  it('keeps one entry per document: a later put replaces the earlier, other documents and sites keep theirs', async () => {
    const store = createRecoveryStore(dir);
    const other = path.join(tmp, 'other-site');
    await store.put({ site, path: '_posts/a.md', text: 'one', baseVersion: 'v1' });
    await store.put({ site, path: '_posts/./a.md', text: 'two', baseVersion: 'v1' });
    await store.put({ site, path: '_posts/b.md', text: 'b', baseVersion: 'v2' });
    await store.put({ site: other, path: '_posts/a.md', text: 'elsewhere', baseVersion: 'v3' });
    const mine = await store.list(site);
    expect(mine.map((e) => [e.path, e.text]).sort()).toEqual([
      ['_posts/a.md', 'two'],
      ['_posts/b.md', 'b'],
    ]);
    expect((await store.list(other)).map((e) => e.text)).toEqual(['elsewhere']);
    expect(await store.list()).toHaveLength(3);
    expect((await store.get(site, '_posts/a.md'))?.text).toBe('two');
  });

  it('writes only hashed files in the app-data folder, private to the user, and nothing inside the site', async () => {
    const store = createRecoveryStore(dir);
    await store.put({ site, path: '_posts/secret plan.md', text: 'draft', baseVersion: 'v1' });
    expect(await filesUnder(site)).toEqual([]);
    const names = await fs.readdir(dir);
    expect(names).toEqual([entryFileName(site, '_posts/secret plan.md')]);
    expect(names[0]).not.toContain('secret');
    if (process.platform !== 'win32') expect((await fs.stat(path.join(dir, names[0]))).mode & 0o777).toBe(0o600);
  });

  it('forgets an entry once removed, and says whether there was one', async () => {
    const store = createRecoveryStore(dir);
    await store.put({ site, path: '_posts/a.md', text: 'x', baseVersion: 'v1' });
    expect(await store.remove(site, '_posts/a.md')).toBe(true);
    expect(await store.remove(site, '_posts/a.md')).toBe(false);
    expect(await createRecoveryStore(dir).list(site)).toEqual([]);
  });

  it('applies calls for one document in the order they were made: a removal never overtakes an earlier put', async () => {
    const store = createRecoveryStore(dir);
    const put = store.put({ site, path: '_posts/a.md', text: 'x'.repeat(2_000_000), baseVersion: 'v1' });
    const removed = store.remove(site, '_posts/a.md');
    await put;
    expect(await removed).toBe(true);
    expect(await store.list(site)).toEqual([]);
  });

  it('refuses a text above the size bound and paths that climb out, keeping nothing', async () => {
    const store = createRecoveryStore(dir);
    const big = 'é'.repeat(MAX_ENTRY_BYTES / 2 + 1);
    await expect(store.put({ site, path: '_posts/a.md', text: big, baseVersion: 'v1' })).rejects.toMatchObject({ error: { code: 'too-large' } });
    await expect(store.put({ site, path: '../escape.md', text: 'x', baseVersion: 'v1' })).rejects.toBeInstanceOf(AppFailure);
    await expect(store.put({ site, path: '.', text: 'x', baseVersion: 'v1' })).rejects.toBeInstanceOf(AppFailure);
    expect(await store.list()).toEqual([]);
  });

  it('refuses a new document beyond the entry bound but still updates the ones it keeps', async () => {
    const store = createRecoveryStore(dir);
    await fs.mkdir(dir, { recursive: true });
    // Fill the folder directly (faster than MAX_ENTRIES atomic writes); list() reads them as real entries.
    await Promise.all(
      Array.from({ length: MAX_ENTRIES }, (_, i) => {
        const entry = { site, path: `_posts/${i}.md`, text: `t${i}`, baseVersion: 'v', savedAt: new Date(2024, 0, 1, 0, 0, i).toISOString() };
        return fs.writeFile(path.join(dir, entryFileName(site, entry.path)), JSON.stringify(entry));
      }),
    );
    expect(await store.list(site)).toHaveLength(MAX_ENTRIES);
    await expect(store.put({ site, path: '_posts/new.md', text: 'x', baseVersion: 'v1' })).rejects.toMatchObject({ error: { code: 'too-large' } });
    await store.put({ site, path: '_posts/7.md', text: 'updated', baseVersion: 'v1' });
    expect((await store.get(site, '_posts/7.md'))?.text).toBe('updated');
  });

  it('skips files that are not whole entries of its own (broken JSON, a name that does not match, strangers)', async () => {
    const store = createRecoveryStore(dir);
    await store.put({ site, path: '_posts/good.md', text: 'good', baseVersion: 'v1' });
    const bogus = { site, path: '_posts/other.md', text: 'planted', baseVersion: 'v', savedAt: '2024-01-01T00:00:00.000Z' };
    await fs.writeFile(path.join(dir, entryFileName(site, '_posts/x.md')), JSON.stringify(bogus));
    await fs.writeFile(path.join(dir, entryFileName(site, '_posts/half.md')), '{"site":"' + site + '","path":"_posts/ha');
    await fs.writeFile(path.join(dir, 'notes.json'), JSON.stringify({ ...bogus, path: '_posts/notes.md' }));
    expect((await store.list(site)).map((e) => e.text)).toEqual(['good']);
  });

  it('never keeps text inside the site, even when the app-data folder lies in it', async () => {
    const inside = createRecoveryStore(path.join(site, '.pressroom-data', 'recovery'));
    await expect(inside.put({ site, path: '_posts/a.md', text: 'x', baseVersion: 'v1' })).rejects.toMatchObject({ error: { code: 'refused' } });
    expect(await filesUnder(site)).toEqual([]);
  });

  it('lists the newest entry first', async () => {
    const store = createRecoveryStore(dir);
    await store.put({ site, path: '_posts/old.md', text: 'old', baseVersion: 'v1' });
    await new Promise((r) => setTimeout(r, 5));
    await store.put({ site, path: '_posts/new.md', text: 'new', baseVersion: 'v1' });
    expect((await store.list(site)).map((e) => e.path)).toEqual(['_posts/new.md', '_posts/old.md']);
  });
});
