// A new press release on a copy of the bilingual fixture: each language its title, in the folder and under the file
// name given, filled with the site's values, never a placeholder; all or nothing, never overwriting.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BILINGUAL_SITE } from '../../../e2e/fixtures/bilingual-site';
import { readFrontMatter } from '../../../shared/front-matter/model';
import { failureOf } from '../../../shared/contract/errors-testing';
import { siteConfigFromData } from '../../../shared/site/site-config-model';
import { loadSiteConfig, openSite } from '../site';
import { createPost, type NewPostFile } from './create-post';

const templatesDir = path.resolve(__dirname, '../../../resources/templates');
let tmp: string;
let site: string;

async function write(rel: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), text);
}
const read = (rel: string) => fs.readFile(path.join(site, rel), 'utf8');
const exists = (rel: string) => fs.lstat(path.join(site, rel)).then(() => true, () => false);

/** Creates on the site as the backend does: its config and its listed posts. */
async function create(date: string, category: string, posts: NewPostFile[]) {
  const { posts: listed } = await openSite(site);
  return createPost(site, await loadSiteConfig(site), { date, category, posts }, { templatesDir, existingPosts: listed });
}

const EN = '_i18n/en/_posts/announcements';
const DE = '_i18n/de/_posts/announcements';
const PLACEHOLDERS = /\*\*(City|Ort),|(About|Über) Organisation|First Last|Vorname Nachname|_config\.yml|\{\{|\{%/;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-create-'));
  site = path.join(tmp, 'site');
  await fs.cp(BILINGUAL_SITE, site, { recursive: true, verbatimSymlinks: true });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('createPost', () => {
  it('creates the release in both languages, each with its title, filled from .pressroom.yml without a placeholder', async () => {
    const name = '2024-11-05-kestrel-cloud-3-0-is-out.md';
    const { paths } = await create('2024-11-05', 'release', [
      { language: 'en', title: 'Kestrel Cloud 3.0 is out', folder: EN, fileName: name },
      { language: 'de', title: 'Kestrel Cloud 3.0 ist da: "schneller" & größer', folder: DE, fileName: name },
    ]);
    expect(paths).toEqual([`${EN}/${name}`, `${DE}/${name}`]);
    const en = await read(paths[0]);
    const de = await read(paths[1]);
    expect(readFrontMatter(en)).toMatchObject({ problems: [], data: { layout: 'post', title: 'Kestrel Cloud 3.0 is out', category: 'release', author: ['Kestrel Press Team'] } });
    expect(readFrontMatter(de).data).toMatchObject({ title: 'Kestrel Cloud 3.0 ist da: "schneller" & größer', author: ['Kestrel Press Team'] });
    expect(en).toContain('**Berlin, 5 November 2024** – The lead paragraph');
    expect(en).toContain('## About Kestrel Cloud e.V.\n\nKestrel Cloud e.V. builds an open-source cloud platform in the open, with a community');
    expect(en).toContain('## Press contact\n\nKestrel Press Team<br>\npress@kestrel-cloud.example<br>\n+49 30 5550 1234\n');
    expect(de).toContain('**Berlin, 5. November 2024** – Der Vorspann');
    expect(de).toContain('## Über Kestrel Cloud e.V.\n\nKestrel Cloud e.V. entwickelt eine quelloffene Cloud-Plattform');
    expect(de).toContain('Pressestelle Kestrel<br>\npresse@kestrel-cloud.example');
    expect(en).not.toMatch(PLACEHOLDERS);
    expect(de).not.toMatch(PLACEHOLDERS);
  });

  it('without .pressroom.yml leaves unknown parts out and takes the author most of the category’s posts name', async () => {
    await fs.rm(path.join(site, '.pressroom.yml'));
    const { paths } = await create('2024-11-05', 'blog', [{ language: 'en', title: 'Notes', folder: '_i18n/en/_posts/blog', fileName: '2024-11-05-notes.md' }]);
    const en = await read(paths[0]);
    expect(readFrontMatter(en).data.author).toEqual(['Ada Example']);
    expect(en).toContain('**5 November 2024** – The lead paragraph');
    expect(en).toContain('speaks for your organisation:');
    expect(en).not.toMatch(/## About|## Press contact/);
    expect(en).not.toMatch(PLACEHOLDERS);
    expect(en).not.toMatch(/\n\n\n/);
  });

  it('never overwrites: an existing file refuses the whole post before anything is written', async () => {
    const name = '2024-03-12-kestrel-cloud-2-0.md';
    const before = await read(`${DE}/${name}`);
    const failure = await failureOf(
      create('2024-03-12', 'release', [
        { language: 'en', title: 'Other', folder: '_i18n/en/_posts/news', fileName: name },
        { language: 'de', title: 'Andere', folder: DE, fileName: name },
      ]),
    );
    expect(failure.error).toMatchObject({ code: 'exists', path: `${DE}/${name}` });
    expect(failure.message).toMatch(/nothing was created/);
    expect(await exists('_i18n/en/_posts/news')).toBe(false);
    expect(await read(`${DE}/${name}`)).toBe(before);
  });

  it('is all or nothing: when the second file cannot be written, the first and its new folder are removed again', async () => {
    // The German folder is a file, so the German post cannot be written after the English one was.
    await write('_i18n/de/_posts/press', 'not a folder\n');
    const failure = await failureOf(
      create('2024-11-05', 'release', [
        { language: 'en', title: 'Hello', folder: '_i18n/en/_posts/press/2024', fileName: '2024-11-05-hello.md' },
        { language: 'de', title: 'Hallo', folder: '_i18n/de/_posts/press', fileName: '2024-11-05-hello.md' },
      ]),
    );
    expect(failure.message).toMatch(/_i18n\/en\/_posts\/press\/2024\/2024-11-05-hello\.md was removed again, so nothing was created/);
    expect(await exists('_i18n/en/_posts/press')).toBe(false);
    expect(await read('_i18n/de/_posts/press')).toBe('not a folder\n');
  });

  it('keeps files in the posts folder of their own language, with a dated post name', async () => {
    const bad = async (file: Partial<NewPostFile>, date = '2024-11-05') =>
      (await failureOf(create(date, '', [{ language: 'en', title: 'Hello', folder: EN, fileName: '2024-11-05-hello.md', ...file }]))).message;
    expect(await bad({ folder: '_i18n/de/_posts' })).toMatch(/not a posts folder/);
    expect(await bad({ folder: '_i18n/en/_posts/../../../etc' })).toMatch(/not a posts folder/);
    expect(await bad({ folder: '_layouts' })).toMatch(/not a posts folder/);
    expect(await bad({ folder: '_i18n/en/_posts/.git' })).toMatch(/not a posts folder/);
    expect(await bad({ fileName: 'hello.md' })).toMatch(/not a post file name/);
    expect(await bad({ fileName: '2024-11-05-a/b.md' })).toMatch(/not a post file name/);
    expect(await bad({ fileName: '2024-02-30-hello.md' }, '2024-02-30')).toMatch(/not a post file name/);
    expect(await bad({ fileName: '2024-11-06-hello.md' })).toMatch(/does not start with the post's date 2024-11-05/);
    expect(await bad({ language: 'fr', folder: '_i18n/fr/_posts' })).toMatch(/no language fr/);
    expect(await bad({ title: '  ' })).toMatch(/needs a title/);
    expect(await exists(`${EN}/2024-11-05-hello.md`)).toBe(false);
  });

  it("prefers the site's own templates, which may use the press-release values too", async () => {
    await write('.pressroom/templates/post.de.md', '---\nlayout: pm\ntitle: "{{title}}"\nlang: {{lang}}\n---\nDE {{title}} – {{city}}{{#contact}} ({{contact}}){{/contact}}\n');
    await write('.pressroom/templates/post.md', '---\nlayout: news\ntitle: "{{title}}"\nauthor: Someone\ncategories: [{{category}}]\n---\nAny {{lang}}\n');
    const { paths } = await create('2024-05-01', 'press', [
      { language: 'en', title: 'New', folder: '_i18n/en/_posts', fileName: '2024-05-01-new.md' },
      { language: 'de', title: 'Neu', folder: '_i18n/de/_posts', fileName: '2024-05-01-new.md' },
    ]);
    expect(await read(paths[0])).toBe('---\nlayout: news\ntitle: "New"\nauthor: Someone\ncategories: ["press"]\n---\nAny en\n');
    const de = await read(paths[1]);
    expect(de).toMatch(/^---\nlayout: pm\ntitle: "Neu"\nlang: de\nauthor:\n {2}- Kestrel Press Team\n---\nDE Neu – Berlin \(Pressestelle Kestrel<br>\n/);
  });

  it('refuses a broken site template without writing anything', async () => {
    await write('.pressroom/templates/post.md', '---\ntitle: [{{title}}\n---\n');
    const broken = await failureOf(create('2024-05-01', '', [{ language: 'en', title: 'Hello', folder: EN, fileName: '2024-05-01-hello.md' }]));
    expect(broken.error).toMatchObject({ code: 'bad-config', path: '.pressroom/templates/post.md' });
    await write('.pressroom/templates/post.md', '---\ntitle: "{{title}}"\n---\n{{#city}}open\n');
    expect((await failureOf(create('2024-05-01', '', [{ language: 'en', title: 'Hello', folder: EN, fileName: '2024-05-01-hello.md' }]))).message).toMatch(/never closes/);
    expect(await exists(`${EN}/2024-05-01-hello.md`)).toBe(false);
  });

  it('uses a plain _posts folder on a site without languages', async () => {
    const plain = path.join(tmp, 'plain');
    await fs.mkdir(path.join(plain, '_posts'), { recursive: true });
    const { paths } = await createPost(plain, siteConfigFromData({ title: 'Plain' }), { date: '2024-05-01', category: '', posts: [{ title: 'Hello', folder: '_posts', fileName: '2024-05-01-hello.md' }] }, { templatesDir });
    expect(paths).toEqual(['_posts/2024-05-01-hello.md']);
    const text = await fs.readFile(path.join(plain, paths[0]), 'utf8');
    // An empty category leaves no empty field behind, and no author is made up.
    expect(readFrontMatter(text).data).toEqual({ layout: 'post', title: 'Hello' });
    expect(text).not.toMatch(PLACEHOLDERS);
    expect(text).toContain('**1 May 2024** – The lead paragraph');
  });
});
