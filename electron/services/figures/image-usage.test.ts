import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAssetIndex } from '../assets';
import { imageUsage, imagesNamedIn } from './image-usage';

let tmp: string;
let site: string;

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-usage-')));
  site = path.join(tmp, 'site');
  await fs.mkdir(site);
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function write(rel: string, text = 'x'): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), text);
}

const post = (frontMatter: string, body: string) => `---\ntitle: A post\n${frontMatter}---\n${body}\n`;

describe('imageUsage on a jekyll-assets site', () => {
  beforeEach(async () => {
    for (const rel of ['_assets/images/blog/r3.jpg', '_assets/images/logo.png', '_assets/images/team.jpg', '_assets/images/blog/chart.svg']) await write(rel);
  });

  it('finds {% asset %} references, front-matter images and Markdown images, each post listed once per image', async () => {
    await write('_posts/2024-01-01-launch.md', post('', '<figure><a href="{% asset blog/r3.jpg @path %}">{% asset blog/r3.jpg alt="Launch" %}</a></figure>'));
    await write('_posts/2024-02-01-team.md', post('image: blog/r3.jpg\n', "Our logo: {% asset 'logo.png' %}"));
    await write('_posts/2024-03-01-chart.md', post('', '![Chart](/assets/blog/chart.svg)\n\n{%- asset blog/chart class="wide" -%}'));
    await write('_posts/2024-04-01-text.md', post('', 'We wrote about r3.jpg and team.jpg in plain words. {% asset missing.png %}'));
    const index = await buildAssetIndex(site, ['_assets/images']);
    const usage = await imageUsage(site, [
      { path: '_posts/2024-01-01-launch.md' },
      { path: '_posts/2024-02-01-team.md' },
      { path: '_posts/2024-03-01-chart.md' },
      { path: '_posts/2024-04-01-text.md' },
    ], index);
    expect(Object.fromEntries(usage)).toEqual({
      '_assets/images/blog/r3.jpg': ['_posts/2024-01-01-launch.md', '_posts/2024-02-01-team.md'],
      '_assets/images/logo.png': ['_posts/2024-02-01-team.md'],
      '_assets/images/blog/chart.svg': ['_posts/2024-03-01-chart.md'],
    });
    expect(usage.has('_assets/images/team.jpg')).toBe(false);
  });

  it('sees a post’s new pictures after it is edited, and an image added since the last look', async () => {
    await write('_posts/a.md', post('', '{% asset logo.png %}'));
    const posts = [{ path: '_posts/a.md' }];
    expect(Object.fromEntries(await imageUsage(site, posts, await buildAssetIndex(site, ['_assets/images'])))).toEqual({ '_assets/images/logo.png': ['_posts/a.md'] });
    await write('_posts/a.md', post('', '{% asset team.jpg %} and {% asset new.png %}'));
    await fs.utimes(path.join(site, '_posts/a.md'), new Date(), new Date(Date.now() + 2000));
    expect(Object.fromEntries(await imageUsage(site, posts, await buildAssetIndex(site, ['_assets/images'])))).toEqual({ '_assets/images/team.jpg': ['_posts/a.md'] });
    await write('_assets/images/new.png');
    expect([...(await imageUsage(site, posts, await buildAssetIndex(site, ['_assets/images']))).keys()].sort()).toEqual(['_assets/images/new.png', '_assets/images/team.jpg']);
  });

  it('reads jekyll-seo-tag image objects and lists of pictures in the front matter', async () => {
    await write('_posts/a.md', post('image:\n  path: blog/r3.jpg\n  height: 100\nheader_image: logo.png\ngallery_images:\n  - team.jpg\n', 'Body'));
    const index = await buildAssetIndex(site, ['_assets/images']);
    expect(imagesNamedIn(await fs.readFile(path.join(site, '_posts/a.md'), 'utf8'), index).sort()).toEqual([
      '_assets/images/blog/r3.jpg',
      '_assets/images/logo.png',
      '_assets/images/team.jpg',
    ]);
  });

  it('skips a post it cannot read, including one that leads out of the site, and still answers for the others', async () => {
    await fs.writeFile(path.join(tmp, 'outside.md'), post('image: logo.png\n', ''));
    await fs.mkdir(path.join(site, '_posts'), { recursive: true });
    await fs.symlink(path.join(tmp, 'outside.md'), path.join(site, '_posts', 'evil.md'));
    await write('_posts/good.md', post('image: team.jpg\n', ''));
    const index = await buildAssetIndex(site, ['_assets/images']);
    const usage = await imageUsage(site, [{ path: '_posts/evil.md' }, { path: '_posts/gone.md' }, { path: '_posts/good.md' }], index);
    expect(Object.fromEntries(usage)).toEqual({ '_assets/images/team.jpg': ['_posts/good.md'] });
  });
});

describe('imageUsage on a plain Jekyll site', () => {
  beforeEach(async () => {
    for (const name of ['x.jpg', 'y.png', 'a.png', 'b.png', 'z.webp', 'w.gif', 'q.jpg', 'm n.png']) await write(`assets/images/${name}`);
  });

  it('finds site paths in Markdown, HTML, srcset, includes and Liquid URL filters, with the baseurl and the site URL', async () => {
    const body = [
      '![x]({{ site.baseurl }}/assets/images/x.jpg "The x")',
      '<img src="/blog/assets/images/y.png" alt="y">',
      '<img srcset="/assets/images/a.png 1x, {{ site.baseurl }}/assets/images/b.png 2x" src=/assets/images/q.jpg>',
      '{% include figure.html src="/assets/images/z.webp" %}',
      '[w]: https://example.com/blog/assets/images/w.gif',
      "![space]({{ '/assets/images/m%20n.png' | relative_url }})",
    ].join('\n');
    await write('_posts/p.md', post('', body));
    const index = await buildAssetIndex(site, ['assets']);
    const named = imagesNamedIn(await fs.readFile(path.join(site, '_posts/p.md'), 'utf8'), index, { baseurl: '/blog', url: 'https://example.com' });
    expect(named.sort()).toEqual(['assets/images/a.png', 'assets/images/b.png', 'assets/images/m n.png', 'assets/images/q.jpg', 'assets/images/w.gif', 'assets/images/x.jpg', 'assets/images/y.png', 'assets/images/z.webp']);
  });

  it('does not take an image of another website for the site’s own', async () => {
    const index = await buildAssetIndex(site, ['assets']);
    expect(imagesNamedIn('![w](https://other.example.org/assets/images/w.gif) <img src="//cdn.example.net/assets/images/x.jpg">', index, { url: 'https://example.com' })).toEqual([]);
  });

  it('reads 4 MB of hostile text in well under two seconds (a scan quadratic in its size would take minutes)', async () => {
    const index = await buildAssetIndex(site, ['assets']);
    const unit = `"${'a'.repeat(50)} ](${'{{'.repeat(20)} {% asset ${'x'.repeat(30)} [r]: <img srcset="${'y '.repeat(10)} src=${'z'.repeat(40)} '${'q.png'.repeat(10)}\n`;
    const large = unit.repeat(Math.ceil(4_000_000 / unit.length));
    const start = performance.now();
    imagesNamedIn(large, index);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
