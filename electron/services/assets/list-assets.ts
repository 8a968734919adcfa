/**
 * Lists the images of a site's asset folders for the front-matter form's image picker (header image, avatars):
 * names and sizes only, from the same asset index `{% asset %}` resolves in (so no symlink out of an asset
 * folder, no hidden file), each image once, named by the shortest logical path that finds it again.
 */
import type { AssetImage, AssetListing } from '../../../shared/contract/models';
import { logicalPathOf } from '../../../shared/site/asset-lookup';
import { buildAssetIndex } from './asset-index';
import { imageTypeOfName } from './image-type';

/** Images listed at most; a site with more gets the first ones (by folder order) and `truncated`. */
export const MAX_LISTED_ASSETS = 5000;

/**
 * The images under the site-relative folders of `assetSources` (missing ones are skipped), each with the folder
 * it is found through and its path relative to that folder (forward slashes), sorted by folder order then path.
 * An image reached through two overlapping folders (`_assets` and `_assets/images`) is listed once.
 */
export async function listAssetImages(root: string, assetSources: readonly string[], limit = MAX_LISTED_ASSETS): Promise<AssetListing> {
  const index = await buildAssetIndex(root, assetSources);
  const order = new Map(index.folders.map((f, i) => [f, i]));
  const all: AssetImage[] = [];
  for (const file of index.files) {
    if (!imageTypeOfName(file)) continue;
    const named = logicalPathOf(file, index);
    if (named) all.push({ source: named.folder, path: named.logicalPath, size: index.sizes.get(file) ?? 0 });
  }
  all.sort((a, b) => order.get(a.source)! - order.get(b.source)! || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { images: all.slice(0, limit), truncated: index.truncated || all.length > limit };
}
