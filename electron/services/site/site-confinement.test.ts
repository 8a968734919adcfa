// A site cannot be turned against the user who opens it, each case tried as an attacker would, on real folders
// with real symlinks and real FIFOs: a config or data file that links out of the site is refused and its values
// never reach Liquid; a FIFO named like a site file never blocks opening the site or any later call; a
// `_layouts` that links out lists none of the outside folder's names.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../../../shared/contract/errors-testing';
import { listAssetImages, readAsset } from '../assets';
import { createPost } from '../posts';
import { makeFifo, releaseFifos, within } from '../../../e2e/fixtures/fifo';
import { openSite } from './open-site';
import { readRenderContext } from './render-context';
import { loadFrontMatterSchema } from './schema-service';
import { loadSiteConfig } from './site-config';

const posix = process.platform !== 'win32';
let base: string;
let site: string;
let outside: string;

async function write(rel: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), text);
}

/** Everything the preview's Liquid would see of the site, and the warnings shown beside it. */
async function renderContext() {
  const { summary, posts } = await within(openSite(site));
  return within(readRenderContext(summary.root, summary.assetSources, posts));
}

beforeEach(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-confine-')));
  site = path.join(base, 'site');
  outside = path.join(base, 'outside');
  await fs.mkdir(path.join(outside, 'layouts'), { recursive: true });
  await fs.writeFile(path.join(outside, 'config.yml'), 'title: Stolen\ncdn: "https://attacker.example/?leak="\n');
  await fs.writeFile(path.join(outside, 'secret.yml'), 'token: hunter2\n');
  await fs.writeFile(path.join(outside, 'layouts', 'private-diary.html'), '{{ content }}');
  await write('_config.yml', 'title: Newsroom\n');
  await write('_posts/2024-01-01-hello.md', '---\ntitle: Hello\nlayout: post\n---\nHello\n');
  await write('_layouts/post.html', '{{ content }}');
  await write('_data/team.yml', 'lead: Aylin\n');
});

afterEach(async () => {
  releaseFifos();
  await fs.rm(base, { recursive: true, force: true });
});

describe('a site file that links out of the site is refused', () => {
  it('opening a site whose _config.yml links out fails, saying so, and reads nothing from outside', async () => {
    await fs.rm(path.join(site, '_config.yml'));
    await fs.symlink(path.join(outside, 'config.yml'), path.join(site, '_config.yml'));
    const failure = await failureOf(openSite(site));
    expect(failure.error).toMatchObject({ code: 'outside-site', path: '_config.yml' });
    expect(failure.message).toMatch(/_config\.yml is a symbolic link that leads out of the site/);
    expect(failure.message).not.toMatch(/Stolen|attacker/);
    // The render context (also what `pressroom render` uses) gets none of its values, and says why.
    const warnings: string[] = [];
    const { readConfigData } = await import('./render-context');
    expect(await readConfigData(site, warnings)).toEqual({});
    expect(warnings.join('\n')).toMatch(/_config\.yml leads out of the site/);
  });

  it('also a relative link that climbs out', async () => {
    await fs.rm(path.join(site, '_config.yml'));
    await fs.symlink('../outside/config.yml', path.join(site, '_config.yml'));
    expect((await failureOf(loadSiteConfig(site))).error.code).toBe('outside-site');
  });

  it('a _config.yml linked to another file inside the site is read as before', async () => {
    await write('config/base.yml', 'title: Shared Config\n');
    await fs.rm(path.join(site, '_config.yml'));
    await fs.symlink('config/base.yml', path.join(site, '_config.yml'));
    expect((await openSite(site)).summary.name).toBe('Shared Config');
  });

  it('a _data file or a whole _data folder that links out is skipped with a warning; the rest of _data stays', async () => {
    await fs.symlink(path.join(outside, 'secret.yml'), path.join(site, '_data', 'secret.yml'));
    let ctx = await renderContext();
    expect(ctx.data).toEqual({ team: { lead: 'Aylin' } });
    expect(ctx.warnings.join('\n')).toMatch(/_data\/secret\.yml leads out of the site and was skipped/);

    await fs.rm(path.join(site, '_data'), { recursive: true });
    await fs.symlink(outside, path.join(site, '_data'), 'dir');
    ctx = await renderContext();
    expect(JSON.stringify(ctx.data)).not.toMatch(/hunter2|Stolen/);
    expect(ctx.warnings.join('\n')).toMatch(/_data leads out of the site and was skipped/);
  });

  it('a .pressroom.yml that links out is not read; the form says why', async () => {
    await fs.writeFile(path.join(outside, 'schema.yml'), 'fields:\n  - key: stolen\n');
    await fs.symlink(path.join(outside, 'schema.yml'), path.join(site, '.pressroom.yml'));
    const { summary, posts } = await openSite(site);
    const schema = await loadFrontMatterSchema(summary.root, await loadSiteConfig(summary.root), posts);
    expect(schema.fields.map((f) => f.key)).not.toContain('stolen');
    expect(schema.problems.map((p) => p.message).join('\n')).toMatch(/leads out of the site/);
  });
});

