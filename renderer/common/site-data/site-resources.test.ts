// Which changes on disk make which cached site data stale: the form's choices follow `.pressroom.yml`, the
// config and the posts; the preview's context follows the config and `_data/`; the image listing its folders.
import { describe, expect, it } from 'vitest';
import { affectsFrontMatterSchema, affectsRenderContext, assetImageResource, assetListingResource, renderContextResource } from './site-resources';

const changed = (path: string) => ({ type: 'file.changed' as const, site: '/s', path });

describe('what makes site data stale', () => {
  it('the form schema: .pressroom.yml, _config.yml, layouts and posts (new categories, authors), not pages or images', () => {
    for (const p of ['.pressroom.yml', '_config.yml', '_layouts/release.html', '_posts/2024-01-02-launch.md', '_i18n/de/_posts/2024-01-02-start.md', '_drafts/idea.md']) expect(affectsFrontMatterSchema(p), p).toBe(true);
    for (const p of ['about.md', 'assets/images/a.png', '_data/authors.yml', '_posts/notes.txt']) expect(affectsFrontMatterSchema(p), p).toBe(false);
  });

  it('the render context: _config.yml and anything in _data/', () => {
    for (const p of ['_config.yml', '_config.yaml', '_data/authors.yml', '_data/team/people.json']) expect(affectsRenderContext(p), p).toBe(true);
    for (const p of ['_posts/2024-01-02-launch.md', 'data/x.yml', 'sub/_config.yml']) expect(affectsRenderContext(p), p).toBe(false);
  });

  it('the render context also when a file in one of its asset folders changes: a figure just dropped in is found', () => {
    const context = { config: {}, data: {}, assetSources: ['_assets'], assets: { folders: ['_assets', '_assets/images'], files: [], truncated: false }, posts: [], warnings: [] };
    expect(renderContextResource.invalidatedBy(changed('_assets/images/201001-SCS-4c.png'), undefined, context)).toBe(true);
    expect(renderContextResource.invalidatedBy(changed('_data/team.yml'), undefined, context)).toBe(true);
    expect(renderContextResource.invalidatedBy({ type: 'post.created', site: '/s' }, undefined, context)).toBe(true);
    expect(renderContextResource.invalidatedBy(changed('_assetsx/a.png'), undefined, context)).toBe(false);
    expect(renderContextResource.invalidatedBy(changed('_posts/2024-01-02-launch.md'), undefined, context)).toBe(false);
  });

  it('the image listing: anything in a listed asset folder, or any image file', () => {
    const listing = { images: [{ source: 'assets/images', path: 'a.png', size: 1 }], truncated: false };
    expect(assetListingResource.invalidatedBy(changed('assets/images/blog/new.webp'), undefined, listing)).toBe(true);
    expect(assetListingResource.invalidatedBy(changed('assets/images/old.txt'), undefined, listing)).toBe(true);
    expect(assetListingResource.invalidatedBy(changed('img/first.JPG'), undefined, listing)).toBe(true);
    expect(assetListingResource.invalidatedBy(changed('_posts/2024-01-02-launch.md'), undefined, listing)).toBe(false);
    expect(assetListingResource.invalidatedBy({ type: 'post.created', site: '/s' }, undefined, listing)).toBe(false);
  });

  it('an image: only that file', () => {
    expect(assetImageResource.invalidatedBy(changed('assets/a.png'), 'assets/a.png', undefined)).toBe(true);
    expect(assetImageResource.invalidatedBy(changed('assets/b.png'), 'assets/a.png', undefined)).toBe(false);
  });
});
