/**
 * jekyll-assets' `{% asset path key="value" … %}` for the Liquid step: the path is looked up through the
 * site (`SiteContext.assetUrl`, which resolves with `shared/site/asset-lookup.ts`), and the `<img>` carries
 * exactly what the plugin writes: the tag's HTML attributes in their order, then `src` (jekyll-assets 3.x:
 * `Default::Img#set_src` adds `src` to the tag's arguments last, and `HTML::IMG#run` builds the element from
 * `args.to_h(html: true, skip: HTML.skips)`, which leaves out argv1, nested `key:sub=value` arguments such as
 * `vips:format=".webp"` or `magick:resize=…`, `!flags`, and the keys external, inline, path, data, pic and
 * the proxies). No `alt` is added when the tag gives none.
 */
import { Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import type { RenderProblem, SiteContext } from './render-types';
import { escapeHtml } from '../util/escape-html';

/** What the asset tag needs of the Liquid run it renders in (held by `jekyll-liquid.ts`). */
export interface AssetTagRun {
  site: SiteContext;
  problems: RenderProblem[];
}

/** The parts of the Liquid step the tag uses, handed in so this module does not import its caller. */
export interface AssetTagHooks {
  /** The run being rendered. */
  current(): AssetTagRun;
  /** The file line of a token (for the `missing-asset` problem). */
  fileLine(token: { input: string; begin: number }): number;
  /** Renders `{{ … }}` inside the tag's arguments. */
  expandArgs(liquid: Liquid, args: string, ctx: Context): Generator<unknown, string, unknown>;
}

/** A parsed `{% asset %}`: the path (argv1), the HTML attributes in order, and the `@flags`. */
export interface AssetTagArgs {
  path: string;
  attrs: Array<[string, string]>;
  flags: string[];
}

/** Argument keys jekyll-assets never writes as attributes (`HTML.skips`: its own options and the image proxies). */
const NOT_ATTRIBUTES = new Set(['external', 'inline', 'path', 'data', 'pic', 'magick', 'vips', 'optim']);

const ARG_RE = /\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/y;

/**
 * Splits tag arguments as liquid-tag-parser does for the cases posts use: the first is the path (quotes
 * optional), then `key=value` pairs (quoted or bare) and `@flags`; a `key:sub=value` is a processor argument
 * (a nested hash in the plugin), never an attribute.
 */
export function parseAssetArgs(args: string): AssetTagArgs {
  ARG_RE.lastIndex = 0;
  const first = ARG_RE.exec(args);
  const path = first ? (first[1] ?? first[2] ?? first[3]) : '';
  const rest = first ? args.slice(ARG_RE.lastIndex) : args;
  const attrs: Array<[string, string]> = [];
  const flags: string[] = [];
  for (const m of rest.matchAll(/([@!\w:.-]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g)) {
    const key = m[1];
    if (key.startsWith('@')) flags.push(key);
    else if (key.startsWith('!') || key.includes(':') || NOT_ATTRIBUTES.has(key.toLowerCase())) continue;
    else if (m[2] !== undefined || m[3] !== undefined || m[4] !== undefined) attrs.push([key, m[2] ?? m[3] ?? m[4]]);
  }
  return { path, attrs, flags };
}

/** The `<img>` jekyll-assets writes for `url` and the tag's attributes: theirs in order, `src` in place or last. */
export function assetImgHtml(url: string, attrs: ReadonlyArray<readonly [string, string]>): string {
  const list = attrs.some(([k]) => k === 'src') ? attrs.map(([k, v]) => [k, k === 'src' ? url : v] as const) : [...attrs, ['src', url] as const];
  return `<img${list.map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('')}>`;
}

/** Builds the `asset` tag class over the Liquid step's run (`jekyll-liquid.ts` registers it). */
export function createAssetTag(hooks: AssetTagHooks) {
  return class AssetTag extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const args = (yield* hooks.expandArgs(this.liquid, this.token.args, ctx)) as string;
      const { path, attrs, flags } = parseAssetArgs(args);
      const run = hooks.current();
      const url = path ? run.site.assetUrl(path) : null;
      const asPath = flags.includes('@path') || flags.includes('@uri') || flags.includes('@url');
      if (url === null) {
        run.problems.push({ kind: 'missing-asset', message: `Asset not found: ${path || '(no path)'}`, line: hooks.fileLine(this.token) });
        // Inside an attribute (the @path form) a tag would break the HTML, so there it is a marked URL.
        emitter.write(asPath ? `#pr-missing-asset:${encodeURIComponent(path)}` : `<span class="pr-missing">${escapeHtml(path || 'asset')}</span>`);
        return;
      }
      emitter.write(asPath ? url : assetImgHtml(url, attrs));
    }
  };
}
