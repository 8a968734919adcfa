// Where `{% asset x %}` finds x, as jekyll-assets does: configured sources first, then the plugin's default
// folders (assets/<x>, _assets/<x>, <x>), a path without extension as Sprockets' logical path, and nothing for
// a path that is empty, absolute or climbs out.
import { describe, expect, it } from 'vitest';
import { assetSearchFolders, JEKYLL_ASSETS_DEFAULT_SOURCES, logicalPathOf, resolveAsset, resolveAssetMatch } from './asset-lookup';

describe('assetSearchFolders', () => {
  it("searches the configured sources, then jekyll-assets' defaults, each once", () => {
    const folders = assetSearchFolders(['_assets/', './_img', '/etc', '../out', 'css']);
    expect(folders.slice(0, 3)).toEqual(['_assets', '_img', 'css']);
    expect(folders.slice(3)).toEqual(JEKYLL_ASSETS_DEFAULT_SOURCES.filter((f) => f !== 'css'));
    for (const kind of ['css', 'fonts', 'images', 'javascript', 'js', 'video', 'videos', 'image', 'img']) {
      for (const folder of [`assets/${kind}`, `_assets/${kind}`, kind]) expect(folders, folder).toContain(folder);
    }
    expect(folders.indexOf('assets/images')).toBeLessThan(folders.indexOf('_assets/images'));
    expect(folders.indexOf('_assets/images')).toBeLessThan(folders.indexOf('images'));
  });
});

describe('resolveAsset', () => {
  const index = {
    folders: assetSearchFolders(['_assets/']),
    files: ['_assets/images/201001-SCS-4c.png', '_assets/images/logo.svg', '_assets/images/logo.png', 'assets/images/logo.png', 'images/team.jpg', '_assets/images/blog/kestrel.jpg', '_assets/images/.htaccess'],
  };

  it('finds a file of a default folder the config does not list (the seed release figure)', () => {
    expect(resolveAsset('201001-SCS-4c.png', index)).toBe('_assets/images/201001-SCS-4c.png');
    expect(resolveAsset('blog/kestrel.jpg', index)).toBe('_assets/images/blog/kestrel.jpg');
    expect(resolveAsset('team.jpg', index)).toBe('images/team.jpg');
  });

  it('takes the configured source first, then the defaults in the plugin order', () => {
    expect(resolveAsset('images/logo.png', index)).toBe('_assets/images/logo.png');
    // assets/images comes before _assets/images among the defaults.
    expect(resolveAsset('logo.png', index)).toBe('assets/images/logo.png');
  });

  it('resolves a path without extension as a logical path, with the extension of the file found', () => {
    expect(resolveAssetMatch('201001-SCS-4c', index)).toEqual({ file: '_assets/images/201001-SCS-4c.png', folder: '_assets/images', logicalPath: '201001-SCS-4c.png', alsoMatched: [] });
    expect(resolveAsset('blog/kestrel', index)).toBe('_assets/images/blog/kestrel.jpg');
    expect(resolveAsset('htaccess', index)).toBeNull();
  });

  it('with two files of that base name in one folder takes the first in code-point order and names the other', () => {
    // assets/images/logo.png is found first (an earlier folder); in _assets/images both logo.png and logo.svg match.
    expect(resolveAssetMatch('logo', { folders: ['_assets/images'], files: index.files })).toMatchObject({ file: '_assets/images/logo.png', alsoMatched: ['_assets/images/logo.svg'] });
  });

  it('finds nothing for an empty, absolute, climbing or odd path, or one not there', () => {
    for (const bad of ['', '  ', '/201001-SCS-4c.png', '../_assets/images/201001-SCS-4c.png', 'blog/../201001-SCS-4c.png', './logo.png', 'blog//kestrel.jpg', 'a\\b.png', 'x\u0000.png', 'gone.png']) {
      expect(resolveAsset(bad, index), JSON.stringify(bad)).toBeNull();
    }
  });

  it('names a file by the shortest logical path that finds it again', () => {
    expect(logicalPathOf('_assets/images/blog/kestrel.jpg', index)).toEqual({ folder: '_assets/images', logicalPath: 'blog/kestrel.jpg' });
    // `logo.png` would find assets/images/logo.png, so _assets/images/logo.png is named through _assets.
    expect(logicalPathOf('_assets/images/logo.png', index)).toEqual({ folder: '_assets', logicalPath: 'images/logo.png' });
    expect(logicalPathOf('elsewhere/x.png', index)).toBeNull();
  });
});
