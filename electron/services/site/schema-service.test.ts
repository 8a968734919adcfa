import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSite } from './open-site';
import { loadFrontMatterSchema, MAX_SCHEMA_FILE_BYTES } from './schema-service';
import { loadSiteConfig } from './site-config';

let site: string;

async function write(rel: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), text);
}

async function schemaOf() {
  const { summary, posts } = await openSite(site);
  return loadFrontMatterSchema(summary.root, await loadSiteConfig(summary.root), posts);
}

beforeEach(async () => {
  site = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-schema-'));
  await write('_config.yml', 'title: T\nlanguages: [en, de]\ndefaults:\n  - scope: {path: "_posts", type: posts}\n    values: {layout: post, author: ["Team"]}\n');
  await write('_layouts/post.html', '{{ content }}');
  await write('_layouts/page.html', '{{ content }}');
  await write('_i18n/en/_posts/2024/2024-01-01-a.md', '---\ntitle: A\ncategory: release\nauthor: ["Ada"]\navatar: ["ada.png"]\npublished: no\n---\n');
  await write('_i18n/en/_posts/2024/2024-02-01-b.md', '---\ntitle: B\ncategory: blog\nimage: blog/b.jpg\n---\n');
  await write('_i18n/de/_posts/2024/2024-02-01-b.md', '---\ntitle: B\ncategory: blog\nimage: blog/b.jpg\n---\n');
  await write('_i18n/en/_posts/2024/2024-03-01-broken.md', '---\ntitle: [broken\n---\n');
});
afterEach(async () => {
  await fs.rm(site, { recursive: true, force: true });
});

describe('loadFrontMatterSchema', () => {
  it('learns choices from a post whose front matter is longer than the head the list reads first, as the list and form do', async () => {
    await write('_i18n/en/_posts/2024/2024-04-01-long.md', `---\ntitle: Long\nsummary: "${'x'.repeat(70 * 1024)}"\ncategory: interview\n---\nBody\n`);
    const schema = await schemaOf();
    const category = schema.fields.find((f) => f.key === 'category');
    expect(category?.options).toContain('interview');
  });

  it('infers fields and choices from the posts, the layouts folder and the config defaults', async () => {
    const schema = await schemaOf();
    const byKey = Object.fromEntries(schema.fields.map((f) => [f.key, f]));
    expect(schema.problems).toEqual([]);
    expect(byKey.title).toMatchObject({ type: 'string', required: true, origin: 'inferred' });
    expect(byKey.layout).toMatchObject({ type: 'select', default: 'post', options: ['page', 'post'] });
    expect(byKey.category.options).toEqual(['blog', 'release']);
    expect(byKey.author).toMatchObject({ type: 'multi-select', default: ['Team'], options: ['Ada', 'Team'] });
    expect(byKey.avatar).toMatchObject({ type: 'image', multiple: true });
    expect(byKey.image.type).toBe('image');
    expect(byKey.published.type).toBe('boolean');
  });

  it('merges .pressroom.yml over what is inferred and reports its bad entries with path and line', async () => {
    await write('.pressroom.yml', 'front_matter:\n  fields:\n    - key: category\n      type: select\n      label: {en: Category, de: Rubrik}\n    - key: teaser\n      type: nonsense\n');
    const schema = await schemaOf();
    expect(schema.fields[0]).toMatchObject({ key: 'category', origin: 'config', label: { en: 'Category', de: 'Rubrik' }, options: ['blog', 'release'] });
    expect(schema.problems).toEqual([expect.objectContaining({ path: '.pressroom.yml', line: 6 })]);
    expect(schema.fields.some((f) => f.key === 'teaser')).toBe(false);
  });

  it('refuses a huge .pressroom.yml with a problem instead of reading it', async () => {
    await write('.pressroom.yml', `# ${'x'.repeat(MAX_SCHEMA_FILE_BYTES)}\n`);
    const schema = await schemaOf();
    expect(schema.problems[0].message).toMatch(/larger than/);
    expect(schema.fields.length).toBeGreaterThan(3);
  });

  it('never writes into the site', async () => {
    const before = await fs.readdir(site, { recursive: true });
    await schemaOf();
    expect(await fs.readdir(site, { recursive: true })).toEqual(before);
  });
});
