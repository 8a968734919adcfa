/**
 * The Liquid step of Jekyll, run before Markdown on the whole body (code blocks included), with the tags and
 * filters posts use. In-memory only: no file system, no includes; unknown tags become visible placeholders,
 * and limits stop templates that are too big, too slow or too hungry instead of hanging the preview.
 */
import { Liquid, Tag, type Context, type Emitter, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import type { RenderProblem, SiteContext } from './render-types';
import { jekyllSlugify } from './page-context';
import { escapeHtml } from '../util/escape-html';
import { createAssetTag } from './liquid-asset-tag';
import { lineOfOffset } from '../util/line-starts';
import { parseLiquid } from './liquid-parse';

/** Limits for one render: characters parsed, milliseconds rendering, and allocation units (liquidjs's measure). */
// Parsing is linear (liquid-parse.ts), so the parse limit is the largest post the editor opens (16 MB).
export const LIQUID_LIMITS = { parseLimit: 16_000_000, renderLimit: 1_000, memoryLimit: 50_000_000 } as const;

interface Run {
  site: SiteContext;
  problems: RenderProblem[];
  lineOffset: number;
  body: string;
  markdownify: (text: string) => string;
  smartify: (text: string) => string;
}

const runs: Run[] = [];
const current = (): Run => runs[runs.length - 1];


function lineOf(token: { input: string; begin: number }): number {
  // Line starts are counted once per input, so a post with many tags or problems costs its length once.
  return lineOfOffset(token.input, token.begin);
}

function fileLine(token: { input: string; begin: number }): number {
  return lineOf(token) + current().lineOffset - 1;
}

/** Renders `{{ … }}` inside tag arguments, as jekyll-assets allows (`{% asset {{ page.image }} %}`). */
function* expandArgs(liquid: Liquid, args: string, ctx: Context): Generator<unknown, string, unknown> {
  if (!args.includes('{{')) return args;
  const tpls = liquid.parse(args);
  return String(yield liquid.renderer.renderTemplates(tpls, ctx));
}

class PostUrlTag extends Tag {
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const name = ((yield* expandArgs(this.liquid, this.token.args, ctx)) as string).trim();
    const run = current();
    // Each language is built from its own `_i18n/<lang>/_posts/`: a link finds the post of the page's language first.
    const pagePath = String(ctx.getSync(['page', 'path']) ?? '');
    const url = run.site.postUrl(name, /^_i18n\/([^/]+)\//.exec(pagePath)?.[1] ?? null);
    if (url === null) {
      run.problems.push({ kind: 'missing-post', message: `Post not found: ${name}`, line: fileLine(this.token) });
      emitter.write(`#pr-missing-post:${encodeURIComponent(name)}`);
    } else emitter.write(url);
  }
}

/** Jekyll's `{% highlight lang %}`: the body (Liquid rendered) as rouge's figure markup, without colours. */
class HighlightTag extends Tag {
  private readonly lang: string;
  private readonly body: Template[] = [];
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.lang = token.args.trim().split(/\s+/)[0] ?? '';
    let closed = false;
    while (remain.length) {
      const t = remain.shift()!;
      if ('name' in t && (t as TagToken).name === 'endhighlight') {
        closed = true;
        break;
      }
      this.body.push(liquid.parser.parseToken(t, remain));
    }
    if (!closed) throw new Error(`tag {% highlight %} not closed`);
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const code = String(yield this.liquid.renderer.renderTemplates(this.body, ctx)).trim();
    const lang = escapeHtml(this.lang.toLowerCase());
    emitter.write(`<figure class="highlight"><pre><code class="language-${lang}" data-lang="${lang}">${escapeHtml(code).replace(/&quot;/g, '"')}</code></pre></figure>`);
  }
}

/** A tag we do not run (include, unknown plugins): shown as written, marked, never an error. */
class PlaceholderTag extends Tag {
  private readonly text: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.text = token.getText();
  }
  render(_ctx: Context, emitter: Emitter): void {
    emitter.write(`<span class="pr-liquid-placeholder">${escapeHtml(this.text)}</span>`);
  }
}

function baseurl(): string {
  const b = current().site.config.baseurl;
  return typeof b === 'string' ? b.replace(/\/$/, '') : '';
}

const leadingSlash = (s: string) => (!s || s.startsWith('/') ? s : `/${s}`);

