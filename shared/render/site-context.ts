/**
 * The SiteContext the preview renders with, built from what `site.renderContext` sent. Plain data in, so the
 * render worker can build the same context from a message. `{% asset %}` resolves through the one resolver
 * (`shared/site/asset-lookup.ts`) over the site's asset index: a found asset becomes a `pressroom-asset:`
 * marker naming the site-relative file, which the preview turns into a blob: URL (never a URL the frame could
 * load by itself); one not found is a `missing-asset` problem with its line, as `pressroom render` reports it.
 */
import type { SiteRenderContext } from '../contract/models';
import type { SiteContext } from './render-types';
import { resolveAsset } from '../site/asset-lookup';

/** The scheme of the internal asset marker `{% asset %}` renders to in the preview. */
export const ASSET_MARKER = 'pressroom-asset:';

/** A context for a site that has not answered yet (or failed): no data, no posts, no assets. */
export const EMPTY_RENDER_CONTEXT: SiteRenderContext = {
  config: {},
  data: {},
  assetSources: [],
  assets: { folders: [], files: [], truncated: false },
  posts: [],
  warnings: [],
};

/**
 * `{% post_url %}` over the site's post list: by name and the page's language first (each language is built from its
 * own `_i18n/<lang>/_posts/`), else by name alone, where the default language's post wins (it comes last in the list);
 * with the site's baseurl in front, as Jekyll 4 writes it.
 */
export function postUrlLookup(list: SiteRenderContext['posts'], config: Record<string, unknown>): SiteContext['postUrl'] {
  // Jekyll 4 writes relative_url(post): the site's baseurl in front.
  const base = typeof config.baseurl === 'string' ? config.baseurl.replace(/\/+$/, '') : '';
  const prefix = base && !base.startsWith('/') ? `/${base}` : base;
  const byName = new Map(list.map((p) => [p.name, prefix + p.url]));
  const byLanguage = new Map(list.filter((p) => p.language).map((p) => [`${p.language}\n${p.name}`, prefix + p.url]));
  return (name, language) => (language ? byLanguage.get(`${language}\n${name.trim()}`) : undefined) ?? byName.get(name.trim()) ?? null;
}

/** Builds the renderPost SiteContext: `{% asset x %}` → `pressroom-asset:<file x resolves to>`, `{% post_url n %}` from the post list. */
export function previewSiteContext(ctx: SiteRenderContext): SiteContext {
  const postUrl = postUrlLookup(ctx.posts, ctx.config);
  return {
    config: ctx.config,
    data: ctx.data,
    assetUrl: (path) => {
      const file = resolveAsset(path, ctx.assets);
      return file === null ? null : ASSET_MARKER + file;
    },
    postUrl,
  };
}
