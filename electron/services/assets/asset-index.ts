/**
 * Lists the files `{% asset %}` may name: every regular file under the site's asset search folders, read
 * without leaving the folder (a symlink counts only when it stays inside), without hidden files, and bounded
 * so a huge or deep tree cannot stall the app. `shared/site/asset-lookup.ts` decides on this list; the
 * preview gets it in the render context and `pressroom render` builds the same one.
 */
import type { Dirent } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SiteRenderContext } from '../../../shared/contract/models';
import type { AssetIndex } from '../../../shared/site/asset-lookup';
import { cleanAssetFolder } from '../../../shared/site/asset-lookup';
import { isInside, resolveInside } from '../paths';

/** Bounds of one index: files listed, folders visited, and folder depth below a search folder. */
export const ASSET_INDEX_LIMITS = { files: 20_000, folders: 20_000, depth: 12 } as const;

/** One file of the index with its size (the listing for the image picker needs it). */
export interface IndexedFile {
  /** Site-relative, forward slashes, spelled through the search folder it was found in. */
  file: string;
  size: number;
}

/** The index as main holds it: what the resolver needs, the sizes, and whether a bound cut it short. */
export interface SiteAssetIndex extends AssetIndex {
  readonly folders: string[];
  readonly files: string[];
  readonly sizes: ReadonlyMap<string, number>;
  readonly truncated: boolean;
}

async function entries(abs: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(abs, { withFileTypes: true });
  } catch {
    return [];
  }
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Walks the search `folders` (site-relative, in order) that exist inside the site and returns the index: the
 * folders found, in order, and each file once (the first folder that reaches it names it). A folder whose real
 * path is outside the site, a symlink leading out of its folder, anything but a regular file or folder (FIFO,
 * socket, device), dot-files and dot-folders are skipped; symlinked folders are not descended into.
 */
export async function buildAssetIndex(
  root: string,
  folders: readonly string[],
  limits: { files: number; folders: number; depth: number } = ASSET_INDEX_LIMITS,
): Promise<SiteAssetIndex> {
  const found: string[] = [];
  const sizes = new Map<string, number>();
  let truncated = false;
  let visited = 0;
  for (const raw of folders) {
    const folder = cleanAssetFolder(raw);
    if (folder === null || found.includes(folder)) continue;
    let realFolder: string;
    try {
      realFolder = await resolveInside(root, folder);
      if (!(await fs.stat(realFolder)).isDirectory()) continue;
    } catch {
      continue;
    }
    found.push(folder);
    if (truncated) continue;
    const queue: Array<{ rel: string; depth: number }> = [{ rel: '', depth: 0 }];
    while (queue.length > 0 && !truncated) {
      const { rel, depth } = queue.shift()!;
      if (++visited > limits.folders) {
        truncated = true;
        break;
      }
      const dir = rel ? path.join(realFolder, ...rel.split('/')) : realFolder;
      for (const entry of (await entries(dir)).sort(byName)) {
        if (entry.name.startsWith('.')) continue;
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        const abs = path.join(dir, entry.name);
        let stat;
        try {
          if (entry.isSymbolicLink()) {
            if (!isInside(realFolder, await fs.realpath(abs))) continue;
            stat = await fs.stat(abs);
          } else stat = await fs.lstat(abs);
        } catch {
          continue;
        }
        if (stat.isDirectory()) {
          if (entry.isSymbolicLink()) continue;
          if (depth + 1 < limits.depth) queue.push({ rel: childRel, depth: depth + 1 });
          else truncated = true;
          continue;
        }
        if (!stat.isFile()) continue;
        const file = `${folder}/${childRel}`;
        if (sizes.has(file)) continue;
        if (sizes.size >= limits.files) {
          truncated = true;
          break;
        }
        sizes.set(file, stat.size);
      }
    }
  }
  return { folders: found, files: [...sizes.keys()], sizes, truncated };
}

/** The index as the render context carries it to the renderer (and to `pressroom render`): plain data, no sizes. */
export function renderAssetIndex(index: SiteAssetIndex): SiteRenderContext['assets'] {
  return { folders: [...index.folders], files: [...index.files], truncated: index.truncated };
}
