/**
 * Builds the one standalone HTML document of an export: the post rendered by the preview's pipeline, made inert
 * (no script, no handler, nothing that loads), its images embedded, its site links absolute, with the title, date
 * and authors from the front matter and the site's press contact and boilerplate at the end.
 */
import type { ExportWarning, PageSize } from '../../../shared/contract/export-models';
import type { SiteRenderContext } from '../../../shared/contract/models';
import type { PdfMetadata } from '../../../shared/export/pdf-options';
import { AppFailure } from '../../../shared/contract/errors';
import { exportStyles } from '../../../shared/export/print-stylesheet';
import { exportWords, formatLongDate } from '../../../shared/export/export-words';
import { buildPage } from '../../../shared/render/page-context';
import { pageImageBlock } from '../../../shared/render/page-image';
import { renderPost } from '../../../shared/render/render-post';
import type { RenderOutput, RenderProblem, SiteContext } from '../../../shared/render/render-types';
import { previewSiteContext } from '../../../shared/render/site-context';
import { siteConfigFromData } from '../../../shared/site/site-config-model';
import { escapeHtml, escapeHtmlText } from '../../../shared/util/escape-html';
import { embedImages } from './embed-images';
import { exportLinkResolver } from './export-links';
import { type ExportSanitizeOptions, type ImageSlot, sanitizeForExport } from './export-sanitize';
import { type ExportClosing, loadExportClosing } from './export-site-settings';
import { postAuthors, postDate, postKeywords, postLanguage, postSubject, postTitle } from './post-facts';

/** What an export starts from. */
export interface ExportInput {
  /** The site's real root; null for a post outside any site (the CLI on a lone file). */
  root: string | null;
  /** The post's path relative to `root` (forward slashes), or its file name when there is no site. */
  path: string;
  /** The post's text: the editor's (unsaved edits included) or the file's. */
  text: string;
  /** The site's config, data, asset index and post URLs (as `site.renderContext` returns them). */
  context: SiteRenderContext;
  pageSize: PageSize;
  /** "Pressroom 0.1.0", for the generator meta and the PDF's creator. */
  generator: string;
}

/** The built document and what the PDF step and the user need to know about it. */
export interface ExportDocument {
  html: string;
  title: string;
  /** The post's language (front matter `lang`, the `_i18n/<lang>/` folder, else the site's default, else "en"). */
  language: string;
  /** The post's date as its language writes it ("21 September 2022", "21. September 2022"); '' when none. */
  dateText: string;
  /** The post's date (YYYY-MM-DD); '' when none. Always set by buildExportDocument. */
  date?: string;
  /** The authors' names as the byline shows them. Always set by buildExportDocument. */
  authors?: string[];
  metadata: PdfMetadata;
  warnings: ExportWarning[];
}

/**
 * The Content-Security-Policy every export carries: even an element the sanitizer missed can load nothing but
 * embedded pictures and fonts, and run nothing.
 */
export const EXPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'";

/** At most this many warnings are returned (a post with a thousand web images needs no thousand lines). */
export const MAX_EXPORT_WARNINGS = 200;

/** The warnings once each, in order, at most `MAX_EXPORT_WARNINGS`. */
function distinct(warnings: readonly ExportWarning[]): ExportWarning[] {
  const seen = new Set<string>();
  const out: ExportWarning[] = [];
  for (const w of warnings) {
    const key = `${w.code}\u0000${w.detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(w);
    if (out.length >= MAX_EXPORT_WARNINGS) break;
  }
  return out;
}

/** renderPost with the one failure it throws (a post nested deeper than the stack) as a plain refusal. */
function render(source: string, site: SiteContext, path: string): RenderOutput {
  try {
    return renderPost({ source, site, path });
  } catch (error) {
    if (error instanceof RangeError) throw new AppFailure('refused', `${path} is nested too deeply to export (${error.message}).`, { path });
    throw error;
  }
}

function problemWarnings(problems: readonly RenderProblem[], path: string, warnings: ExportWarning[]): void {
  for (const p of problems) warnings.push({ code: 'render-problem', detail: `${path}${p.line ? `:${p.line}` : ''}: ${p.message}` });
}

/** One closing section: its Markdown rendered and sanitized like the post, under a heading unless it brings its own. */
function closingSection(markdown: string | null, kind: 'boilerplate' | 'contact', heading: string, part: Part): string {
  if (markdown === null) return '';
  // A text starting with `---` is a rule in Markdown, not front matter.
  const source = markdown.startsWith('---') ? `\n${markdown}` : markdown;
  const out = render(source, part.site, part.path);
  problemWarnings(out.problems, `.pressroom.yml export.${kind}`, part.warnings);
  const html = sanitizeForExport(out.html, part.sanitize, part.slots, part.warnings).trim();
  if (!html) return '';
  const own = /^<h[1-6][\s>]/i.test(html) ? '' : `<h2 class="pr-export-end-heading">${escapeHtmlText(heading)}</h2>\n`;
  return `<section class="pr-export-${kind}">\n${own}${html}\n</section>\n`;
}

/** What the parts of one document share while they are sanitized. */
interface Part {
  site: SiteContext;
  path: string;
  sanitize: ExportSanitizeOptions;
  slots: ImageSlot[];
  warnings: ExportWarning[];
}

/** The header: title, date and authors, the front matter's image. */
function headerHtml(title: string, date: string, dateText: string, authors: readonly string[], hero: string): string {
  const meta: string[] = [];
  if (dateText) meta.push(`<time datetime="${escapeHtml(date)}">${escapeHtmlText(dateText)}</time>`);
  if (authors.length > 0) meta.push(`<span class="pr-export-authors">${escapeHtmlText(authors.join(', '))}</span>`);
  return [
    '<header class="pr-export-header">',
    `<h1 class="pr-export-title">${escapeHtmlText(title)}</h1>`,
    meta.length > 0 ? `<p class="pr-export-meta">${meta.join(' ')}</p>` : '',
    hero,
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The document's head: charset, the policy, no referrer, title and the metadata a reader's tools show. */
function headHtml(doc: { title: string; metadata: PdfMetadata; pageSize: PageSize }): string {
  const m = doc.metadata;
  const metaTag = (name: string, content: string) => (content ? `<meta name="${name}" content="${escapeHtml(content)}">\n` : '');
  return (
    '<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(EXPORT_CSP)}">\n` +
    '<meta name="referrer" content="no-referrer">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtmlText(doc.title)}</title>\n` +
    metaTag('author', m.author) +
    metaTag('description', m.subject) +
    metaTag('keywords', m.keywords.join(', ')) +
    metaTag('generator', m.creator) +
    // The stylesheet is ours (no `</style>` in it); nothing of the post goes into it.
    `<style>\n${exportStyles(doc.pageSize)}\n</style>\n</head>`
  );
}

