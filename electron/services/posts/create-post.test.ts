import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../shared/front-matter/model';
import { siteConfigFromData } from '../../../shared/site/site-config-model';
import { createPost } from './create-post';
import { failureOf } from '../../../shared/contract/errors-testing';

const templatesDir = path.resolve(__dirname, '../../../resources/templates');
let site: string;

async function write(rel: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), text);
}

const read = (rel: string) => fs.readFile(path.join(site, rel), 'utf8');

beforeEach(async () => {
  site = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-create-'));
});
afterEach(async () => {
  await fs.rm(site, { recursive: true, force: true });
});

const i18n = siteConfigFromData({ languages: ['en', 'de'], default_lang: 'en' });
const plain = siteConfigFromData({ title: 'Plain' });

describe('createPost', () => {
  it('creates one file per language in the _i18n year folders the site uses, from the default press release', async () => {
    await write('_i18n/en/_posts/2024/2024-01-18-old.md', '---\ntitle: Old\n---\n');
    const title = 'Kestrel 2.0: "Faster" & größer';
    const { paths } = await createPost(site, i18n, { title, date: '2024-05-01', languages: ['en', 'de'], category: 'release' }, { templatesDir });
    expect(paths).toEqual(['_i18n/en/_posts/2024/2024-05-01-kestrel-2-0-faster-and-groesser.md', '_i18n/de/_posts/2024/2024-05-01-kestrel-2-0-faster-and-groesser.md']);
    const en = await read(paths[0]);
    const de = await read(paths[1]);
    expect(readFrontMatter(en)).toMatchObject({ problems: [], data: { layout: 'post', title, category: 'release' } });
    expect(readFrontMatter(de).data.title).toBe(title);
    expect(en).toMatch(/<cite>/);
    expect(en).toMatch(/## About /);
    expect(en).toMatch(/## Press contact/);
    expect(de).toMatch(/## Über /);
    expect(de).toMatch(/## Pressekontakt/);
    expect(en).toContain('2024-05-01');
    expect(en).not.toMatch(/\{\{\s*(title|date|category|lang)\s*\}\}/);
  });

  it('uses a plain _posts folder on a site without languages, and the slug given', async () => {
    await write('_posts/2023-01-01-old.md', '---\ntitle: Old\n---\n');
    const { paths } = await createPost(site, plain, { title: 'Hello', date: '2024-05-01', languages: [], category: '', slug: 'my-slug' }, { templatesDir });
    expect(paths).toEqual(['_posts/2024-05-01-my-slug.md']);
    // An empty category leaves no empty field behind.
    expect(readFrontMatter(await read(paths[0])).data).toEqual({ layout: 'post', title: 'Hello' });
  });

  it("prefers the site's own templates: post.<lang>.md, then post.md", async () => {
    await write('.pressroom/templates/post.de.md', '---\nlayout: pm\ntitle: "{{title}}"\nlang: {{lang}}\n---\nDE {{title}}\n');
    await write('.pressroom/templates/post.md', '---\nlayout: news\ntitle: "{{title}}"\ncategories: [{{category}}]\n---\nAny {{lang}}\n');
    const { paths } = await createPost(site, i18n, { title: 'Neu', date: '2024-05-01', languages: ['en', 'de'], category: 'press' }, { templatesDir, existingPosts: [] });
    expect(await read(paths[0])).toBe('---\nlayout: news\ntitle: "Neu"\ncategories: ["press"]\n---\nAny en\n');
    expect(await read(paths[1])).toBe('---\nlayout: pm\ntitle: "Neu"\nlang: de\n---\nDE Neu\n');
  });

  it('never overwrites: an existing file is refused and left as it was', async () => {
    await write('_posts/2024-05-01-hello.md', 'mine\n');
    const failure = await failureOf(createPost(site, plain, { title: 'Hello', date: '2024-05-01', languages: [], category: 'x' }, { templatesDir }));
    expect(failure.error.code).toBe('exists');
    expect(await read('_posts/2024-05-01-hello.md')).toBe('mine\n');
  });

  it('when one language fails, says which files were created', async () => {
    await write('_i18n/de/_posts/2024-05-01-hello.md', 'schon da\n');
    const failure = await failureOf(createPost(site, i18n, { title: 'Hello', date: '2024-05-01', languages: ['en', 'de'], category: 'x' }, { templatesDir, existingPosts: ['_i18n/de/_posts/2024-05-01-hello.md'] }));
    expect(failure.error.code).toBe('exists');
    expect(failure.message).toMatch(/Created _i18n\/en\/_posts\/2024-05-01-hello\.md; de failed/);
    expect(await read('_i18n/en/_posts/2024-05-01-hello.md')).toMatch(/title: "Hello"/);
    expect(await read('_i18n/de/_posts/2024-05-01-hello.md')).toBe('schon da\n');
  });

  it('refuses a broken site template, a title without letters and a language the site does not have', async () => {
    await write('.pressroom/templates/post.md', '---\ntitle: [{{title}}\n---\n');
    const broken = await failureOf(createPost(site, plain, { title: 'Hello', date: '2024-05-01', languages: [], category: '' }, { templatesDir }));
    expect(broken.error).toMatchObject({ code: 'bad-config', path: '.pressroom/templates/post.md' });
    await expect(fs.readdir(path.join(site, '_posts'))).rejects.toThrow();
    expect((await failureOf(createPost(site, plain, { title: '!!!', date: '2024-05-01', languages: [], category: '' }, { templatesDir }))).error.code).toBe('invalid-arguments');
    expect((await failureOf(createPost(site, i18n, { title: 'x', date: '2024-05-01', languages: ['fr'], category: '' }, { templatesDir }))).message).toMatch(/no language fr/);
  });
});
