// The image picker lists what a user would pick from: the pictures in the asset folders, with sizes, and
// nothing else (other files, hidden files, folders outside the asset sources, symlinks that lead out).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAssetImages } from './list-assets';

let root: string;
beforeEach(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-list-assets-')));
  await fs.mkdir(path.join(root, '_assets/images/blog'), { recursive: true });
  await fs.mkdir(path.join(root, '_assets/images/avatars'), { recursive: true });
  await fs.mkdir(path.join(root, '_assets/images/.cache'), { recursive: true });
  await fs.mkdir(path.join(root, 'private'), { recursive: true });
  await fs.writeFile(path.join(root, '_assets/images/blog/b.jpg'), 'x'.repeat(10));
  await fs.writeFile(path.join(root, '_assets/images/blog/a.PNG'), 'x'.repeat(3));
  await fs.writeFile(path.join(root, '_assets/images/avatars/me.png'), 'xx');
  await fs.writeFile(path.join(root, '_assets/images/blog/notes.txt'), 'not an image');
  await fs.writeFile(path.join(root, '_assets/images/.cache/hidden.png'), 'x');
  await fs.writeFile(path.join(root, 'private/secret.png'), 'x');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('listAssetImages', () => {
  it('lists the images of each asset folder relative to it, with sizes, sorted', async () => {
    const got = await listAssetImages(root, ['_assets/images', 'missing']);
    expect(got.truncated).toBe(false);
    expect(got.images).toEqual([
      { source: '_assets/images', path: 'avatars/me.png', size: 2 },
      { source: '_assets/images', path: 'blog/a.PNG', size: 3 },
      { source: '_assets/images', path: 'blog/b.jpg', size: 10 },
    ]);
  });

  it('leaves out symlinks that lead out of the asset folder and stops at the limit', async () => {
    await fs.symlink(path.join(root, 'private/secret.png'), path.join(root, '_assets/images/blog/leak.png'));
    await fs.symlink(path.join(root, '_assets/images/blog/b.jpg'), path.join(root, '_assets/images/blog/same.jpg'));
    const all = await listAssetImages(root, ['_assets/images']);
    expect(all.images.map((i) => i.path)).toEqual(['avatars/me.png', 'blog/a.PNG', 'blog/b.jpg', 'blog/same.jpg']);
    const two = await listAssetImages(root, ['_assets/images'], 2);
    expect(two.images).toHaveLength(2);
    expect(two.truncated).toBe(true);
  });

  it('refuses asset sources outside the site', async () => {
    expect((await listAssetImages(root, ['../', '/etc'])).images).toEqual([]);
  });
});