/**
 * Builds the export document of a post: the rendered, sanitized body with its images embedded, the header from
 * the front matter, the site's closing block, the metadata for the PDF and every warning the user should see.
 * Throws `AppFailure('refused')` only for a post nested too deeply to render; everything else is a warning.
 */
export async function buildExportDocument(input: ExportInput): Promise<ExportDocument> {
  const warnings: ExportWarning[] = [];
  const { config, data } = input.context;
  const site = previewSiteContext(input.context);
  const rendered = render(input.text, site, input.path);
  const fm = rendered.frontMatter;
  problemWarnings(rendered.problems, input.path, warnings);

  const language = postLanguage(fm, input.path, config);
  const words = exportWords(language);
  const title = postTitle(fm, input.path);
  const date = postDate(fm, input.path);
  const dateText = date ? formatLongDate(date, language) : '';
  const authors = postAuthors(fm, data);
  const page = buildPage(fm, input.path, config);
  const baseurl = typeof config.baseurl === 'string' ? config.baseurl : '';
  const part: Part = {
    site,
    path: input.path,
    sanitize: { baseurl, siteLink: exportLinkResolver(config, String(page.url ?? '')), embedNote: (what) => words.embed(what) },
    slots: [],
    warnings,
  };

  const body = sanitizeForExport(rendered.html, part.sanitize, part.slots, warnings).trim();
  const pageImage = pageImageBlock(fm, input.text, site);
  let hero = '';
  if (pageImage) {
    if (pageImage.problem) problemWarnings([pageImage.problem], input.path, warnings);
    const figure = sanitizeForExport(pageImage.block.html, part.sanitize, part.slots, warnings).trim();
    hero = figure.replace(/^<figure>/, '<figure class="pr-export-hero">');
  }

  let closing: ExportClosing = { boilerplate: null, contact: null };
  if (input.root !== null) closing = await loadExportClosing(input.root, language, siteConfigFromData(config).defaultLanguage, warnings);
  const end = closingSection(closing.boilerplate, 'boilerplate', words.aboutSite(typeof config.title === 'string' ? config.title : ''), part) + closingSection(closing.contact, 'contact', words.pressContact, part);

  const metadata: PdfMetadata = {
    title,
    author: authors.join(', '),
    subject: postSubject(fm, body),
    keywords: postKeywords(fm),
    language,
    creator: input.generator,
  };
  const article = [
    `<article class="pr-export-article" lang="${escapeHtml(language)}">`,
    headerHtml(title, date, dateText, authors, hero),
    `<div class="pr-export-body">\n${body}\n</div>`,
    end ? `<footer class="pr-export-end">\n${end}</footer>` : '',
    '</article>',
  ]
    .filter(Boolean)
    .join('\n');
  const embedded = await embedImages(
    article,
    part.slots,
    { root: input.root, assets: input.context.assets, remoteNote: (host) => words.remoteImage(host) },
    new Map(),
    warnings,
  );
  const html = `<!doctype html>\n<html lang="${escapeHtml(language)}">\n${headHtml({ title, metadata, pageSize: input.pageSize })}\n<body class="pr-export">\n${embedded}\n</body>\n</html>\n`;
  return { html, title, language, dateText, date, authors, metadata, warnings: distinct(warnings) };
}
