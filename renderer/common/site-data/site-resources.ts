/**
 * The per-site data the renderer caches, each with the changes that make it stale: the front-matter schema,
 * the preview's render context, the listing of the site's images and each image as a blob: URL.
 */
import type { AssetListing, FrontMatterSchema, SiteRenderContext } from '../../../shared/contract/models';
import { SCHEMA_FILE_NAME } from '../../../shared/front-matter/schema';
import { postKindOfPath } from '../../../shared/site/conventions';
import { toBlobUrl } from './blob-url';
import { createSiteResource, type SiteSignal } from './site-data';

const CONFIG = /^_config\.ya?ml$/;
const IMAGE = /\.(png|jpe?g|gif|webp|avif|bmp|ico|svg)$/i;

function changedPath(signal: SiteSignal): string | null {
  return signal.type === 'file.changed' ? signal.path : null;
}

/** True for the files the front-matter form is made of: `.pressroom.yml`, `_config.yml`, layouts and the posts (their categories, authors…). */
export function affectsFrontMatterSchema(path: string): boolean {
  return path === SCHEMA_FILE_NAME || path === SCHEMA_FILE_NAME.replace(/yml$/, 'yaml') || CONFIG.test(path) || path.startsWith('_layouts/') || postKindOfPath(path) !== null;
}

/** True for the files the preview's render context is made of: `_config.yml` and `_data/`. */
export function affectsRenderContext(path: string): boolean {
  return CONFIG.test(path) || path.startsWith('_data/');
}

/** The site's front-matter form, kept while the site is open; stale when its files change or a post is created here. */
export const frontMatterSchemaResource = createSiteResource<void, FrontMatterSchema>({
  name: 'front-matter schema',
  load: (api, site) => api['site.frontMatterSchema']({ site }),
  invalidatedBy: (signal) => signal.type === 'post.created' || affectsFrontMatterSchema(signal.path),
  keepUnused: true,
});

/** The preview's Liquid context (config, data, posts for `post_url`, the asset index); stale when `_config.yml`, `_data/` or an asset folder changes or a post is created. */
export const renderContextResource = createSiteResource<void, SiteRenderContext>({
  name: 'render context',
  load: (api, site) => api['site.renderContext']({ site }),
  // Also stale when a file in one of its asset folders changes: the asset index `{% asset %}` resolves in is part of it.
  invalidatedBy: (signal, _key, context) => {
    if (signal.type === 'post.created') return true;
    const path = changedPath(signal);
    return path !== null && (affectsRenderContext(path) || (context?.assets.folders.some((f) => path.startsWith(`${f}/`)) ?? false));
  },
  keepUnused: true,
});

/** The images of the site's asset folders; stale when anything in one of those folders (or any image file) changes. */
export const assetListingResource = createSiteResource<void, AssetListing>({
  name: 'asset listing',
  load: (api, site) => api['asset.list']({ site }),
  invalidatedBy: (signal, _key, listing) => {
    const path = changedPath(signal);
    if (path === null) return false;
    return IMAGE.test(path) || (listing?.images.some((img) => path.startsWith(`${img.source.replace(/\/+$/, '')}/`)) ?? false);
  },
  keepUnused: true,
});

/** One image of the site (a site path) as a blob: URL, revoked once nobody shows it; stale when that file changes. */
export const assetImageResource = createSiteResource<string, string>({
  name: 'asset image',
  load: async (api, site, path) => {
    const r = await api['asset.read']({ site, path });
    return r.ok ? { ok: true, value: toBlobUrl(r.value.base64, r.value.mime) } : r;
  },
  invalidatedBy: (signal, path) => changedPath(signal) === path,
  dispose: (url) => URL.revokeObjectURL(url),
});
