/**
 * `pressroom render <file>`: prints a post's HTML body as the preview renders it (same renderPost), with
 * `{% asset %}` as the URL jekyll-assets writes on the site, so scripts and diffs can check a post without a window.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../shared/contract/errors';
import type { SiteRenderContext } from '../../shared/contract/models';
import { renderPost } from '../../shared/render/render-post';
import { postUrlLookup } from '../../shared/render/site-context';
import type { RenderOutput, SiteContext } from '../../shared/render/render-types';
import { resolveAssetMatch } from '../../shared/site/asset-lookup';
import { buildAssetIndex, renderAssetIndex } from '../services/assets';
import { loadSiteConfig } from '../services/site';
import { openSite } from '../services/site';
import { postUrls, readConfigData, readSiteData } from '../services/site';

/** Help of the command, shown by `pressroom render --help` and `pressroom help render`. */
export const RENDER_HELP = `Usage: pressroom render <file> [--site <dir>]

Prints the HTML body of the post <file> as Pressroom's preview renders it: front matter split off,
Liquid run with the site's config and _data, then kramdown-style Markdown. {% asset %} paths become
the site URLs jekyll-assets writes (/assets/...). Problems (a missing asset, a Liquid error, HTML
never closed or nested too deeply for Jekyll) are listed on stderr as <file>:<line>: <message>;
the HTML is still printed.

Options:
  --site <dir>  The Jekyll site the post belongs to; by default the nearest folder above <file>
                that has a _config.yml (without one, the post renders without site data).
  -h, --help    Show this help.
`;

/** Posts larger than this are not rendered (the editor refuses to open them too). */
const MAX_POST_BYTES = 16 * 1024 * 1024;

/** The nearest folder at or above `dir` with a `_config.yml` or `_config.yaml`; null when there is none. */
export function findSiteRoot(dir: string): string | null {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(current, '_config.yml')) || existsSync(path.join(current, '_config.yaml'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** The site's render context for the CLI: like `site.renderContext` (the same asset index), posts read only when the post needs them. */
export async function contextFor(root: string, needsPosts: boolean): Promise<SiteRenderContext> {
  const warnings: string[] = [];
  const config = await readConfigData(root, warnings);
  const data = await readSiteData(root, warnings);
  const { assetSources } = await loadSiteConfig(root);
  const assets = renderAssetIndex(await buildAssetIndex(root, assetSources));
  const posts = needsPosts ? postUrls((await openSite(root)).posts, config) : [];
  return { config, data, assetSources, assets, posts, warnings };
}

/**
 * A SiteContext whose assets are the URLs jekyll-assets writes: `<baseurl>/assets/<logical path>` for a path
 * the asset index resolves (with the extension of the file found, as for `{% asset logo %}`), without the digest.
 */
export function cliSiteContext(ctx: SiteRenderContext): SiteContext {
  const baseurl = typeof ctx.config.baseurl === 'string' ? ctx.config.baseurl.replace(/\/+$/, '') : '';
  return {
    config: ctx.config,
    data: ctx.data,
    assetUrl: (assetPath) => {
      const found = resolveAssetMatch(assetPath, ctx.assets);
      return found ? `${baseurl}/assets/${found.logicalPath}` : null;
    },
    postUrl: postUrlLookup(ctx.posts, ctx.config),
  };
}

/** Reads a post for the CLI: a regular file, at most 16 MB, UTF-8 text; the reasons as AppFailures naming `file`. */
export async function readPostText(file: string): Promise<string> {
  const abs = path.resolve(file);
  const stat = await fs.stat(abs).catch(() => null);
  if (!stat?.isFile()) throw new AppFailure('not-found', `There is no file at ${file}.`, { path: file });
  if (stat.size > MAX_POST_BYTES) throw new AppFailure('too-large', `${file} is larger than ${MAX_POST_BYTES / 1024 / 1024} MB.`, { path: file });
  const bytes = await fs.readFile(abs);
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    source = '\u0000';
  }
  if (source.includes('\u0000')) throw new AppFailure('not-text', `${file} is not UTF-8 text.`, { path: file });
  return source;
}

/** The site a CLI command works in: `--site` (which must be one), else the nearest folder above the post with a `_config.yml`. */
export function siteRootFor(abs: string, siteDir?: string): string | null {
  const root = siteDir === undefined ? findSiteRoot(path.dirname(abs)) : path.resolve(siteDir);
  if (siteDir !== undefined && findSiteRoot(root!) !== root) throw new AppFailure('not-a-site', `${siteDir} is not a Jekyll site: it has no _config.yml.`, { path: siteDir });
  return root;
}

/** A render context without a site, for a post on its own. */
export const EMPTY_RENDER_CONTEXT: SiteRenderContext = { config: {}, data: {}, assetSources: [], assets: { folders: [], files: [], truncated: false }, posts: [], warnings: [] };

/** Renders `file` (against `siteDir`, or the site found above it) and returns the output. */
export async function renderFile(file: string, siteDir?: string): Promise<{ output: RenderOutput; root: string | null }> {
  const abs = path.resolve(file);
  const source = await readPostText(file);
  const root = siteRootFor(abs, siteDir);
  const ctx = root ? await contextFor(root, source.includes('post_url')) : EMPTY_RENDER_CONTEXT;
  const rel = root && abs.startsWith(root + path.sep) ? path.relative(root, abs).split(path.sep).join('/') : path.basename(abs);
  try {
    return { output: renderPost({ source, site: cliSiteContext(ctx), path: rel }), root };
  } catch (error) {
    // Only a post nested deeper than the call stack holds gets here (renderPost reports everything else).
    if (error instanceof RangeError) throw new AppFailure('refused', `${file} is nested too deeply to render (${error.message}).`, { path: file });
    throw error;
  }
}
