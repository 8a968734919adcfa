/**
 * The one Markdown+Liquid → HTML function that preview and export share. It renders the body of a post the
 * way Jekyll does: front matter split off, Liquid run on the whole body (code blocks included) with `page`
 * and `site`, then kramdown-compatible Markdown. The HTML is not sanitised here.
 */
import { splitFrontMatter } from './front-matter';
import { renderLiquid } from './jekyll-liquid';
import { kramdownTypography } from './kramdown-typography';
import { renderMarkdown, renderMarkdownBlocks } from './markdown';
import { buildPage } from './page-context';
import { htmlFindings } from './html-problems';
import type { RenderBlock, RenderInput, RenderOutput } from './render-types';
import { alignLines, withLineAttribute } from './source-lines';

export type { RenderBlock, RenderInput, RenderOutput, RenderProblem, SiteContext } from './render-types';

/** The Markdown Jekyll hands to kramdown: the body after the Liquid step (the golden files are made from it). */
export function prepareMarkdown(input: RenderInput): {
  markdown: string;
  frontMatter: Record<string, unknown>;
  problems: RenderOutput['problems'];
  /** The body as written and the one-based file line it starts on (for source lines). */
  body: string;
  bodyLine: number;
} {
  const split = splitFrontMatter(input.source);
  const problems: RenderOutput['problems'] = [];
  // The split's line is already the file's (the opening --- counted), as in the form and the editor.
  if (split.error) problems.push({ kind: 'front-matter', ...split.error });
  const page = buildPage(split.frontMatter, input.path, input.site.config);
  const site = { ...input.site.config, data: input.site.data ?? {} };
  const liquid = renderLiquid(split.body, { page, site }, input.site, split.bodyLine, {
    markdownify: (text) => renderMarkdown(text),
    smartify: (text) => kramdownTypography(text, '').join(''),
  });
  problems.push(...liquid.problems);
  return { markdown: liquid.output, frontMatter: split.frontMatter, problems, body: split.body, bodyLine: split.bodyLine };
}

/** Renders a whole post file (front matter included) to its HTML body, collecting problems instead of throwing. */
export function renderPost(input: RenderInput): RenderOutput {
  const prepared = prepareMarkdown(input);
  const { markdown, frontMatter, body, bodyLine } = prepared;
  // Unclosed or too deeply nested HTML, placed on the file's lines (the alignment is made only when needed).
  const found = htmlFindings();
  if (!input.sourceLines) {
    const out = renderMarkdown(markdown, found.env);
    let align: ((line: number) => number) | null = null;
    return { html: out, frontMatter, problems: found.addTo(prepared.problems, (l) => bodyLine + (align ??= alignLines(body, markdown))(l)) };
  }
  const toSource = alignLines(body, markdown);
  let last = bodyLine;
  const blocks: RenderBlock[] = renderMarkdownBlocks(markdown, found.env).map((b) => {
    // Lines only go down the file (scroll sync searches them); a block without a line of its own (generated,
    // like the footnotes) or with an earlier one (from inside an HTML block) sits after the one before it.
    if (b.line !== null) last = Math.max(last, bodyLine + toSource(b.line));
    return { line: last, html: b.html };
  });
  // The preview reads only the blocks; the joined HTML (200 KB for a long post) is made when someone reads it.
  let html: string | null = null;
  return {
    get html() {
      html ??= blocks.map((b) => withLineAttribute(b.html, b.line)).join('');
      return html;
    },
    frontMatter,
    problems: found.addTo(prepared.problems, (l) => bodyLine + toSource(l)),
    blocks,
  };
}
