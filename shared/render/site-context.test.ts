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
