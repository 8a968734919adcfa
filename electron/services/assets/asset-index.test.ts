// The asset index on a real site folder, as `{% asset %}` will see it: the files of the configured sources and of
// jekyll-assets' default folders, nothing through a symlink that leads out, no FIFO (listing never blocks on
// one), no hidden files, and a bound on depth and count so a pathological tree ends quickly.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFifo, releaseFifos, within } from '../../../e2e/fixtures/fifo';
import { assetSearchFolders, resolveAsset } from '../../../shared/site/asset-lookup';
import { buildAssetIndex } from './asset-index';

let tmp: string;
let root: string;

async function write(rel: string, text = 'x'): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await fs.writeFile(path.join(root, rel), text);
}

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-asset-index-')));
  root = path.join(tmp, 'site');
  await fs.mkdir(root);
  await write('_assets/images/201001-SCS-4c.png', 'png');
  await write('_assets/images/blog/kestrel.jpg');
  await write('_assets/css/site.css');
  await write('_assets/images/.cache/hidden.png');
  await write('img/logo.svg');
  await write('private/secret.png');
  await fs.writeFile(path.join(tmp, 'outside.png'), 'x');
});
afterEach(async () => {
  releaseFifos();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('buildAssetIndex', () => {
  it("lists the files of the configured sources and of jekyll-assets' default folders that exist, in search order", async () => {
    const index = await buildAssetIndex(root, assetSearchFolders(['_assets/']));
    expect(index.folders).toEqual(['_assets', '_assets/css', '_assets/images', 'img']);
    expect([...index.files].sort()).toEqual(['_assets/css/site.css', '_assets/images/201001-SCS-4c.png', '_assets/images/blog/kestrel.jpg', 'img/logo.svg']);
    expect(index.sizes.get('_assets/images/201001-SCS-4c.png')).toBe(3);
    expect(index.truncated).toBe(false);
    // The seed release's figure, named as the post names it.
    expect(resolveAsset('201001-SCS-4c.png', index)).toBe('_assets/images/201001-SCS-4c.png');
  });

  it('skips symlinks that lead out of their folder or the site, and a folder that is a link out', async () => {
    await fs.symlink(path.join(tmp, 'outside.png'), path.join(root, '_assets/images/leak.png'));
    await fs.symlink(path.join(root, 'private/secret.png'), path.join(root, '_assets/images/secret.png'));
    await fs.symlink(path.join(root, '_assets/images/blog/kestrel.jpg'), path.join(root, '_assets/images/same.jpg'));
    await fs.mkdir(path.join(tmp, 'elsewhere'));
    await fs.writeFile(path.join(tmp, 'elsewhere/x.png'), 'x');
    await fs.symlink(path.join(tmp, 'elsewhere'), path.join(root, 'images'));
    const index = await buildAssetIndex(root, assetSearchFolders([]));
    expect(index.files).toContain('_assets/images/same.jpg');
    expect(index.files).not.toContain('_assets/images/leak.png');
    expect(index.files).not.toContain('_assets/images/secret.png');
    expect(index.folders).not.toContain('images');
    expect(index.files.some((f) => f.startsWith('images/'))).toBe(false);
  });

  it('lists only regular files: a FIFO named like an image is skipped without blocking', async () => {
    makeFifo(path.join(root, '_assets/images/pipe.png'));
    const index = await within(buildAssetIndex(root, ['_assets/images']));
    expect(index.files).not.toContain('_assets/images/pipe.png');
    expect(index.files).toContain('_assets/images/201001-SCS-4c.png');
  });

  it('stops at the depth and count bounds and says the list is cut short', async () => {
    const deep = Array.from({ length: 20 }, (_, i) => `d${i}`).join('/');
    await write(`_assets/images/${deep}/bottom.png`);
    const shallow = await buildAssetIndex(root, ['_assets/images'], { files: 100, folders: 100, depth: 5 });
    expect(shallow.files).not.toContain(`_assets/images/${deep}/bottom.png`);
    expect(shallow.truncated).toBe(true);
    const few = await buildAssetIndex(root, ['_assets/images'], { files: 1, folders: 100, depth: 40 });
    expect(few.files).toHaveLength(1);
    expect(few.truncated).toBe(true);
  });

  it('refuses folders outside the site however they are spelled', async () => {
    expect((await buildAssetIndex(root, ['../', '/etc', '..', 'missing'])).folders).toEqual([]);
  });
});
