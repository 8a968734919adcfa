/**
 * One render of the preview, the same on the main thread and in the worker: renderPost with source lines,
 * reduced to what the preview needs (blocks, problems) so it crosses postMessage cheaply.
 */
import type { SiteRenderContext } from '../../../shared/contract/models';
import { renderPost } from '../../../shared/render/render-post';
import type { RenderBlock, RenderProblem } from '../../../shared/render/render-types';
import { pageImageBlock } from '../../../shared/render/page-image';
import { EMPTY_RENDER_CONTEXT, previewSiteContext } from '../../../shared/render/site-context';
import { escapeHtml } from '../../../shared/util/escape-html';
import { messageOf } from '../../../shared/contract/errors';

/** What the preview asks to have rendered. */
export interface RenderRequest {
  id: number;
  source: string;
  path: string;
  /** The site's context; null means "the one of the previous request" (the worker keeps it). */
  context: SiteRenderContext | null;
}

/** The rendered post: its top-level blocks with source lines, and the problems to show. */
export interface RenderResult {
  id: number;
  blocks: RenderBlock[];
  problems: RenderProblem[];
  /** How long renderPost took, for the benchmark and the curious. */
  ms: number;
}


function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  return '';
}

/** The post's title, date and authors as the layout would head the article (escaped; sanitized later like any block). */
export function headerBlock(frontMatter: Record<string, unknown>, path: string): RenderBlock | null {
  const title = text(frontMatter.title);
  const date = frontMatter.date instanceof Date ? frontMatter.date.toISOString().slice(0, 10) : (/^\d{4}-\d{2}-\d{2}/.exec(text(frontMatter.date))?.[0] ?? /(\d{4}-\d{2}-\d{2})-[^/]*$/.exec(path)?.[1] ?? '');
  const meta = [date, text(frontMatter.author)].filter(Boolean).join(' · ');
  if (!title && !meta) return null;
  const html = `<header class="pr-post-header">${title ? `<h1 class="pr-post-title">${escapeHtml(title)}</h1>` : ''}${meta ? `<p class="pr-post-meta">${escapeHtml(meta)}</p>` : ''}</header>\n`;
  return { line: 1, html };
}

let cachedContext: { input: SiteRenderContext; built: ReturnType<typeof previewSiteContext> } | null = null;

/** Renders a request; never throws (a crash in the renderer becomes a problem and an empty preview). */
export function runRenderJob(req: RenderRequest): RenderResult {
  const started = performance.now();
  if (req.context && cachedContext?.input !== req.context) cachedContext = { input: req.context, built: previewSiteContext(req.context) };
  cachedContext ??= { input: EMPTY_RENDER_CONTEXT, built: previewSiteContext(EMPTY_RENDER_CONTEXT) };
  try {
    const out = renderPost({ source: req.source, site: cachedContext.built, path: req.path, sourceLines: true });
    const header = headerBlock(out.frontMatter, req.path);
    const image = pageImageBlock(out.frontMatter, req.source, cachedContext.built);
    const blocks = [...(header ? [header] : []), ...(image ? [image.block] : []), ...(out.blocks ?? [])];
    const problems = image?.problem ? [image.problem, ...out.problems] : out.problems;
    return { id: req.id, blocks, problems, ms: performance.now() - started };
  } catch (error) {
    const message = messageOf(error);
    return { id: req.id, blocks: [], problems: [{ kind: 'liquid-error', message }], ms: performance.now() - started };
  }
}