function relativeUrl(input: unknown): unknown {
  if (input === null || input === undefined) return input;
  const s = String(input);
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return s;
  return leadingSlash(baseurl()) + leadingSlash(s);
}

function absoluteUrl(input: unknown): unknown {
  if (input === null || input === undefined) return input;
  const s = String(input);
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return s;
  const site = current().site.config.url;
  const rel = String(relativeUrl(s));
  return typeof site === 'string' && site ? site.replace(/\/$/, '') + rel : rel;
}

function createEngine(): Liquid {
  const engine = new Liquid({
    templates: {},
    relativeReference: false,
    dynamicPartials: false,
    jekyllInclude: true,
    jekyllWhere: true,
    strictFilters: false,
    strictVariables: false,
    ownPropertyOnly: true,
    preserveTimezones: true,
    // Dates without a written offset (YAML dates, file names) print in UTC, the same on every machine.
    timezoneOffset: 0,
    // Month and day names in English, as Ruby's strftime writes them (and no Intl lookup of the machine's locale,
    // which costs a new process 50 ms).
    locale: 'en-US',
    cache: false,
    ...LIQUID_LIMITS,
  });
  engine.registerTag('asset', createAssetTag({ current, fileLine, expandArgs }));
  engine.registerTag('post_url', PostUrlTag);
  engine.registerTag('highlight', HighlightTag);
  for (const name of ['include', 'include_relative', 'render', 'layout', 'link', 'section', 'block']) engine.registerTag(name, PlaceholderTag);
  engine.registerFilter('relative_url', relativeUrl);
  engine.registerFilter('absolute_url', absoluteUrl);
  engine.registerFilter('markdownify', (s: unknown) => current().markdownify(String(s ?? '')));
  engine.registerFilter('smartify', (s: unknown) => current().smartify(String(s ?? '')));
  engine.registerFilter('slugify', (s: unknown) => jekyllSlugify(String(s ?? '')));
  return engine;
}

let engine: Liquid | null = null;

// Names that only appear inside a known block tag, which parses them itself.
const INNER_TAGS = new Set(['else', 'elsif', 'when', 'endraw', 'endcomment']);
const TAG_NAME = /\{%-?\s*([A-Za-z_][\w-]*)/g;

/** Registers a placeholder for every tag name in `text` the engine does not know. */
function registerUnknownTags(liquid: Liquid, text: string): void {
  const known = new Set(Object.keys(liquid.tags));
  const names = new Set<string>();
  for (const m of text.matchAll(TAG_NAME)) names.add(m[1]);
  for (const name of names) {
    if (known.has(name) || INNER_TAGS.has(name)) continue;
    // End tags of known blocks are parsed by their block; only unknown names need a placeholder.
    const base = name.startsWith('end') ? name.slice(3) : null;
    if (base && known.has(base)) continue;
    liquid.registerTag(name, PlaceholderTag);
  }
}

/** Renders the Liquid in a post body. Never throws: problems are returned and the text is left as written. */
export function renderLiquid(
  body: string,
  scope: { page: Record<string, unknown>; site: Record<string, unknown> },
  site: SiteContext,
  lineOffset: number,
  hooks: { markdownify: (text: string) => string; smartify: (text: string) => string },
): { output: string; problems: RenderProblem[] } {
  const problems: RenderProblem[] = [];
  if (!body.includes('{%') && !body.includes('{{')) return { output: body, problems };
  engine ??= createEngine();
  runs.push({ site, problems, lineOffset, body, ...hooks });
  try {
    registerUnknownTags(engine, body);
    const output = String(engine.renderSync(parseLiquid(engine, body), scope));
    return { output, problems };
  } catch (e) {
    const err = e as Error & { token?: { input: string; begin: number } };
    const line = err.token && typeof err.token.begin === 'number' ? lineOf(err.token) + lineOffset - 1 : undefined;
    const kind = err.name === 'ParseError' || err.name === 'TokenizationError' ? 'liquid-syntax' : 'liquid-error';
    // Tags nested thousands deep overflow liquidjs's recursive parser: say what it means, not "Maximum call stack".
    const message = /Maximum call stack size exceeded/.test(err.message) ? 'Liquid tags are nested too deeply to run; the post is shown without running Liquid' : err.message.split('\n')[0];
    problems.push({ kind, message, ...(line !== undefined ? { line } : {}) });
    return { output: body, problems };
  } finally {
    runs.pop();
  }
}
