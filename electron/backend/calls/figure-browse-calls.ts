/** `figure.browse` and `figure.thumbnail`: the asset browser's list of the site's images and their small previews. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { AppFailure } from '../../../shared/contract/errors';
import type { FigureAsset } from '../../../shared/contract/figure-models';
import { cleanAssetFolder } from '../../../shared/site/asset-lookup';
import { buildAssetIndex, imageTypeOfName } from '../../services/assets';
import { imageSizeOf, imageUsage, loadFigureSettings, thumbnailOf } from '../../services/figures';
import { isInside, normalizeRel, resolveInside } from '../../services/paths';
import { readConfigData } from '../../services/site';
import type { CallContext } from './call-context';

/** Images the browser lists at most; a site with more gets the first ones and `truncated`. */
export const MAX_BROWSED_IMAGES = 5000;

/** Time spent reading image sizes at most; the rest show none rather than keep the browser waiting. */
const SIZE_BUDGET_MS = 1500;

/** Image headers read at the same time. */
const SIZE_CONCURRENCY = 16;

function configText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Each image's width and height from its header, in parallel and within the time budget (null past it). */
async function sizesOf(root: string, files: readonly string[]): Promise<Array<{ width: number; height: number } | null>> {
  const sizes: Array<{ width: number; height: number } | null> = files.map(() => null);
  const deadline = Date.now() + SIZE_BUDGET_MS;
  let next = 0;
  const worker = async () => {
    while (next < files.length && Date.now() < deadline) {
      const i = next++;
      try {
        sizes[i] = await imageSizeOf(await resolveInside(root, files[i]));
      } catch {
        sizes[i] = null;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SIZE_CONCURRENCY, files.length) }, worker));
  return sizes;
}

/** The asset folder (one of the site's asset sources) a site path lies in, or null. */
function assetFolderOf(rel: string, assetSources: readonly string[]): string | null {
  for (const source of assetSources) {
    const folder = cleanAssetFolder(source);
    if (folder && rel.startsWith(`${folder}/`)) return folder;
  }
  return null;
}

/** The `figure.browse` and `figure.thumbnail` calls. */
export function createFigureBrowseCalls(ctx: CallContext): Pick<AreaHandlers<'figure'>, 'figure.browse' | 'figure.thumbnail'> {
  const { sites } = ctx;
  return {
    'figure.browse': async ({ site }) => {
      const { root, opened } = sites.require(site);
      const [index, settings, config] = await Promise.all([buildAssetIndex(root, opened.summary.assetSources), loadFigureSettings(root), readConfigData(root)]);
      const all = index.files.filter((file) => imageTypeOfName(file) !== null);
      const files = all.slice(0, MAX_BROWSED_IMAGES);
      const [usage, sizes] = await Promise.all([
        imageUsage(root, opened.posts, index, { baseurl: configText(config.baseurl), url: configText(config.url) }),
        sizesOf(root, files),
      ]);
      const images: FigureAsset[] = files.map((file, i) => ({
        path: file,
        reference: settings.referenceOf(file),
        bytes: index.sizes.get(file) ?? 0,
        width: sizes[i]?.width ?? null,
        height: sizes[i]?.height ?? null,
        usedBy: usage.get(file) ?? [],
      }));
      return { images, truncated: index.truncated || all.length > files.length };
    },

    'figure.thumbnail': async ({ site, path }) => {
      const { root, opened } = sites.require(site);
      const rel = normalizeRel(path);
      if (!imageTypeOfName(rel)) throw new AppFailure('not-supported', `${rel} is not an image.`, { path: rel });
      const folder = assetFolderOf(rel, opened.summary.assetSources);
      if (!folder || rel.split('/').some((part) => part.startsWith('.'))) {
        throw new AppFailure('refused', `${rel} is not one of the site's images (they are in ${opened.summary.assetSources.join(', ') || 'no asset folder'}).`, { path: rel });
      }
      const real = await resolveInside(root, rel);
      // A link inside an asset folder may lead elsewhere in the site; only the asset folder itself counts.
      if (!isInside(await resolveInside(root, folder), real)) {
        throw new AppFailure('outside-site', `${rel} leads out of the asset folder ${folder}.`, { path: rel });
      }
      return thumbnailOf(real, ctx.appState.dir);
    },
  };
}
