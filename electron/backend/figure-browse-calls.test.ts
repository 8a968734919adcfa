// `figure.browse` and `figure.thumbnail` through the call edge, as the asset browser uses them.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FigureBrowse } from '../../shared/contract/figure-models';
import type { SiteSummary } from '../../shared/contract/models';
import { createTestHandlers } from './test-handlers';

sharp.cache(false);

let tmp: string;
let site: string;
let root: string;
let call: ReturnType<typeof createTestHandlers>['call'];

async function write(rel: string, data: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), data);
}

const jpeg = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#4477aa' } }).jpeg().toBuffer();

async function treeOf(dir: string): Promise<string[]> {
  return (await fs.readdir(dir, { recursive: true })).map(String).sort();
}

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-figure-browse-')));
  site = path.join(tmp, 'site');
  await write('_config.yml', 'title: T\nplugins:\n  - jekyll-assets\n');
  await write('_assets/images/blog/r3.jpg', await jpeg(1200, 800));
  await write('_assets/images/logo.png', await sharp({ create: { width: 64, height: 32, channels: 4, background: '#00000000' } }).png().toBuffer());
  await write('_assets/images/readme.txt', 'not an image');
  await write('_assets/images/fake.jpg', 'text that says it is a JPEG');
  await write('other/elsewhere.png', await jpeg(10, 10));
  await write('_posts/2024-05-01-launch.md', '---\ntitle: Launch\nimage: logo.png\n---\n{% asset blog/r3.jpg alt="Launch" %}\n');
  await write('_posts/2024-06-01-other.md', '---\ntitle: Other\n---\nNo pictures.\n');
  ({ call } = createTestHandlers(tmp));
  const opened = await call<SiteSummary>('site.open', { path: site });
  if (!opened.ok) throw new Error(opened.error.message);
  root = opened.value.root;
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('figure.browse', () => {
  it('lists the images of the asset folders with their reference, size and the posts that use them', async () => {
    const browsed = await call<FigureBrowse>('figure.browse', { site: root });
    if (!browsed.ok) throw new Error(browsed.error.message);
    expect(browsed.value.truncated).toBe(false);
    const byPath = Object.fromEntries(browsed.value.images.map((image) => [image.path, image]));
    expect(Object.keys(byPath).sort()).toEqual(['_assets/images/blog/r3.jpg', '_assets/images/fake.jpg', '_assets/images/logo.png']);
    expect(byPath['_assets/images/blog/r3.jpg']).toMatchObject({ reference: 'blog/r3.jpg', width: 1200, height: 800, usedBy: ['_posts/2024-05-01-launch.md'] });
    expect(byPath['_assets/images/logo.png']).toMatchObject({ reference: 'logo.png', width: 64, height: 32, usedBy: ['_posts/2024-05-01-launch.md'] });
    expect(byPath['_assets/images/fake.jpg']).toMatchObject({ width: null, height: null, usedBy: [] });
    expect(byPath['_assets/images/blog/r3.jpg'].bytes).toBe((await fs.stat(path.join(site, '_assets/images/blog/r3.jpg'))).size);
  });
});

describe('figure.browse on a site without jekyll-assets', () => {
  it('names each image by its site URL and finds it in Markdown and HTML under the baseurl', async () => {
    const plain = path.join(tmp, 'plain');
    await fs.mkdir(path.join(plain, 'assets/images'), { recursive: true });
    await fs.mkdir(path.join(plain, '_posts'), { recursive: true });
    await fs.writeFile(path.join(plain, '_config.yml'), 'title: Plain\nbaseurl: /news\n');
    await fs.writeFile(path.join(plain, 'assets/images/harbour.jpg'), await jpeg(300, 200));
    await fs.writeFile(path.join(plain, '_posts/2024-01-01-a.md'), '---\ntitle: A\n---\n![Harbour]({{ site.baseurl }}/assets/images/harbour.jpg)\n');
    await fs.writeFile(path.join(plain, '_posts/2024-01-02-b.md'), '---\ntitle: B\n---\n<img src="/news/assets/images/harbour.jpg" alt="Harbour">\n');
    const opened = await call<SiteSummary>('site.open', { path: plain });
    if (!opened.ok) throw new Error(opened.error.message);
    const browsed = await call<FigureBrowse>('figure.browse', { site: opened.value.root });
    expect(browsed).toEqual({
      ok: true,
      value: {
        images: [{ path: 'assets/images/harbour.jpg', reference: '/assets/images/harbour.jpg', bytes: expect.any(Number), width: 300, height: 200, usedBy: ['_posts/2024-01-01-a.md', '_posts/2024-01-02-b.md'] }],
        truncated: false,
      },
    });
  });
});

describe('figure.thumbnail', () => {
  it('gives a small WebP of a site image, cached in the app data and never in the site', async () => {
    const before = await treeOf(site);
    const thumb = await call<{ mime: string; base64: string }>('figure.thumbnail', { site: root, path: '_assets/images/blog/r3.jpg' });
    if (!thumb.ok) throw new Error(thumb.error.message);
    expect(thumb.value.mime).toBe('image/webp');
    expect(await sharp(Buffer.from(thumb.value.base64, 'base64')).metadata()).toMatchObject({ format: 'webp', width: 320, height: 213 });
    expect((await fs.readdir(path.join(tmp, 'app-data', 'thumbnails'))).filter((n) => n.endsWith('.webp'))).toHaveLength(1);
    expect(await treeOf(site)).toEqual(before);
  });

  it('refuses paths out of the site or the asset folders, links leading out of them, and files that are not images', async () => {
    await fs.symlink(path.join(site, 'other', 'elsewhere.png'), path.join(site, '_assets/images/linked.png'));
    await fs.writeFile(path.join(tmp, 'secret.png'), await jpeg(10, 10));
    await fs.symlink(path.join(tmp, 'secret.png'), path.join(site, '_assets/images/secret.png'));
    const code = async (p: string) => {
      const result = await call('figure.thumbnail', { site: root, path: p });
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await code('../secret.png')).toBe('outside-site');
    expect(await code('_assets/images/secret.png')).toBe('outside-site');
    expect(await code('_assets/images/linked.png')).toBe('outside-site');
    expect(await code('other/elsewhere.png')).toBe('refused');
    expect(await code('_assets/images/readme.txt')).toBe('not-supported');
    expect(await code('_assets/images/fake.jpg')).toBe('not-supported');
    expect(await code('_assets/images/missing.png')).toBe('not-found');
    expect(await code('_config.yml')).toBe('not-supported');
  });
});
