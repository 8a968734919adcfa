// The `<img>` `{% asset %}` writes, as jekyll-assets writes it: the tag's HTML attributes in their order, then
// `src`; processor arguments (vips:, magick:, any key:sub=…) never reach the HTML, and no `alt=""` is invented.
import { describe, expect, it } from 'vitest';
import { renderPost, type SiteContext } from './render-post';
import { assetImgHtml, parseAssetArgs } from './liquid-asset-tag';

const site: SiteContext = {
  config: {},
  data: {},
  assetUrl: (path) => ({ 'x.png': '/assets/x-1a2b.png', 'img/logo.svg': '/assets/img/logo-9f.svg', '201001-SCS-4c.png': '/assets/201001-SCS-4c.png' })[path] ?? null,
  postUrl: () => null,
};

const render = (body: string) => renderPost({ source: `---\ntitle: T\n---\n${body}`, site, path: '_posts/2023-03-22-x.md' });

describe('{% asset %}', () => {
  it('turns {% asset %} into an image with the resolved URL and the given attributes', () => {
    const { html, problems } = render(`{% asset 'x.png' class="figure-img w-100" %}\n`);
    expect(html).toContain('<img class="figure-img w-100" src="/assets/x-1a2b.png">');
    expect(problems).toEqual([]);
  });

  it('takes alt from the attributes, accepts double-quoted or bare paths, and adds no alt the tag does not give', () => {
    expect(render(`{% asset "img/logo.svg" alt="Our logo" %}`).html).toContain('<img alt="Our logo" src="/assets/img/logo-9f.svg">');
    expect(render(`{% asset x.png %}`).html).toContain('<img src="/assets/x-1a2b.png">');
    expect(render(`{% asset x.png %}`).html).not.toContain('alt=');
  });

  it('leaves processor arguments out of the HTML, as the release of the seed site uses them', () => {
    const { html } = render(`{% asset '201001-SCS-4c.png' class="figure-img w-100" vips:format=".webp" vips:resize="800x" magick:quality=80 %}\n`);
    expect(html).toContain('<img class="figure-img w-100" src="/assets/201001-SCS-4c.png">');
    expect(html).not.toMatch(/vips|magick|webp/);
  });

  it('keeps a src the tag names in its place, with the resolved URL, and escapes attribute values', () => {
    expect(assetImgHtml('/a.png', [['src', 'ignored'], ['title', 'a "b" <c>']])).toBe('<img src="/a.png" title="a &quot;b&quot; &lt;c&gt;">');
  });

  it('reads flags, skips !flags and the plugin option keys', () => {
    expect(parseAssetArgs(`"a b.png" @path !integrity width=100 inline=true data-x='1' srcset:width=200`)).toEqual({
      path: 'a b.png',
      attrs: [['width', '100'], ['data-x', '1']],
      flags: ['@path'],
    });
  });
});
