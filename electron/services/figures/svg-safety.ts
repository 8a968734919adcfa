/**
 * SVG is a document format: it can carry scripts, event handlers and links to other files that would run or
 * load in the preview and on the published site. Node has no DOM for a sanitizer (DOMPurify needs a window,
 * and jsdom is a test tool only), so this is a strict allow-list check that REFUSES anything risky instead of
 * rewriting it: a refused drawing is re-exported, a wrongly "cleaned" one would be published.
 */
import { AppFailure } from '../../../shared/contract/errors';

/** An SVG that passed the check: its text, and what was noticed on the way (plain words). */
export interface SafeSvg {
  text: string;
  notes: string[];
}

/** SVG elements a drawing may use (SVG 1.1 and 2, without script, foreignObject and the like). */
const SVG_ELEMENTS = new Set(
  [
    'svg', 'g', 'defs', 'symbol', 'use', 'desc', 'title', 'metadata', 'switch', 'path', 'rect', 'circle', 'ellipse', 'line',
    'polyline', 'polygon', 'text', 'tspan', 'textpath', 'lineargradient', 'radialgradient', 'stop', 'pattern', 'clippath',
    'mask', 'marker', 'filter', 'style', 'view', 'a', 'image', 'animate', 'animatemotion', 'animatetransform', 'mpath',
    'fedistantlight', 'fepointlight', 'fespotlight', 'feblend', 'fecolormatrix', 'fecomponenttransfer', 'fefunca',
    'fefuncb', 'fefuncg', 'fefuncr', 'fecomposite', 'feconvolvematrix', 'fediffuselighting', 'fedisplacementmap',
    'fedropshadow', 'feflood', 'fegaussianblur', 'feimage', 'femerge', 'femergenode', 'femorphology', 'feoffset',
    'fespecularlighting', 'fetile', 'feturbulence', 'hatch', 'hatchpath', 'solidcolor', 'meshgradient', 'meshrow', 'meshpatch',
  ].map((n) => n.toLowerCase()),
);

/** Editor metadata prefixes (Inkscape, Sodipodi, RDF, Creative Commons, Dublin Core) that carry no behaviour. */
const METADATA_PREFIXES = new Set(['sodipodi', 'inkscape', 'rdf', 'cc', 'dc', 'svg']);

/** A raster picture embedded in the drawing itself (no other file is loaded). */
const EMBEDDED_PICTURE = /^data:image\/(?:png|jpe?g|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i;

/** Decodes numeric and the few named character references, so `jav&#x61;script:` is seen for what it is. */
function decodeReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => safeChar(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => safeChar(Number.parseInt(dec, 10)))
    .replace(/&colon;/gi, ':')
    .replace(/&lpar;/gi, '(')
    .replace(/&rpar;/gi, ')')
    .replace(/&sol;/gi, '/')
    .replace(/&num;/gi, '#')
    .replace(/&amp;/gi, '&');
}

