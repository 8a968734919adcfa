// The preview's Liquid sees the site the way Jekyll does: config and _data as YAML 1.1 data, post URLs for
// post_url; oversized or broken data files are skipped with a warning instead of stalling or failing.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostEntry } from '../../../shared/contract/models';
import { DATA_LIMITS, readRenderContext } from './render-context';

let root: string;
beforeEach(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-ctx-')));
  await fs.mkdir(path.join(root, '_data/team'), { recursive: true });
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function post(p: Partial<PostEntry> & { path: string }): PostEntry {
  return {
    title: 't', date: '2024-04-22', dateSource: 'file-name', slug: 's', language: null, category: null, categories: [], layout: 'post',
    draft: false, symlinkTarget: null, symlinkLanguage: null, error: null, size: 1, ...p,
  };
}

describe('readRenderContext', () => {
  it('reads config and data as YAML 1.1 (yes is true), JSON and nested folders', async () => {
    await fs.writeFile(path.join(root, '_config.yml'), 'title: Newsroom\nbaseurl: ""\npermalink: /:categories/:year/:month/:day/:title/\nshow: yes\n');
    await fs.writeFile(path.join(root, '_data/authors.yml'), '- name: Jonas\n  active: yes\n');
    await fs.writeFile(path.join(root, '_data/links.json'), '{"home": "https://example.org"}');
    await fs.writeFile(path.join(root, '_data/team/berlin.yaml'), 'lead: Aylin\n');
    const ctx = await readRenderContext(root, ['_assets/images'], []);
    expect(ctx.config).toMatchObject({ title: 'Newsroom', show: true });
    expect(ctx.data).toEqual({ authors: [{ name: 'Jonas', active: true }], links: { home: 'https://example.org' }, team: { berlin: { lead: 'Aylin' } } });
    expect(ctx.assetSources).toEqual(['_assets/images']);
    expect(ctx.warnings).toEqual([]);
  });

  it('skips a data file that is too big or broken, and says so', async () => {
    await fs.writeFile(path.join(root, '_config.yml'), 'title: x\n');
    await fs.writeFile(path.join(root, '_data/huge.yml'), `k: "${'x'.repeat(DATA_LIMITS.fileBytes)}"\n`);
    await fs.writeFile(path.join(root, '_data/broken.yml'), 'a: [1, 2\n');
    await fs.writeFile(path.join(root, '_data/ok.yml'), 'a: 1\n');
    const ctx = await readRenderContext(root, [], []);
    expect(ctx.data).toEqual({ ok: { a: 1 }, team: {} });
    expect(ctx.warnings.join('\n')).toMatch(/huge\.yml is larger/);
    expect(ctx.warnings.join('\n')).toMatch(/broken\.yml could not be read/);
  });

  it('does not follow a symlink out of the site', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-out-'));
    try {
      await fs.writeFile(path.join(outside, 'secret.yml'), 'password: hunter2\n');
      await fs.symlink(path.join(outside, 'secret.yml'), path.join(root, '_data/secret.yml'));
      await fs.writeFile(path.join(root, '_config.yml'), 'title: x\n');
      const ctx = await readRenderContext(root, [], []);
      expect(ctx.data.secret).toBeUndefined();
      expect(ctx.warnings.join('\n')).toMatch(/secret\.yml leads out of the site/);
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('gives every dated post its URL under its post_url names, and none to drafts or broken posts', async () => {
    await fs.writeFile(path.join(root, '_config.yml'), 'permalink: /:categories/:year/:month/:day/:title/\n');
    const ctx = await readRenderContext(root, [], [
      post({ path: '_i18n/en/_posts/2024/2024-04-22-kestrel-1-1-released.md', categories: ['release'] }),
      post({ path: '_drafts/idea.md', draft: true, date: null }),
      post({ path: '_posts/2024-01-01-broken.md', error: 'bad YAML' }),
    ]);
    expect(ctx.posts).toContainEqual({ name: '2024-04-22-kestrel-1-1-released', url: expect.stringMatching(/\/release\/2024\/04\/22\/kestrel-1-1-released\/$/), language: null });
    expect(ctx.posts).toContainEqual({ name: '2024/2024-04-22-kestrel-1-1-released', url: expect.any(String), language: null });
    expect(ctx.posts.map((p) => p.name).join()).not.toMatch(/idea|broken/);
  });

  it('gives posts of a bilingual site the addresses Jekyll publishes: the default language at the root, others under /<lang>/', async () => {
    await fs.writeFile(path.join(root, '_config.yml'), 'permalink: /:categories/:year/:month/:day/:title/\nlanguages: ["en", "de"]\n');
    const name = '2024-03-12-kestrel-cloud-2-0';
    const ctx = await readRenderContext(root, [], [
      post({ path: `_i18n/de/_posts/announcements/${name}.md`, language: 'de', categories: ['release'] }),
      post({ path: `_i18n/en/_posts/announcements/${name}.md`, language: 'en', categories: ['release'] }),
      post({ path: '_i18n/de/_posts/blog/2024-02-01-warum-offene-clouds.md', language: 'de', date: '2024-02-01', categories: [] }),
      post({ path: '_i18n/en/_posts/2024-05-01-dated.md', language: 'en', date: '2024-05-01', dateSource: 'front-matter', categories: ['news'] }),
    ]);
    const urls = new Map(ctx.posts.map((p) => [p.name, p.url]));
    // A name both languages have finds the default language's post (the last one wins in a lookup by name).
    expect(urls.get(name)).toBe('/release/2024/03/12/kestrel-cloud-2-0/');
    // …and a German page's link finds the German one (the lookup by name and language, see shared/render/site-context).
    expect(ctx.posts).toContainEqual({ name, url: '/de/release/2024/03/12/kestrel-cloud-2-0/', language: 'de' });
    expect(urls.get('blog/2024-02-01-warum-offene-clouds')).toBe('/de/2024/02/01/warum-offene-clouds/');
    expect(urls.get('2024-05-01-dated')).toBe('/news/2024/05/01/dated/');
    expect(ctx.posts.map((p) => p.url).join()).not.toMatch(/_i18n/);
  });
});
