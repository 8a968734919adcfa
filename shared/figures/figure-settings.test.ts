import { describe, expect, it } from 'vitest';
import { assetSearchFolders, resolveAsset } from '../site/asset-lookup';
import { configUsesJekyllAssets, DEFAULT_MAX_WIDTH, readFigureSettings } from './figure-settings';

const scs = { usesJekyllAssets: true, assetSources: ['_assets'] };
const plain = { usesJekyllAssets: false, assetSources: [] };

describe('readFigureSettings', () => {
  it('uses the jekyll-assets blog folder by default, and names images as {% asset %} finds them', () => {
    const s = readFigureSettings(null, scs);
    expect(s).toMatchObject({ folder: '_assets/images/blog', template: null, maxWidth: DEFAULT_MAX_WIDTH, datePrefix: false, usesJekyllAssets: true, problems: [] });
    const file = '_assets/images/blog/r3.jpg';
    expect(s.referenceOf(file)).toBe('blog/r3.jpg');
    // The reference is what the asset resolver finds the file back by.
    expect(resolveAsset(s.referenceOf(file), { folders: assetSearchFolders(scs.assetSources), files: [file, '_assets/images/201001-SCS-4c.png'] })).toBe(file);
  });

  it('uses assets/images and the URL path on a site without jekyll-assets', () => {
    const s = readFigureSettings({}, plain);
    expect(s.folder).toBe('assets/images');
    expect(s.referenceOf('assets/images/x.jpg')).toBe('/assets/images/x.jpg');
  });

  it('reads the site settings from .pressroom.yml', () => {
    const s = readFigureSettings(
      { fields: [], figures: { folder: 'assets/img/press/', template: '<img src="{{ reference }}" alt="{{alt}}">', maxWidth: 1600, datePrefix: true } },
      plain,
    );
    expect(s).toMatchObject({ folder: 'assets/img/press', maxWidth: 1600, datePrefix: true, problems: [] });
    expect(s.template).toContain('{{ reference }}');
  });

  it('falls back to the defaults with a readable problem for bad values, never throwing', () => {
    for (const folder of ['../outside', '/etc', 'a/../../b', 'C:\\Windows', '', 42]) {
      const s = readFigureSettings({ figures: { folder } }, scs);
      expect(s.folder).toBe('_assets/images/blog');
      expect(s.problems).toHaveLength(1);
    }
    expect(readFigureSettings({ figures: { folder: '../x' } }, scs).problems[0]).toMatch(/leads outside the site/);
    const bad = readFigureSettings({ figures: { maxWidth: 'wide', datePrefix: 'yes', template: 'no placeholder', colour: 'red' } }, plain);
    expect(bad).toMatchObject({ maxWidth: DEFAULT_MAX_WIDTH, datePrefix: false, template: null });
    expect(bad.problems.join('\n')).toMatch(/colour.*ignored/);
    expect(bad.problems.join('\n')).toMatch(/maxWidth/);
    expect(bad.problems.join('\n')).toMatch(/datePrefix/);
    expect(bad.problems.join('\n')).toMatch(/no \{\{reference\}\}/);
    expect(readFigureSettings({ figures: { maxWidth: -5 } }, plain).maxWidth).toBe(DEFAULT_MAX_WIDTH);
    expect(readFigureSettings({ figures: ['x'] }, plain).problems[0]).toMatch(/must be a list of "key: value"/);
  });

  it('warns when a jekyll-assets site puts images where the plugin does not look', () => {
    const s = readFigureSettings({ figures: { folder: 'static/pics' } }, scs);
    expect(s.folder).toBe('static/pics');
    expect(s.problems[0]).toMatch(/not one of the folders jekyll-assets finds images in/);
    expect(s.referenceOf('static/pics/a.jpg')).toBe('/static/pics/a.jpg');
  });

  it('names files in a configured source by their path inside it', () => {
    const s = readFigureSettings({ figures: { folder: 'media/press' } }, { usesJekyllAssets: true, assetSources: ['media'] });
    expect(s.problems).toEqual([]);
    expect(s.referenceOf('media/press/a.png')).toBe('press/a.png');
  });
});

describe('configUsesJekyllAssets', () => {
  it('sees the plugin in plugins or gems, or an assets: key', () => {
    expect(configUsesJekyllAssets({ plugins: ['jekyll-feed', 'jekyll-assets'] })).toBe(true);
    expect(configUsesJekyllAssets({ gems: ['jekyll-assets'] })).toBe(true);
    expect(configUsesJekyllAssets({ assets: { sources: ['_assets'] } })).toBe(true);
    expect(configUsesJekyllAssets({ plugins: ['jekyll-feed'] })).toBe(false);
    expect(configUsesJekyllAssets(null)).toBe(false);
  });
});
