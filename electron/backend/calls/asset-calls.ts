/** `asset.*`: the images in an open site's asset folders. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { listAssetImages, readAsset } from '../../services/assets';
import type { CallContext } from './call-context';

/** The `asset.*` calls. */
export function createAssetCalls({ sites }: CallContext): AreaHandlers<'asset'> {
  return {
    'asset.read': async ({ site, path }) => {
      const { root, opened } = sites.require(site);
      return readAsset(root, opened.summary.assetSources, path);
    },
    'asset.list': async ({ site }) => {
      const { root, opened } = sites.require(site);
      return listAssetImages(root, opened.summary.assetSources);
    },
  };
}
