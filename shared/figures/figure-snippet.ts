/**
 * The text a post gets for a figure: the site's own template from `.pressroom.yml`, the seed's `<figure>` with
 * `{% asset %}` on jekyll-assets sites, or a plain `<figure>`/Markdown image with the URL path elsewhere. What the
 * user typed is escaped for where it lands and can never become Liquid (no `{{`, `{%` or `%}` survive).
 */
import { escapeHtml } from '../util/escape-html';
import type { FigureSettings } from './figure-settings';

/** What the user gave for one figure. */
export interface FigureSnippetInput {
  /** From `FigureSettings.referenceOf`: the `{% asset %}` path, or a URL path starting with `/`. */
  reference: string;
  alt: string;
  caption?: string | null;
  credit?: string | null;
}

/**
 * The seed's figure (`2022-09-21-all-good-things-come-in-threes.md`): a link to the full image around the image
 * through `{% asset %}`, and a caption. Used by jekyll-assets sites without a template of their own.
 */
export const DEFAULT_FIGURE_TEMPLATE = [
  '<figure class="figure mx-auto d-block" style="width:90%">',
  '  <a href="{% asset "{{reference}}" @path %}">',
  '    {% asset \'{{reference}}\' class="figure-img w-100" alt="{{alt}}" %}',
  '  </a>',
  '{{figcaption}}</figure>',
].join('\n');

/** One line: a blank line would end kramdown's HTML block in the middle of the figure. */
function oneLine(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Text for HTML content or a quoted attribute, with `{` as an entity where Liquid would start reading. */
function htmlValue(s: string): string {
  return escapeHtml(s).replace(/\{(?=[{%])/g, '&#123;').replace(/%(?=\})/g, '&#37;');
}

/**
 * Text for inside a Liquid tag's quoted argument (`alt="…"` of `{% asset %}`): jekyll-assets escapes it for HTML
 * itself, so it stays raw, but quotes become typographic ones (they would end the argument) and Liquid's
 * sequences are split so they neither start an output nor end the tag.
 */
function tagValue(s: string): string {
  let quotes = 0;
  return s
    .replace(/"/g, () => (quotes++ % 2 === 0 ? '“' : '”'))
    .replace(/'/g, '’')
    .replace(/\{(?=[{%])/g, '{ ')
    .replace(/([%}])(?=\})/g, '$1 ');
}

/** True when `at` in `template` lies inside a `{% … %}` tag (its placeholders are tag arguments there). */
function insideTag(template: string, at: number): boolean {
  const opened = template.lastIndexOf('{%', at);
  return opened !== -1 && template.lastIndexOf('%}', at) < opened;
}

/** Fills `{{reference}}`, `{{alt}}`, `{{caption}}`, `{{credit}}` (spaces allowed inside the braces), each escaped for its place. */
export function fillFigureTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(reference|alt|caption|credit|figcaption)\s*\}\}/g, (match, name: string, at: number) => {
    const value = values[name];
    if (value === undefined) return match;
    if (name === 'figcaption') return value;
    return insideTag(template, at) ? tagValue(value) : htmlValue(value);
  });
}

/** The caption's inner HTML: the caption, then the credit in small print. */
function captionHtml(caption: string, credit: string): string {
  const parts = [caption ? htmlValue(caption) : '', credit ? `<small class="figure-credit">${htmlValue(credit)}</small>` : ''];
  return parts.filter(Boolean).join(' ');
}

/**
 * The snippet to insert for one figure, following the site's settings: its template when it has one, else the
 * seed's `<figure>` (jekyll-assets) or a `<figure>` with `<img>` (a Markdown image when there is no caption).
 */
export function figureSnippet(settings: Pick<FigureSettings, 'template'>, input: FigureSnippetInput): string {
  const alt = oneLine(input.alt);
  const caption = oneLine(input.caption);
  const credit = oneLine(input.credit);
  const reference = oneLine(input.reference);
  if (settings.template !== null) {
    // A site template places the credit itself; `{{caption}}` alone still shows it.
    const withCredit = /\{\{\s*credit\s*\}\}/.test(settings.template) ? caption : [caption, credit].filter(Boolean).join(' — ');
    return fillFigureTemplate(settings.template, { reference, alt, caption: withCredit, credit });
  }
  const inner = captionHtml(caption, credit);
  if (!reference.startsWith('/')) {
    const figcaption = inner ? `  <figcaption class="figure-caption">\n    ${inner}\n  </figcaption>\n` : '';
    return fillFigureTemplate(DEFAULT_FIGURE_TEMPLATE, { reference, alt, figcaption });
  }
  // Markdown only for plain alt text: brackets, braces, backslashes or markup are safer in an HTML attribute.
  if (!inner && !/[[\]{}<>\\&"`]/.test(alt) && !/[()\s]/.test(reference)) return `![${alt}](${reference})`;
  const figcaption = inner ? `\n  <figcaption>${inner}</figcaption>` : '';
  return `<figure>\n  <img src="${htmlValue(reference)}" alt="${htmlValue(alt)}">${figcaption}\n</figure>`;
}
