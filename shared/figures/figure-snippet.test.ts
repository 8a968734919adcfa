import { describe, expect, it } from 'vitest';
import { renderPost, type SiteContext } from '../render/render-post';
import { assetSearchFolders, resolveAsset } from '../site/asset-lookup';
import { readFigureSettings } from './figure-settings';
import { figureSnippet } from './figure-snippet';

const files = ['_assets/images/blog/r3.jpg', '_assets/images/blog/team-photo.jpg'];
const index = { folders: assetSearchFolders(['_assets']), files };
const site: SiteContext = {
  config: { title: 'SCS' },
  assetUrl: (path) => {
    const file = resolveAsset(path, index);
    return file ? `/assets/${file.replace(/^_assets\/images\//, '')}` : null;
  },
  postUrl: () => null,
};
const scs = readFigureSettings(null, { usesJekyllAssets: true, assetSources: ['_assets'] });
const plain = readFigureSettings(null, { usesJekyllAssets: false, assetSources: [] });

/** The post as the preview renders it, with the snippet at its end. */
function preview(snippet: string) {
  return renderPost({ source: `---\ntitle: Release\n---\nSome text.\n\n${snippet}\n`, site, path: '_posts/2024-05-01-release.md' });
}

describe('figureSnippet (jekyll-assets, the seed figure)', () => {
  const reference = scs.referenceOf('_assets/images/blog/team-photo.jpg');

  it('writes the seed markup: a figure linking the image through {% asset %}, with a caption and credit', () => {
    const text = figureSnippet(scs, { reference, alt: 'The team on stage', caption: 'Summit 2024', credit: 'Jane Doe' });
    expect(text).toBe(
      [
        '<figure class="figure mx-auto d-block" style="width:90%">',
        '  <a href="{% asset "blog/team-photo.jpg" @path %}">',
        '    {% asset \'blog/team-photo.jpg\' class="figure-img w-100" alt="The team on stage" %}',
        '  </a>',
        '  <figcaption class="figure-caption">',
        '    Summit 2024 <small class="figure-credit">Jane Doe</small>',
        '  </figcaption>',
        '</figure>',
      ].join('\n'),
    );
    const out = preview(text);
    expect(out.problems).toEqual([]);
    expect(out.html).toContain('<a href="/assets/blog/team-photo.jpg">');
    expect(out.html).toContain('<img class="figure-img w-100" alt="The team on stage" src="/assets/blog/team-photo.jpg">');
    expect(out.html).toContain('Summit 2024 <small class="figure-credit">Jane Doe</small>');
  });

  it('leaves the caption out when there is none', () => {
    const text = figureSnippet(scs, { reference, alt: 'Logo' });
    expect(text).not.toContain('figcaption');
    expect(preview(text).html).toContain('alt="Logo"');
  });

  it('keeps Liquid out of what the user typed, and shows their text as typed', () => {
    const alt = 'Tom & "Jerry" {{ site.title }} {% include x %} %} <b>';
    const text = figureSnippet(scs, { reference, alt, caption: 'A {% raw %} caption {{ page.title }} <script>x</script>', credit: 'Me & you' });
    const out = preview(text);
    expect(out.problems).toEqual([]);
    expect(out.html).not.toContain('SCS');
    expect(out.html).not.toContain('<script>');
    expect(out.html).not.toContain('<b>');
    // One image, with the alt kept readable (quotes typographic, Liquid braces split).
    expect(out.html.match(/<img /g)).toHaveLength(1);
    expect(out.html).toContain('alt="Tom &amp; “Jerry” { { site.title } } { % include x % } % } &lt;b&gt;"');
    expect(out.html).toContain('&#123;{ page.title }}');
    expect(out.html).toContain('&lt;script&gt;');
  });

  it('keeps the figure one HTML block even when the caption has blank lines', () => {
    const text = figureSnippet(scs, { reference, alt: 'a\n\nb', caption: 'first\n\nsecond' });
    expect(text).not.toMatch(/\n\s*\n/);
    expect(preview(text).html).toContain('first second');
  });
});

describe('figureSnippet (site template)', () => {
  it('fills the placeholders, escaped for HTML outside a tag and for a tag argument inside one', () => {
    const settings = readFigureSettings(
      { figures: { template: '{% include figure.html src="{{ reference }}" alt="{{alt}}" %}\n<p class="credit">{{credit}}</p><p>{{caption}}</p>' } },
      { usesJekyllAssets: true, assetSources: ['_assets'] },
    );
    expect(settings.problems).toEqual([]);
    const text = figureSnippet(settings, { reference: 'blog/r3.jpg', alt: 'A "big" {{x}}', caption: 'x < y', credit: 'Foto: Ä' });
    expect(text).toBe('{% include figure.html src="blog/r3.jpg" alt="A “big” { {x} }" %}\n<p class="credit">Foto: Ä</p><p>x &lt; y</p>');
  });

  it('puts the credit after the caption when the template has no {{credit}}', () => {
    const settings = readFigureSettings({ figures: { template: '<img src="{{reference}}" alt="{{alt}}"><em>{{caption}}</em>' } }, { usesJekyllAssets: false, assetSources: [] });
    expect(figureSnippet(settings, { reference: '/a.jpg', alt: 'a', caption: 'Cap', credit: 'Jo' })).toBe('<img src="/a.jpg" alt="a"><em>Cap — Jo</em>');
  });
});

describe('figureSnippet (site without jekyll-assets)', () => {
  const reference = plain.referenceOf('assets/images/x.jpg');

  it('writes a Markdown image with the URL path when there is no caption', () => {
    const text = figureSnippet(plain, { reference, alt: 'A wide view' });
    expect(text).toBe('![A wide view](/assets/images/x.jpg)');
    expect(preview(text).html).toContain('<img src="/assets/images/x.jpg" alt="A wide view"');
    const bracketed = figureSnippet(plain, { reference, alt: 'A [bracketed] view' });
    expect(bracketed).toBe('<figure>\n  <img src="/assets/images/x.jpg" alt="A [bracketed] view">\n</figure>');
    expect(preview(bracketed).html).toContain('<img src="/assets/images/x.jpg" alt="A [bracketed] view">');
  });

  it('writes an HTML figure with the URL path when there is a caption or credit, or Liquid-like alt text', () => {
    const text = figureSnippet(plain, { reference, alt: 'Photo "one"', caption: 'Cap', credit: 'Me' });
    expect(text).toBe('<figure>\n  <img src="/assets/images/x.jpg" alt="Photo &quot;one&quot;">\n  <figcaption>Cap <small class="figure-credit">Me</small></figcaption>\n</figure>');
    expect(preview(text).html).toContain('<img src="/assets/images/x.jpg" alt="Photo &quot;one&quot;">');
    const liquid = preview(figureSnippet(plain, { reference, alt: '{{ site.title }}' }));
    expect(liquid.html).not.toContain('SCS');
    expect(liquid.html).toContain('<img src="/assets/images/x.jpg" alt="&#123;{ site.title }}">');
  });
});
