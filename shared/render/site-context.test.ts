// The preview's `{% asset %}` as a press officer meets it on a real site: a figure in a default folder of
// jekyll-assets (not listed in the config) is shown from exactly that file, and one that is not there is a
// missing-asset problem on its line, not a picture that silently fails to load.
import { describe, expect, it } from 'vitest';
import { renderPost } from './render-post';
import { assetSearchFolders } from '../site/asset-lookup';
import { ASSET_MARKER, EMPTY_RENDER_CONTEXT, previewSiteContext } from './site-context';

const context = {
  ...EMPTY_RENDER_CONTEXT,
  assetSources: ['_assets'],
  assets: { folders: assetSearchFolders(['_assets/']).filter((f) => f === '_assets' || f === '_assets/images'), files: ['_assets/images/201001-SCS-4c.png', '_assets/images/blog/x.jpg'], truncated: false },
};

const render = (body: string) => renderPost({ source: `---\ntitle: T\n---\n${body}`, site: previewSiteContext(context), path: '_posts/2022-09-21-x.md' });

describe('previewSiteContext', () => {
  it('marks a found asset with the site-relative file it resolves to', () => {
    const site = previewSiteContext(context);
    expect(site.assetUrl('201001-SCS-4c.png')).toBe(`${ASSET_MARKER}_assets/images/201001-SCS-4c.png`);
    expect(site.assetUrl('blog/x')).toBe(`${ASSET_MARKER}_assets/images/blog/x.jpg`);
    expect(site.assetUrl('images/201001-SCS-4c.png')).toBe(`${ASSET_MARKER}_assets/images/201001-SCS-4c.png`);
    for (const bad of ['', '/201001-SCS-4c.png', '../_assets/images/201001-SCS-4c.png', 'gone.png']) expect(site.assetUrl(bad), bad).toBeNull();
  });

  it('renders the seed release figure as a marked image without processor arguments, and reports a missing one with its line', () => {
    const { html, problems } = render(`{% asset '201001-SCS-4c.png' class="figure-img w-100" vips:format=".webp" %}\n\n{% asset 'gone.png' %}\n`);
    expect(html).toContain(`<img class="figure-img w-100" src="${ASSET_MARKER}_assets/images/201001-SCS-4c.png">`);
    expect(html).not.toContain('vips');
    expect(problems).toEqual([{ kind: 'missing-asset', message: 'Asset not found: gone.png', line: 6 }]);
  });
});

describe('post_url on a bilingual site', () => {
  // As the site lists them: the German post first, the English (default) last, each under both of its names.
  const bilingual = {
    ...EMPTY_RENDER_CONTEXT,
    config: { languages: ['en', 'de'] },
    posts: [
      { name: '2024-03-12-kestrel', url: '/de/announcements/2024/03/12/kestrel.html', language: 'de' },
      { name: '2024-03-12-kestrel', url: '/announcements/2024/03/12/kestrel.html', language: 'en' },
    ],
  };
  const page = (path: string) =>
    renderPost({ source: `---\ntitle: T\n---\n[x]({% post_url 2024-03-12-kestrel %}) {{ page.categories | join: "," }}\n`, site: previewSiteContext(bilingual), path }).html;

  it('links a German page to the German release and an English page to the English one', () => {
    expect(page('_i18n/de/_posts/announcements/2024-09-10-other.md')).toContain('href="/de/announcements/2024/03/12/kestrel.html"');
    expect(page('_i18n/en/_posts/announcements/2024-09-10-other.md')).toContain('href="/announcements/2024/03/12/kestrel.html"');
    expect(page('_posts/2024-09-10-other.md')).toContain('href="/announcements/2024/03/12/kestrel.html"');
  });

  it('does not count the language folders as categories of the page', () => {
    // Folders below `_posts/` are no categories in Jekyll either; before this, the page had `_i18n` and `de`.
    expect(page('_i18n/de/_posts/announcements/2024-09-10-other.md')).toMatch(/<\/a>\s*<\/p>/);
  });
});

describe('post_url with a baseurl', () => {
  it('puts site.baseurl in front, as Jekyll 4 does (relative_url)', () => {
    const withBase = { ...EMPTY_RENDER_CONTEXT, config: { baseurl: '/newsroom/' }, posts: [{ name: '2024-03-12-kestrel', url: '/2024/03/12/kestrel.html', language: null }] };
    const { html } = renderPost({ source: `---\ntitle: T\n---\n[x]({% post_url 2024-03-12-kestrel %})\n`, site: previewSiteContext(withBase), path: '_posts/2024-09-10-other.md' });
    expect(html).toContain('href="/newsroom/2024/03/12/kestrel.html"');
  });
});