function safeChar(code: number): string {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/**
 * The text with comments removed and CDATA sections unwrapped, in one pass (a regular expression would take
 * quadratic time on many unclosed `<!--`); an unclosed section runs to the end.
 */
function withoutMarkupSections(text: string): string {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    const comment = text.indexOf('<!--', at);
    const cdata = text.indexOf('<![CDATA[', at);
    const next = comment < 0 ? cdata : cdata < 0 ? comment : Math.min(comment, cdata);
    if (next < 0) break;
    parts.push(text.slice(at, next), ' ');
    const isComment = next === comment;
    const end = text.indexOf(isComment ? '-->' : ']]>', next + (isComment ? 4 : 9));
    const stop = end < 0 ? text.length : end;
    if (!isComment) parts.push(text.slice(next + 9, stop), ' ');
    at = end < 0 ? text.length : end + 3;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function refuse(name: string, why: string): AppFailure {
  return new AppFailure('refused', `${JSON.stringify(name.slice(0, 120))} is an SVG that ${why}, so it is not imported.`, {
    path: name,
    suggestion: 'Export the drawing again as a plain SVG (e.g. "Optimized SVG" or "Plain SVG"), or as PNG.',
  });
}

/** The first problem of the decoded text, in plain words; null when there is none. */
function problemOf(text: string): string | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return 'declares a DOCTYPE or entities (which can pull in other files)';
  if (/<\?(?!xml[\s?])/i.test(text)) return 'has a processing instruction such as xml-stylesheet (which loads another file)';
  if (/<script[\s/>]/i.test(text) || /<[\w.-]+:script[\s/>]/i.test(text)) return 'contains a script';
  if (/<(?:[\w.-]+:)?foreignObject[\s/>]/i.test(text)) return 'contains a foreignObject (HTML inside the drawing)';
  if (/[\s"'/]on[a-z0-9_.:-]*\s*=/i.test(text)) return 'has an event handler attribute (on…=)';
  // eslint-disable-next-line no-control-regex -- control characters hide a scheme from a browser's eye only
  const squeezed = text.replace(/[\s\u0000-\u001f]+/g, '');
  if (/(?:java|vb|live)script:/i.test(squeezed)) return 'contains a javascript: link';
  if (/@import/i.test(text)) return 'imports a stylesheet (@import)';
  for (const m of text.matchAll(/url\s*\(\s*(['"]?)\s*([^)'"]*)/gi)) {
    if (!/^#[\w.:-]*$/.test(m[2].trim())) return `refers to another file with url(${m[2].trim().slice(0, 60)})`;
  }
  for (const m of text.matchAll(/(?:^|[\s"'])((?:[\w.-]+:)?href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*))/gi)) {
    const value = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (!/^#[\w.:-]*$/.test(value) && !EMBEDDED_PICTURE.test(value)) return `links to something outside the drawing (${m[1]}="${value.slice(0, 60)}")`;
  }
  for (const m of text.matchAll(/<\s*([\w.:-]+)/g)) {
    const tag = m[1].toLowerCase();
    const colon = tag.indexOf(':');
    if (colon >= 0 ? METADATA_PREFIXES.has(tag.slice(0, colon)) && (tag.slice(0, colon) !== 'svg' || SVG_ELEMENTS.has(tag.slice(colon + 1))) : SVG_ELEMENTS.has(tag)) continue;
    return `contains a <${m[1].slice(0, 40)}> element, which is not part of a plain drawing`;
  }
  return null;
}

/**
 * Checks an SVG for scripts, event handlers, javascript: links, references to anything but its own
 * `#fragments` (href, xlink:href, url(…), @import), foreignObject, DOCTYPE and entities, and unknown elements;
 * refuses with 'refused' and a plain reason. Returns the text to keep (unchanged, but for a plain DOCTYPE line
 * removed) with notes of what was done.
 */
export function checkSvg(bytes: Uint8Array, name: string): SafeSvg {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    throw refuse(name, 'is not valid UTF-8 text');
  }
  const notes: string[] = [];
  // The DOCTYPE drawing programs write (SVG 1.1's public DTD, no internal subset) only names a DTD no browser
  // loads: it is removed, so no XML reader is tempted to fetch it. One with entities is refused below.
  const doctype = /^(\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[^]*?-->\s*)*)<!DOCTYPE\s+svg\b[^[<>]*>/i.exec(text);
  if (doctype) {
    text = text.slice(0, doctype[1].length) + text.slice(doctype[0].length);
    notes.push('The SVG\'s DOCTYPE line was removed (it names a DTD that is never needed).');
  }
  // CDATA is text to an XML reader: look inside it as well (a script hidden there still runs in a <script>).
  const plain = withoutMarkupSections(text);
  const problem = problemOf(text) ?? problemOf(plain) ?? problemOf(decodeReferences(plain));
  if (problem) throw refuse(name, problem);
  notes.push('The SVG was checked: it has no scripts, event handlers or links to other files.');
  return { text, notes };
}
