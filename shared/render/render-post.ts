/**
 * The one Markdown+Liquid → HTML function that preview and export share. It renders the body of a post the
 * way Jekyll does: front matter split off, Liquid run on the whole body (code blocks included) with `page`
 * and `site`, then kramdown-compatible Markdown. The HTML is not sanitised here.
 */
import { splitFrontMatter } from './front-matter';
import { renderLiquid } from './jekyll-liquid';
import { kramdownTypography } from './kramdown-typography';
import { renderMarkdown } from './markdown';
import { buildPage } from './page-context';
import type { RenderInput, RenderOutput } from './render-types';

export type { RenderInput, RenderOutput, RenderProblem, SiteContext } from './render-types';

/** The Markdown Jekyll hands to kramdown: the body after the Liquid step (the golden files are made from it). */
export function prepareMarkdown(input: RenderInput): { markdown: string; frontMatter: Record<string, unknown>; problems: RenderOutput['problems'] } {
  const split = splitFrontMatter(input.source);
  const problems: RenderOutput['problems'] = [];
  if (split.error) problems.push({ kind: 'front-matter', message: split.error.message, ...(split.error.line ? { line: split.error.line + 1 } : {}) });
  const page = buildPage(split.frontMatter, input.path, input.site.config);
  const site = { ...input.site.config, data: input.site.data ?? {} };
  const liquid = renderLiquid(split.body, { page, site }, input.site, split.bodyLine, {
    markdownify: (text) => renderMarkdown(text),
    smartify: (text) => kramdownTypography(text, '').join(''),
  });
  problems.push(...liquid.problems);
  return { markdown: liquid.output, frontMatter: split.frontMatter, problems };
}

/** Renders a whole post file (front matter included) to its HTML body, collecting problems instead of throwing. */
export function renderPost(input: RenderInput): RenderOutput {
  const { markdown, frontMatter, problems } = prepareMarkdown(input);
  return { html: renderMarkdown(markdown), frontMatter, problems };
}
