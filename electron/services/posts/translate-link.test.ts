// "Translate" on a German release that is a symlink to the English one: the link becomes a file of its own holding the
// English text (to translate), the English file stays as it was; a plain file, or a link leading out, is refused.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BILINGUAL_POSTS } from '../../../e2e/fixtures/bilingual-site';
import { failureOf } from '../../../shared/contract/errors-testing';
import { readDocument } from '../documents';
import { copyBilingualSite } from './posts-testing';
import { translateLink } from './translate-link';

let site: string;
let remove: () => Promise<void>;
const read = (rel: string) => fs.readFile(path.join(site, rel), 'utf8');

beforeEach(async () => {
  ({ site, remove } = await copyBilingualSite());
});
afterEach(async () => {
  await remove();
});

describe('translateLink', () => {
  it('replaces the link with a real copy of the English text, leaving the English file alone', async () => {
    const english = await read(BILINGUAL_POSTS.partnerEn);
    const englishStat = await fs.stat(path.join(site, BILINGUAL_POSTS.partnerEn));
    const result = await translateLink(site, BILINGUAL_POSTS.partnerDeLink);
    const de = path.join(site, BILINGUAL_POSTS.partnerDeLink);
    expect((await fs.lstat(de)).isFile()).toBe(true);
    expect(await read(BILINGUAL_POSTS.partnerDeLink)).toBe(english);
    expect(result).toEqual({ path: BILINGUAL_POSTS.partnerDeLink, version: (await readDocument(site, BILINGUAL_POSTS.partnerDeLink)).version });
    // The copy is its own file now: writing it leaves English untouched.
    await fs.writeFile(de, '---\ntitle: Partnerprogramm\n---\n');
    expect(await read(BILINGUAL_POSTS.partnerEn)).toBe(english);
    expect((await fs.stat(path.join(site, BILINGUAL_POSTS.partnerEn))).ino).toBe(englishStat.ino);
    expect((await fs.readdir(path.dirname(de))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a plain file and changes nothing', async () => {
    const before = await read(BILINGUAL_POSTS.launchDe);
    const failure = await failureOf(translateLink(site, BILINGUAL_POSTS.launchDe));
    expect(failure.error).toMatchObject({ code: 'refused', path: BILINGUAL_POSTS.launchDe });
    expect(await read(BILINGUAL_POSTS.launchDe)).toBe(before);
  });

  it('refuses a post reached through a linked folder: the English file behind it stays as it is', async () => {
    await fs.symlink('../../en/_posts/blog', path.join(site, '_i18n/de/_posts/linked-blog'));
    const failure = await failureOf(translateLink(site, '_i18n/de/_posts/linked-blog/2024-02-01-why-open-clouds.md'));
    expect(failure.error.code).toBe('refused');
    expect(failure.message).toMatch(/folder .* link/);
    expect((await fs.lstat(path.join(site, BILINGUAL_POSTS.blogEn))).isFile()).toBe(true);
  });

  it('refuses a link that leads out of the site or nowhere, and keeps the link', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-outside-'));
    try {
      await fs.writeFile(path.join(outside, 'secret.md'), 'secret\n');
      const rel = '_i18n/de/_posts/announcements/2024-09-10-security-update.md';
      await fs.symlink(path.join(outside, 'secret.md'), path.join(site, rel));
      expect((await failureOf(translateLink(site, rel))).error.code).toBe('outside-site');
      expect((await fs.lstat(path.join(site, rel))).isSymbolicLink()).toBe(true);
      const dangling = '_i18n/de/_posts/announcements/2024-10-01-gone.md';
      await fs.symlink('../../../en/_posts/announcements/2024-10-01-gone.md', path.join(site, dangling));
      expect((await failureOf(translateLink(site, dangling))).error.code).toBe('not-found');
      expect((await failureOf(translateLink(site, '_i18n/de/_posts/announcements/2024-12-01-none.md'))).error.code).toBe('not-found');
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });
});
