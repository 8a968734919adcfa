/**
 * Lists the images of a site's asset folders for the front-matter form's image picker (header image, avatars):
 * names and sizes only, read without following symlinks out of an asset folder, bounded so a huge image
 * library cannot stall the app.
 */
import type { Dirent } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AssetImage, AssetListing } from '../../../shared/contract/models';
import { isInside, resolveInside } from '../paths';
import { imageTypeOfName } from './image-type';

/** Images listed at most; a site with more gets the first ones (by folder order) and `truncated`. */
export const MAX_LISTED_ASSETS = 5000;
/** Folders visited at most per asset source, so a deep tree of empty folders ends quickly too. */
const MAX_FOLDERS = 20_000;

async function entries(abs: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(abs, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * The images under each site-relative folder of `assetSources` (missing ones are skipped), with paths relative
 * to their source and forward slashes, sorted by source then path. Hidden files and folders are left out; a
 * symlink counts only when it stays inside its asset folder.
 */
export async function listAssetImages(root: string, assetSources: readonly string[], limit = MAX_LISTED_ASSETS): Promise<AssetListing> {
  const images: AssetImage[] = [];
  let truncated = false;
  for (const raw of assetSources) {
    const source = raw.replace(/^\/+|\/+$/g, '');
    if (!source) continue;
    let realSource: string;
    try {
      realSource = await resolveInside(root, source);
    } catch {
      continue;
    }
    const found: AssetImage[] = [];
    const queue: string[] = [''];
    let folders = 0;
    while (queue.length > 0 && !truncated) {
      const rel = queue.shift()!;
      if (++folders > MAX_FOLDERS) {
        truncated = true;
        break;
      }
      const dir = rel ? path.join(realSource, ...rel.split('/')) : realSource;
      const list = (await entries(dir)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of list) {
        if (entry.name.startsWith('.')) continue;
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        const abs = path.join(dir, entry.name);
        let stat;
        try {
          stat = entry.isSymbolicLink() ? await fs.stat(abs) : await fs.lstat(abs);
          if (entry.isSymbolicLink() && !isInside(realSource, await fs.realpath(abs))) continue;
        } catch {
          continue;
        }
        if (stat.isDirectory()) {
          if (!entry.isSymbolicLink()) queue.push(childRel);
          continue;
        }
        if (!stat.isFile() || !imageTypeOfName(entry.name)) continue;
        if (images.length + found.length >= limit) {
          truncated = true;
          break;
        }
        found.push({ source, path: childRel, size: stat.size });
      }
    }
    found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    images.push(...found);
    if (truncated) break;
  }
  return { images, truncated };
}