describe('a new post never takes its template from outside the site', () => {
  it('passes over a site template that links out (or is a FIFO) and uses the built-in press release', async () => {
    await fs.writeFile(path.join(outside, 'post.md'), '---\ntitle: "{{title}}"\n---\nSTOLEN TEMPLATE\n');
    await fs.mkdir(path.join(site, '.pressroom', 'templates'), { recursive: true });
    await fs.symlink(path.join(outside, 'post.md'), path.join(site, '.pressroom', 'templates', 'post.md'));
    if (posix) makeFifo(path.join(site, '.pressroom', 'templates', 'post.en.md'));
    const config = await loadSiteConfig(site);
    const templatesDir = path.resolve(__dirname, '../../../resources/templates');
    const { paths } = await within(createPost(site, config, { date: '2024-05-01', category: '', posts: [{ language: 'en', title: 'Hello', folder: '_posts', fileName: '2024-05-01-hello.md' }] }, { templatesDir, existingPosts: [] }));
    const text = await fs.readFile(path.join(site, paths[0]), 'utf8');
    expect(text).not.toContain('STOLEN');
    expect(text).toContain('Hello');
  });
});

describe('a _layouts folder that links out lists nothing', () => {
  it('offers none of the outside folder’s names as layout choices', async () => {
    await fs.rm(path.join(site, '_layouts'), { recursive: true });
    await fs.symlink(path.join(outside, 'layouts'), path.join(site, '_layouts'), 'dir');
    const { summary, posts } = await openSite(site);
    const schema = await loadFrontMatterSchema(summary.root, await loadSiteConfig(summary.root), posts);
    const layout = schema.fields.find((f) => f.key === 'layout');
    expect(layout?.options ?? []).not.toContain('private-diary');
  });

  it('a _layouts link that stays inside the site still lists its layouts', async () => {
    await fs.rename(path.join(site, '_layouts'), path.join(site, 'theme-layouts'));
    await fs.symlink('theme-layouts', path.join(site, '_layouts'), 'dir');
    const { summary, posts } = await openSite(site);
    const schema = await loadFrontMatterSchema(summary.root, await loadSiteConfig(summary.root), posts);
    expect(schema.fields.find((f) => f.key === 'layout')?.options).toContain('post');
  });
});

describe.skipIf(!posix)('a FIFO named like a site file never blocks', () => {
  it('opening a site whose _config.yml is a FIFO answers at once with a clear error, and the next call still works', async () => {
    await fs.rm(path.join(site, '_config.yml'));
    makeFifo(path.join(site, '_config.yml'));
    const failure = await within(failureOf(openSite(site)));
    expect(failure.error).toMatchObject({ code: 'not-readable', path: '_config.yml' });
    expect(failure.message).toMatch(/_config\.yml is a named pipe \(FIFO\), not a regular file/);
    // Nothing is left waiting on the pipe: the render context and another site still answer.
    const warnings: string[] = [];
    const { readConfigData } = await import('./render-context');
    expect(await within(readConfigData(site, warnings))).toEqual({});
    expect(warnings.join('\n')).toMatch(/_config\.yml could not be read and was skipped: .*FIFO/);
    await fs.rm(path.join(site, '_config.yml'));
    await write('_config.yml', 'title: Back\n');
    expect((await within(openSite(site))).summary.name).toBe('Back');
  });

  it('a FIFO in _data is skipped with a warning; the other data is read', async () => {
    makeFifo(path.join(site, '_data', 'pipe.yml'));
    const ctx = await renderContext();
    expect(ctx.data).toEqual({ team: { lead: 'Aylin' } });
    expect(ctx.warnings.join('\n')).toMatch(/_data\/pipe\.yml is not a regular file and was skipped/);
  });

  it('a FIFO in _posts, also one reached through a link, is listed as not readable; the other posts are read', async () => {
    makeFifo(path.join(site, '_posts', '2024-02-01-pipe.md'));
    makeFifo(path.join(site, 'pipe-target'));
    await fs.symlink('../pipe-target', path.join(site, '_posts', '2024-02-02-linked-pipe.md'));
    const { posts } = await within(openSite(site));
    expect(posts.find((p) => p.path === '_posts/2024-01-01-hello.md')).toMatchObject({ title: 'Hello', error: null });
    const linked = posts.find((p) => p.path === '_posts/2024-02-02-linked-pipe.md');
    expect(linked?.error).toMatch(/not a regular file/);
  });

  it('a FIFO in _layouts or named .pressroom.yml does not block the form, and is no layout choice', async () => {
    makeFifo(path.join(site, '_layouts', 'pipe.html'));
    makeFifo(path.join(site, '.pressroom.yml'));
    const { summary, posts } = await within(openSite(site));
    const schema = await within(loadFrontMatterSchema(summary.root, await loadSiteConfig(summary.root), posts));
    const layout = schema.fields.find((f) => f.key === 'layout');
    expect(layout?.options).toEqual(['post']);
    expect(schema.problems.map((p) => p.message).join('\n')).toMatch(/\.pressroom\.yml is a named pipe/);
  });

  it('a FIFO named like an image in an asset folder is not listed, and reading it answers at once', async () => {
    await fs.mkdir(path.join(site, '_assets', 'images'), { recursive: true });
    makeFifo(path.join(site, '_assets', 'images', 'pipe.png'));
    const listing = await within(listAssetImages(site, ['_assets/images']));
    expect(listing.images.map((i) => i.path)).not.toContain('pipe.png');
    const failure = await within(failureOf(readAsset(site, ['_assets/images'], '_assets/images/pipe.png')));
    expect(failure.error.code).toBe('refused');
  });
});
