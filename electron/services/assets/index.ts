/** The assets area's public face: reading one checked image, listing the site's images, and the asset index `{% asset %}` resolves in. */
export { readAsset } from './asset-service';
export { imageTypeOfName, sniffImage } from './image-type';
export { listAssetImages } from './list-assets';
export { ASSET_INDEX_LIMITS, buildAssetIndex, renderAssetIndex, type SiteAssetIndex } from './asset-index';
