/**
 * The export's sanitizer: sanitize-html (maintained, htmlparser2-based) with an allow-list, applying the preview's
 * URL policy (`shared/render/url-policy.ts`). Nothing of a post can run or load in an exported file: no script,
 * handler, frame, object, form, meta, base, link or style element, no `url()`, no srcset; a frame or video becomes
 * a visible note, links keep their text and lose what is not a web, mail, phone or in-page address. Images become
 * numbered slots (`<img data-pr-img="N" …>`) that `embed-images.ts` fills with data: URLs or notes.
 */
import sanitizeHtml, { type Attributes, type IOptions } from 'sanitize-html';
import type { ExportWarning } from '../../../shared/contract/export-models';
import { escapeHtmlText } from '../../../shared/util/escape-html';
import { classifyImageSource, classifyLink, cleanUrl, type ImageSource, isRiskyCss } from '../../../shared/render/url-policy';

/** Elements of a press release that are kept (their attributes are filtered below). */
const ALLOWED_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'blockquote', 'cite', 'q', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col', 'pre', 'code', 'kbd', 'samp', 'var', 'ul', 'ol', 'li', 'dl', 'dt',
  'dd', 'hr', 'br', 'wbr', 'sup', 'sub', 'a', 'img', 'em', 'strong', 'b', 'i', 'u', 's', 'strike', 'del', 'ins', 'mark',
  'small', 'big', 'span', 'div', 'abbr', 'acronym', 'dfn', 'time', 'section', 'article', 'aside', 'header', 'footer', 'nav',
  'main', 'address', 'details', 'summary', 'ruby', 'rt', 'rp', 'bdi', 'bdo', 'data', 'center', 'tt',
];

/** Elements dropped with everything inside them (code, styles, hidden or inert content, form values). */
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'xmp', 'select', 'datalist', 'head'];

/** Elements that would show something from elsewhere: replaced by a note naming where it came from. */
const EMBED_TAGS = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'video', 'audio', 'portal', 'fencedframe'];

