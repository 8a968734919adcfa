/** `site.*`: opening a site and what the renderer reads about an open one (posts, form, render context with its asset index). */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { buildAssetIndex, renderAssetIndex } from '../../services/assets';
import { loadFrontMatterSchema, loadSiteConfig, readPostEntry, readRenderContext } from '../../services/site';
import type { SiteRenderContext } from '../../../shared/contract/models';
import { type CallContext, expandHome } from './call-context';
import type { OpenSite } from './open-sites';

/** An open site's render context with its asset index, as the preview and an export render the site's posts. */
export async function siteRenderContext(root: string, opened: OpenSite): Promise<SiteRenderContext> {
  const [context, assets] = await Promise.all([readRenderContext(root, opened.summary.assetSources, opened.posts), buildAssetIndex(root, opened.summary.assetSources)]);
  return { ...context, assets: renderAssetIndex(assets) };
}

/** The `site.*` calls. */
export function createSiteCalls(ctx: CallContext): AreaHandlers<'site'> {
  const { sites } = ctx;
  return {
    'site.open': async ({ path: sitePath }) => {
      const opened = await sites.scan(expandHome(sitePath, ctx.info.homeDir));
      sites.set(opened.summary.root, opened);
      try {
        await ctx.appState.addRecent(opened.summary.root, opened.summary.name);
      } catch (error) {
        // The site is open; failing to remember it must not take that away from the user.
        console.error('pressroom: could not update the recent sites', error);
      }
      return opened.summary;
    },

    'site.post': async ({ site, path: rel }) => {
      const { root, opened } = sites.require(site);
      const entry = await readPostEntry(root, await loadSiteConfig(root), rel);
      // The list the session keeps follows too, so asking for it next does not bring the old title back.
      const at = opened.posts.findIndex((p) => p.path === entry.path);
      if (at >= 0) sites.set(root, { ...opened, posts: opened.posts.map((p, i) => (i === at ? entry : p)) });
      return entry;
    },
    'site.posts': async ({ site, refresh }) => {
      const { root, opened } = sites.require(site);
      if (!refresh) return opened.posts;
      const rescanned = await sites.scan(root);
      sites.set(root, rescanned);
      if (rescanned.summary.root !== root) sites.set(rescanned.summary.root, rescanned);
      return rescanned.posts;
    },

    'site.frontMatterSchema': async ({ site }) => {
      const { root, opened } = sites.require(site);
      return loadFrontMatterSchema(root, await loadSiteConfig(root), opened.posts);
    },

    'site.renderContext': async ({ site }) => {
      const { root, opened } = sites.require(site);
      return siteRenderContext(root, opened);
    },
  };
}
