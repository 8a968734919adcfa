/**
 * Reads one image of a site for the preview. The preview never loads files by URL: it asks for a site path and
 * gets the bytes only when the path stays inside the site and one of its asset folders, names an image and the
 * bytes are that image, and it is not too big.
 */
import { constants, promises as fs } from 'node:fs';
import { AppFailure } from '../../../shared/contract/errors';
import type { AssetData } from '../../../shared/contract/models';
import { isInside, normalizeRel, resolveInside } from '../paths';
import { imageTypeOfName, sniffImage } from './image-type';

/** Images larger than this are not shown in the preview (a post's pictures are far smaller). */
export const MAX_ASSET_BYTES = 20 * 1024 * 1024;

/** The asset folder (site-relative) a normalized path lies in, or null. */
function sourceOf(rel: string, assetSources: readonly string[]): string | null {
  for (const source of assetSources) {
    const clean = source.replace(/^\/+|\/+$/g, '');
    if (clean && rel.startsWith(`${clean}/`)) return clean;
  }
  return null;
}

/**
 * Returns the image at site-relative `rel` as base64 with its MIME type. Refuses (`outside-site`, `refused`,
 * `not-found`, `too-large`) anything that is not an image file inside one of `assetSources`.
 */
export async function readAsset(root: string, assetSources: readonly string[], rel: string): Promise<AssetData> {
  const normalized = normalizeRel(rel);
  const source = sourceOf(normalized, assetSources);
  if (!source) throw new AppFailure('refused', `${rel} is not in one of the site's asset folders.`, { path: rel });
  const mime = imageTypeOfName(normalized);
  if (!mime) throw new AppFailure('refused', `${rel} is not an image the preview shows.`, { path: rel });
  const real = await resolveInside(root, normalized);
  // A symlink inside an asset folder may lead elsewhere in the site; only the asset folder itself counts.
  const realSource = await resolveInside(root, source);
  if (!isInside(realSource, real)) throw new AppFailure('refused', `${rel} leads out of the asset folder ${source}.`, { path: rel });
  let handle;
  try {
    // O_NONBLOCK: a FIFO named like an image answers at once (and is refused below) instead of blocking every call;
    // O_NOFOLLOW: `real` is a real path, so a link there now was swapped in after the check and is refused.
    handle = await fs.open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    throw new AppFailure('not-readable', `${rel} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { path: rel });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AppFailure('refused', `${rel} is not a file.`, { path: rel });
    if (stat.size > MAX_ASSET_BYTES) throw new AppFailure('too-large', `${rel} is larger than ${MAX_ASSET_BYTES / 1024 / 1024} MB.`, { path: rel });
    const bytes = await handle.readFile();
    if (bytes.length > MAX_ASSET_BYTES) throw new AppFailure('too-large', `${rel} is larger than ${MAX_ASSET_BYTES / 1024 / 1024} MB.`, { path: rel });
    const actual = sniffImage(bytes);
    if (actual !== mime) {
      throw new AppFailure('refused', `${rel} is not the image its name says (${actual ?? 'not an image'}).`, { path: rel });
    }
    return { mime, base64: bytes.toString('base64') };
  } finally {
    await handle.close();
  }
}