/** Attributes kept on every element (none loads anything); `style` only when `isRiskyCss` finds nothing. */
const GLOBAL_ATTRIBUTES = ['id', 'class', 'title', 'lang', 'dir', 'role', 'style', 'aria-*'];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': GLOBAL_ATTRIBUTES,
  a: ['href', 'name', 'rel'],
  img: ['data-pr-img', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan', 'align', 'valign', 'headers'],
  th: ['colspan', 'rowspan', 'align', 'valign', 'scope', 'headers', 'abbr'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  ol: ['start', 'type', 'reversed'],
  ul: ['type'],
  li: ['value'],
  time: ['datetime'],
  data: ['value'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  details: ['open'],
  table: ['align', 'summary'],
  abbr: ['title'],
  bdo: ['dir'],
  span: ['data-pr-note'],
};

/** Where a site-relative link points once exported; `warning` when it had to stay relative. */
export type ExportLinkResolver = (href: string) => { href: string | null; warning?: ExportWarning };

/** What the sanitizer needs to know of the site and the post's language. */
export interface ExportSanitizeOptions {
  /** The site's `baseurl`, taken off image paths as Jekyll adds it. */
  baseurl: string;
  /** Where a site-relative link (a site path, a `{% post_url %}`) points in the export. */
  siteLink: ExportLinkResolver;
  /** The note left where a frame, video or object was (`what` is its host or tag). */
  embedNote(what: string): string;
}

/** One image slot of the sanitized HTML: where its picture comes from and its alternative text. */
export interface ImageSlot {
  source: ImageSource;
  /** The `src` as written (cleaned), for warnings. */
  src: string;
  alt: string;
}

/** Sanitized HTML with its image slots, and what was left out or changed. */
export interface SanitizedExport {
  html: string;
  slots: ImageSlot[];
  warnings: ExportWarning[];
}

/** The host of a URL, or null when it names none. */
export function hostOf(url: string): string | null {
  try {
    const host = new URL(cleanUrl(url), 'https://x.invalid/').host;
    return host && host !== 'x.invalid' ? host : null;
  } catch {
    return null;
  }
}

/** True when an attribute value could load something through CSS (a `url(…)`), whatever attribute carries it. */
function mentionsUrlFunction(value: string): boolean {
  return /url\s*\(/i.test(value);
}

/** How the Liquid step writes a tag it does not run (`{% include %}`, a plugin's tag): escaped text in a marked span. */
const LIQUID_PLACEHOLDER = /<span class="pr-liquid-placeholder">([^<]*)<\/span>/g;

/** Takes out the tags the Liquid step did not run: a reader of a release must not see `{% include … %}` as text. */
function withoutLiquidPlaceholders(html: string, warnings: ExportWarning[]): string {
  return html.replace(LIQUID_PLACEHOLDER, (_, text: string) => {
    warnings.push({ code: 'tag-left-out', detail: decodeEntities(text).slice(0, 300) });
    return '';
  });
}

/** Undoes the five entities `escapeHtml` writes, for the warning's plain text. */
function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');
}

/** Classes the export gives its own elements; an author's are removed so they cannot forge notes or the layout. */
const OWN_CLASS = /^pr-/i;

/**
 * Sanitizes HTML for an export. `slots` is shared by the calls of one document (body, hero, closing block), so
 * slot numbers stay unique and one image used twice is one source; `warnings` collects what was left out.
 */
export function sanitizeForExport(html: string, options: ExportSanitizeOptions, slots: ImageSlot[], warnings: ExportWarning[]): string {
  /** Attribute objects this sanitizer made itself (embed notes): their classes are ours, not an author's. */
  const own = new WeakSet<Attributes>();

  /** The notes of this call's embeds; each is written into its `<span data-pr-note="N">` after sanitizing. */
  const notes: string[] = [];
  const embed = (tagName: string, attribs: Attributes): sanitizeHtml.Tag => {
    const raw = attribs.src ?? attribs.data ?? attribs.code ?? '';
    const what = (raw && hostOf(raw)) || tagName;
    warnings.push({ code: 'embed-removed', detail: raw ? cleanUrl(raw).slice(0, 300) : `<${tagName}>` });
    const note: Attributes = { 'data-pr-note': String(notes.push(options.embedNote(what)) - 1) };
    own.add(note);
    // The empty text drops the element's own text (an iframe's is raw markup); the note is written in afterwards.
    return { tagName: 'span', attribs: note, text: '' };
  };

  const image = (_tagName: string, attribs: Attributes): sanitizeHtml.Tag => {
    const src = cleanUrl(attribs.src ?? '');
    const source: ImageSource = src ? classifyImageSource(src, options.baseurl) : { kind: 'blocked', reason: 'not-image' };
    const index = slots.push({ source, src: src.slice(0, 300), alt: attribs.alt ?? '' }) - 1;
    // The slot number comes first so embed-images.ts finds exactly the tags made here.
    const out: Attributes = { 'data-pr-img': String(index) };
    for (const name of ['alt', 'title', 'width', 'height', 'class', 'id', 'lang', 'dir', 'style']) {
      if (attribs[name] !== undefined) out[name] = attribs[name];
    }
    return { tagName: 'img', attribs: out };
  };

  const link = (tagName: string, attribs: Attributes): sanitizeHtml.Tag => {
    const out: Attributes = { ...attribs };
    delete out.href;
    const href = attribs.href;
    if (href !== undefined) {
      const kind = classifyLink(href);
      if (kind === 'anchor' || kind === 'external' || kind === 'phone') out.href = cleanUrl(href);
      else if (kind === 'relative') {
        const resolved = options.siteLink(href);
        if (resolved.href !== null) out.href = resolved.href;
        if (resolved.warning) warnings.push(resolved.warning);
      }
    }
    return { tagName, attribs: out };
  };

  const every = (tagName: string, attribs: Attributes): sanitizeHtml.Tag => {
    if (own.has(attribs)) return { tagName, attribs };
    const out: Attributes = {};
    for (const [name, value] of Object.entries(attribs)) {
      const lower = name.toLowerCase();
      if (lower === 'style') {
        if (!isRiskyCss(value)) out[name] = value;
      } else if (lower === 'class') {
        const kept = value.split(/\s+/).filter((c) => c && !OWN_CLASS.test(c));
        if (kept.length > 0) out[name] = kept.join(' ');
      } else if (lower === 'cite') {
        // A quote's source is never loaded; it stays only as a web address a reader could follow.
        if (classifyLink(value) === 'external' && !/^mailto:/i.test(cleanUrl(value))) out[name] = cleanUrl(value);
      } else if ((lower === 'data-pr-img' && tagName !== 'img') || lower === 'data-pr-note') {
        continue;
      } else if (!mentionsUrlFunction(value)) out[name] = value;
    }
    return { tagName, attribs: out };
  };

  const transformTags: IOptions['transformTags'] = { '*': every, img: image, a: link };
  for (const tag of EMBED_TAGS) transformTags[tag] = embed;

  const out = sanitizeHtml(withoutLiquidPlaceholders(html, warnings), {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'ping', 'longdesc', 'usemap', 'codebase', 'classid', 'archive', 'profile', 'manifest', 'itemid', 'dynsrc', 'lowsrc'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    allowVulnerableTags: false,
    enforceHtmlBoundary: false,
    parseStyleAttributes: true,
    transformTags,
  });
  return notes.length === 0 ? out : out.replace(/<span data-pr-note="(\d+)">/g, (_, n: string) => `<span class="pr-export-note">${escapeHtmlText(notes[Number(n)] ?? '')}`);
}
