import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostEntry } from '../../../shared/contract/models';
import { generateSite } from '../../../bench/generate-site';
import { loadSiteConfig } from './site-config';
import { MAX_FRONT_MATTER_CHARS } from '../../../shared/front-matter/split';
import { HEAD_BYTES, readPostEntry, scanPosts } from './scan-posts';

let tmp: string;
let site: string;
let posts: PostEntry[];
const progress: Array<[number, number | null]> = [];

async function write(rel: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), text);
}

async function link(rel: string, target: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.symlink(target, path.join(site, rel));
}

function post(rel: string): PostEntry {
  const found = posts.find((p) => p.path === rel);
  if (!found) throw new Error(`no post ${rel} in ${posts.map((p) => p.path).join(', ')}`);
  return found;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-scan-'));
  site = path.join(tmp, 'site');
  await write('_config.yml', 'title: ACME\nlanguages: [en, de]\n');
  await write('outside.md', '---\ntitle: Outside the site\n---\n');
  await fs.rename(path.join(site, 'outside.md'), path.join(tmp, 'outside.md'));
  await write('_posts/2022-09-21-root-post.md', '---\ntitle: Root post\ndate: 2022-09-21 00:30:00 +0200\ncategory: press\nlayout: post\n---\nBody\n');
  await write('_posts/notes.txt', 'not a post');
  await write('_posts/undated.md', '---\ntitle: Jekyll ignores me\n---\n');
  await write('_posts/.2022-01-01-hidden.md', '---\ntitle: hidden\n---\n');
  await link('_posts/loop', '.');
  await write('_drafts/idea.md', '---\ntitle: An idea\n---\n');
  await write('_i18n/en/_posts/2022/2022-01-02-launch.md', '---\ntitle: Launch\ncategories: [press, news]\n---\nHello\n');
  await link('_i18n/de/_posts/2022/2022-01-02-launch.md', '../../../en/_posts/2022/2022-01-02-launch.md');
  await write('_i18n/de/_posts/2022/2022-01-03-start.md', '---\ntitle: Start\ncategories: produkt neu\n---\nHallo\n');
  await link('_i18n/de/_posts/2021-05-05-dangling.md', '../../en/_posts/missing.md');
  await link('_i18n/de/_posts/2021-05-06-outside.md', path.join(tmp, 'outside.md'));
  await write('_i18n/en/_posts/2020-01-01-broken.md', '---\ntitle: Broken\ntags: [a, b\n---\n');
  await write('_i18n/en/_posts/2020-02-02-unpublished.md', '---\ntitle: Not yet\npublished: no\n---\n');
  await write('_i18n/en/_posts/2019-01-01-code.md', "---js\n{ title: (globalThis.__scanPwned = 'yes') }\n---\n");
  await write('_i18n/en/_drafts/entwurf.md', 'No front matter at all\n');
  await write('_i18n/fr/_posts/2022-01-01-bonjour.md', '---\ntitle: Bonjour\n---\n');
  await write('_i18n/en/_posts/2018/2018-03-03-old.md', '---\ntitle: Old\n---\n');
  await link('_i18n/de/_posts/2018', '../../en/_posts/2018');
  await write('_i18n/en/_posts/2017-01-01-big.md', `---\ntitle: Big\n---\n${'x'.repeat(300_000)}\n`);
  await write('_i18n/en/_posts/2016-01-01-huge-front-matter.md', `---\ntitle: Huge\nnotes: ${'y'.repeat(MAX_FRONT_MATTER_CHARS)}\n---\n`);
  await write('_posts/2015-01-01-binary.md', '');
  await fs.writeFile(path.join(site, '_posts/2015-01-01-binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
  await fs.writeFile(path.join(site, '_posts/2015-01-02-latin1.md'), Buffer.from('---\ntitle: Caf\u00e9 in K\u00f6ln\n---\n', 'latin1'));
  await write('_posts/2015-01-03-umlauts.md', `---\ntitle: Umlaute\nlang: de\n---\n${'\u00e4'.repeat(HEAD_BYTES)}\n`);
  posts = await scanPosts(site, await loadSiteConfig(site), (done, total) => progress.push([done, total]));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('scanPosts', () => {
  it('lists posts and drafts of every configured language, newest first', () => {
    expect(posts.map((p) => p.path)).toEqual([
      '_posts/2022-09-21-root-post.md',
      '_i18n/de/_posts/2022/2022-01-03-start.md',
      '_i18n/de/_posts/2022/2022-01-02-launch.md',
      '_i18n/en/_posts/2022/2022-01-02-launch.md',
      '_i18n/de/_posts/2021-05-06-outside.md',
      '_i18n/de/_posts/2021-05-05-dangling.md',
      '_i18n/en/_posts/2020-02-02-unpublished.md',
      '_i18n/en/_posts/2020-01-01-broken.md',
      '_i18n/en/_posts/2019-01-01-code.md',
      '_i18n/de/_posts/2018/2018-03-03-old.md',
      '_i18n/en/_posts/2018/2018-03-03-old.md',
      '_i18n/en/_posts/2017-01-01-big.md',
      '_i18n/en/_posts/2016-01-01-huge-front-matter.md',
      '_posts/2015-01-03-umlauts.md',
      '_posts/2015-01-02-latin1.md',
      '_posts/2015-01-01-binary.md',
      '_drafts/idea.md',
      '_i18n/en/_drafts/entwurf.md',
    ]);
  });

  it('takes title, date, category and layout from the front matter', () => {
    expect(post('_posts/2022-09-21-root-post.md')).toEqual({
      path: '_posts/2022-09-21-root-post.md',
      title: 'Root post',
      date: '2022-09-21',
      dateSource: 'front-matter',
      slug: 'root-post',
      language: null,
      category: 'press',
      categories: ['press'],
      layout: 'post',
      draft: false,
      symlinkTarget: null,
      symlinkLanguage: null,
      error: null,
      size: expect.any(Number),
    });
    expect(post('_i18n/en/_posts/2022/2022-01-02-launch.md')).toMatchObject({ language: 'en', category: 'press', categories: ['press', 'news'], date: '2022-01-02', dateSource: 'file-name' });
    expect(post('_i18n/de/_posts/2022/2022-01-03-start.md')).toMatchObject({ language: 'de', category: 'produkt', categories: ['produkt', 'neu'] });
  });

  it('marks a German post that is a symlink to the English one', () => {
    expect(post('_i18n/de/_posts/2022/2022-01-02-launch.md')).toMatchObject({
      title: 'Launch',
      language: 'de',
      symlinkTarget: '_i18n/en/_posts/2022/2022-01-02-launch.md',
      symlinkLanguage: 'en',
      error: null,
    });
    expect(post('_i18n/de/_posts/2018/2018-03-03-old.md')).toMatchObject({ title: 'Old', symlinkTarget: '_i18n/en/_posts/2018/2018-03-03-old.md', symlinkLanguage: 'en' });
  });

  it('gives dangling links and links out of the site an error without reading them', () => {
    expect(post('_i18n/de/_posts/2021-05-05-dangling.md')).toMatchObject({ error: expect.stringMatching(/leads nowhere/), symlinkTarget: null, title: 'dangling' });
    expect(post('_i18n/de/_posts/2021-05-06-outside.md')).toMatchObject({ error: expect.stringMatching(/outside the site/), title: 'outside' });
  });

  it('keeps a post that fails to parse in the list with the reason and line', () => {
    expect(post('_i18n/en/_posts/2020-01-01-broken.md')).toMatchObject({ title: 'broken', date: '2020-01-01', error: expect.stringMatching(/line \d/) });
    expect(post('_i18n/en/_posts/2019-01-01-code.md').error).toMatch(/is code and is never run/);
    expect((globalThis as Record<string, unknown>).__scanPwned).toBeUndefined();
  });

  it('counts drafts and unpublished posts (YAML 1.1 "no") as drafts', () => {
    expect(post('_drafts/idea.md')).toMatchObject({ draft: true, title: 'An idea', date: null, dateSource: 'none', slug: 'idea' });
    expect(post('_i18n/en/_drafts/entwurf.md')).toMatchObject({ draft: true, language: 'en', title: 'entwurf', error: null });
    expect(post('_i18n/en/_posts/2020-02-02-unpublished.md').draft).toBe(true);
    expect(post('_i18n/en/_posts/2022/2022-01-02-launch.md').draft).toBe(false);
  });

  it('reads only the head of big files', () => {
    expect(post('_i18n/en/_posts/2017-01-01-big.md')).toMatchObject({ title: 'Big', error: null });
    expect(post('_i18n/en/_posts/2017-01-01-big.md').size).toBeGreaterThan(300_000);
    // Front matter is judged with the same limit as the form's (the scan reads on past the head to see it).
    expect(post('_i18n/en/_posts/2016-01-01-huge-front-matter.md').error).toMatch(/larger than 1 MB/);
  });

  it('marks binary and non-UTF-8 files, but not UTF-8 text cut off mid-character by the head', () => {
    expect(post('_posts/2015-01-01-binary.md').error).toMatch(/not text/);
    expect(post('_posts/2015-01-02-latin1.md').error).toMatch(/not UTF-8/);
    expect(post('_posts/2015-01-03-umlauts.md')).toMatchObject({ title: 'Umlaute', error: null });
  });

  it('takes the language from `lang:` in the front matter where the path names none', () => {
    expect(post('_posts/2015-01-03-umlauts.md').language).toBe('de');
  });

  it('reports progress up to the total', () => {
    expect(progress.at(-1)).toEqual([posts.length, posts.length]);
  });
});

describe('readPostEntry', () => {
  it('gives every listed post exactly the entry the scan gave it (links, errors, drafts, linked folders included)', async () => {
    const config = await loadSiteConfig(site);
    for (const listed of posts) expect(await readPostEntry(site, config, listed.path), listed.path).toEqual(listed);
  });

  it('follows a change on disk: the new title and date show at once', async () => {
    const config = await loadSiteConfig(site);
    await write('_drafts/changed.md', '---\ntitle: Before\n---\n');
    await write('_drafts/changed.md', '---\ntitle: After the save\ndate: 2023-04-05\n---\n');
    expect(await readPostEntry(site, config, '_drafts/changed.md')).toMatchObject({ title: 'After the save', date: '2023-04-05', draft: true });
    await fs.rm(path.join(site, '_drafts/changed.md'));
  });

  it('answers not-found for what the list would not show, and refuses a path out of the site', async () => {
    const config = await loadSiteConfig(site);
    for (const rel of ['_posts/notes.txt', '_posts/undated.md', '_posts/.2022-01-01-hidden.md', '_i18n/fr/_posts/2022-01-01-bonjour.md', '_config.yml', '_posts/2030-01-01-missing.md', '_posts/loop']) {
      await expect(readPostEntry(site, config, rel), rel).rejects.toMatchObject({ error: { code: 'not-found' } });
    }
    await expect(readPostEntry(site, config, '_posts/../../outside.md')).rejects.toMatchObject({ error: { code: 'outside-site' } });
  });
});

describe('scanPosts at scale', () => {
  // How fast is measured by `npm run bench` (bench/scan-posts.bench.ts, as a ratio to plain reads); the
  // timeout here only catches a hang or a runaway slowdown.
  it('lists all of 10,000 posts, symlinked translations included, without hanging', async () => {
    const big = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-scan-big-'));
    try {
      await generateSite(big, 10_000);
      const config = await loadSiteConfig(big);
      const list = await scanPosts(big, config);
      expect(list).toHaveLength(10_000);
      expect(list.filter((p) => p.error !== null)).toEqual([]);
      expect(list.filter((p) => p.symlinkLanguage === 'en').length).toBeGreaterThan(1000);
    } finally {
      await fs.rm(big, { recursive: true, force: true });
    }
  }, 60_000);
});
