/**
 * The SiteContext the preview renders with, built from what `site.renderContext` sent. Plain data in, so the
 * render worker can build the same context from a message. Assets become `pressroom-asset:` markers that the
 * preview resolves to blob: URLs (never a URL the frame could load by itself).
 */
import type { SiteRenderContext } from '../../../shared/contract/models';
import type { SiteContext } from '../../../shared/render/render-types';

/** The scheme of the internal asset marker `{% asset %}` renders to in the preview. */
export const ASSET_MARKER = 'pressroom-asset:';

/** A context for a site that has not answered yet (or failed): no data, no posts. */
export const EMPTY_RENDER_CONTEXT: SiteRenderContext = { config: {}, data: {}, assetSources: [], posts: [], warnings: [] };

/** Builds the renderPost SiteContext: `{% asset x %}` → `pressroom-asset:x`, `{% post_url n %}` from the post list. */
export function previewSiteContext(ctx: SiteRenderContext): SiteContext {
  const posts = new Map(ctx.posts.map((p) => [p.name, p.url]));
  return {
    config: ctx.config,
    data: ctx.data,
    assetUrl: (path) => {
      const clean = path.trim().replace(/^\/+/, '');
      return clean ? ASSET_MARKER + clean : null;
    },
    postUrl: (name) => posts.get(name.trim()) ?? null,
  };
}
