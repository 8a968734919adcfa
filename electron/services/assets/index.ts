/** The assets area's public face: reading one checked image and listing the site's images. */
export { readAsset } from './asset-service';
export { listAssetImages } from './list-assets';
