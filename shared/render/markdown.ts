/**
 * Markdown → HTML as Jekyll's kramdown does it (`input: GFM`, `auto_ids`, `hard_wrap: false`, smart quotes,
 * `entity_output: as_char`, rouge), built on markdown-it with rules that reproduce kramdown's behaviour.
 * What still differs is listed by the golden test (shared/render/golden.test.ts).
 */
import MarkdownItCtor, { type MarkdownIt } from 'markdown-it';
import deflist from 'markdown-it-deflist';
import footnote from 'markdown-it-footnote';
import { kramdownExtensionsPlugin } from './kramdown-extensions';
import { linearFootnoteTail } from './kramdown-footnotes';
import { kramdownHtmlBlockPlugin } from './kramdown-html-block';
import { kramdownIalPlugin } from './kramdown-ial';
import { kramdownRenderPlugin } from './kramdown-render-rules';
import { kramdownStructurePlugin } from './kramdown-structure';

function create(): MarkdownIt {
  const md: MarkdownIt = new MarkdownItCtor({ html: true, xhtmlOut: true, breaks: false, linkify: false, typographer: false });
  // kramdown leaves URLs as written (no percent-encoding) and does not refuse any scheme; the preview's
  // sanitizer decides what may run.
  md.normalizeLink = (url: string) => url;
  md.normalizeLinkText = (text: string) => text;
  md.validateLink = () => true;
  md.use(footnote);
  md.use(deflist);
  // kramdown has no inline footnotes (^[...]).
  md.inline.ruler.disable('footnote_inline');
  linearFootnoteTail(md);
  kramdownHtmlBlockPlugin(md);
  kramdownIalPlugin(md);
  kramdownStructurePlugin(md);
  kramdownRenderPlugin(md);
  kramdownExtensionsPlugin(md);
  return md;
}

let instance: MarkdownIt | null = null;

/**
 * Renders kramdown-flavoured Markdown (after Liquid) to an HTML body. One shared parser: creating one is slow.
 * `env` is markdown-it's: a caller collects what the rules noticed there (see `HTML_FINDINGS`).
 */
export function renderMarkdown(source: string, env: Record<string, unknown> = {}): string {
  instance ??= create();
  return instance.render(source, env);
}

/** One top-level block of the rendered HTML and the zero-based line of the Markdown it starts on (null: none). */
export interface MarkdownBlock {
  line: number | null;
  html: string;
}

/**
 * Renders like `renderMarkdown` but returns the top-level blocks one by one, each with its source line, so the
 * preview can patch and scroll block by block. Joined, the blocks are exactly `renderMarkdown`'s output.
 */
export function renderMarkdownBlocks(source: string, env: Record<string, unknown> = {}): MarkdownBlock[] {
  instance ??= create();
  const tokens = instance.parse(source, env);
  const blocks: MarkdownBlock[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    depth += tokens[i].nesting;
    if (depth > 0) continue;
    const slice = tokens.slice(start, i + 1);
    start = i + 1;
    depth = 0;
    const mapped = slice.find((t) => t.map);
    blocks.push({ line: mapped?.map ? mapped.map[0] : null, html: instance.renderer.render(slice, instance.options, env) });
  }
  if (start < tokens.length) {
    const slice = tokens.slice(start);
    const mapped = slice.find((t) => t.map);
    blocks.push({ line: mapped?.map ? mapped.map[0] : null, html: instance.renderer.render(slice, instance.options, env) });
  }
  return blocks;
}
