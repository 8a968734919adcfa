// The front matter's `image` heads the preview's article as post layouts show it: found through the site's asset
// lookup, named on its line when it is missing, and never turned into markup by a hostile value.
import { describe, expect, it } from 'vitest';
import type { SiteContext } from './render-types';
import { pageImageBlock } from './page-image';

const site: SiteContext = {
  config: {},
  assetUrl: (p) => (p === 'blog/r3.jpg' || p === 'blog/r3' ? 'pressroom-asset:_assets/images/blog/r3.jpg' : null),
  postUrl: () => null,
};
const source = (image: string) => `---\ntitle: Release 3\nauthor: SCS\nimage: ${image}\n---\nBody\n`;

describe('pageImageBlock', () => {
  it('shows a jekyll-assets path from the asset folders, on the line of `image:`', () => {
    const r = pageImageBlock({ image: 'blog/r3.jpg' }, source('"blog/r3.jpg"'), site);
    expect(r?.block).toEqual({ line: 4, html: '<figure class="pr-page-image"><img src="pressroom-asset:_assets/images/blog/r3.jpg" alt=""></figure>\n' });
    expect(r?.problem).toBeNull();
  });

  it('names a missing image as a problem on its line and still shows where it should be', () => {
    const r = pageImageBlock({ image: 'blog/r9.jpg' }, source('blog/r9.jpg'), site);
    expect(r?.problem).toEqual({ kind: 'missing-asset', message: 'Page image not found: blog/r9.jpg', line: 4 });
    expect(r?.block.html).toContain('src="pressroom-asset:blog/r9.jpg"');
  });

  it('leaves site paths and URLs to the sanitizer, and escapes what it writes', () => {
    expect(pageImageBlock({ image: '/assets/img/logo.png' }, source('/assets/img/logo.png'), site)?.block.html).toContain('src="/assets/img/logo.png"');
    const hostile = pageImageBlock({ image: 'https://x.test/a.png" onerror="alert(1)' }, source('x'), site);
    expect(hostile?.block.html).toContain('src="https://x.test/a.png&quot; onerror=&quot;alert(1)"');
    expect(hostile?.problem).toBeNull();
  });

  it('shows nothing without an image, or when the image is not text', () => {
    expect(pageImageBlock({}, '---\ntitle: x\n---\n', site)).toBeNull();
    expect(pageImageBlock({ image: ['a.png'] }, source('[a.png]'), site)).toBeNull();
    expect(pageImageBlock({ image: '  ' }, source('" "'), site)).toBeNull();
  });
});
