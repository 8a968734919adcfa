/**
 * The preview's sanitizer: DOMPurify (a maintained sanitizer) with hooks that apply the URL policy. Nothing of a
 * post can run or load by itself: no scripts or event handlers, no frames, objects, forms, base, meta or link,
 * no SVG tricks, no URL attribute the policy did not rewrite into an inert `data-pr-*` mark. Images and remote
 * content are then set by the preview itself (blob: URLs, or web images after the user allowed them).
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { renameStyleAttributes, STYLE_SOURCE_ATTR } from './style-attributes';
import { classifyImageSource, classifyLink, cleanUrl, isRiskyCss } from '../../../shared/render/url-policy';

/** Elements replaced by a visible placeholder: they would load or run something from elsewhere. */
const EMBED_TAGS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'video', 'audio', 'portal', 'fencedframe']);

/** Elements removed with their content. */
const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'title', 'noscript', 'template', 'form', 'input', 'button', 'textarea', 'select',
  'option', 'optgroup', 'datalist', 'fieldset', 'output', 'keygen', 'isindex', 'map', 'area', 'source', 'track', 'slot',
  'foreignobject', 'foreignObject', 'animate', 'animateMotion', 'animateTransform', 'animatemotion', 'animatetransform', 'set',
  'image', 'use', 'feImage', 'feimage', 'discard', 'handler', 'listener', ...EMBED_TAGS,
];

/** Attributes that can load or submit something, or open the frame to others; never kept. */
const FORBID_ATTR = [
  'srcset', 'sizes', 'action', 'formaction', 'ping', 'background', 'lowsrc', 'dynsrc', 'longdesc', 'poster', 'manifest', 'codebase',
  'archive', 'data', 'usemap', 'target', 'srcdoc', 'http-equiv', 'autofocus', 'form', 'popovertarget', 'xlink:actuate', 'xlink:show',
  'attributionsrc', 'itemtype', 'profile', 'classid', 'style',
];

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
  WHOLE_DOCUMENT: false,
};

/** Marks the preview's own attributes carry; an author's `data-pr-*` is removed so it cannot forge them. */
const OWN_MARK = /^data-pr-/i;

/** What the sanitizer needs to know of the post and the language. */
export interface SanitizeOptions {
  /** The site's `baseurl`, taken off image paths. */
  baseurl: string;
  /** Text of the placeholder for an embedded frame, video or object (`what` is its host or tag). */
  embedLabel(what: string): string;
}

/** A sanitized block: inert DOM ready to insert, and how many remote images it holds back. */
export interface SanitizedBlock {
  fragment: DocumentFragment;
  remote: number;
}

let purifier: DOMPurify | null = null;
let current: { options: SanitizeOptions; remote: number } | null = null;

function embedPlaceholder(node: Element): Element {
  const doc = node.ownerDocument;
  const raw = node.getAttribute('src') ?? node.getAttribute('data') ?? '';
  let what = node.localName;
  try {
    if (/^(https?:)?\/\//i.test(cleanUrl(raw))) what = new URL(cleanUrl(raw), 'https://x.invalid/').host;
  } catch {
    // Not a URL: the tag name says enough.
  }
  const span = doc.createElement('span');
  span.setAttribute('class', `pr-embed pr-embed-${node.localName}`);
  span.textContent = current ? current.options.embedLabel(what) : what;
  return span;
}

/** Rewrites an element's URL attributes into the preview's inert marks and drops everything else risky. */
const attributesOf = Object.getOwnPropertyDescriptor(Element.prototype, 'attributes')!.get!;

function rewriteAttributes(el: Element): void {
  const state = current!;
  // DOMPurify calls this hook for every node; only elements have attributes. The getter is taken from the
  // prototype so a form control named "attributes" cannot stand in for them.
  if (el.nodeType !== 1) return;
  let style: string | null = null;
  for (const attr of Array.from(attributesOf.call(el) as NamedNodeMap)) {
    const name = attr.name.toLowerCase();
    if (name === STYLE_SOURCE_ATTR || name === 'style') {
      style = attr.value;
      el.removeAttribute(attr.name);
    } else if (OWN_MARK.test(name) && name !== 'data-pr-line') el.removeAttribute(attr.name);
    else if (name === 'data-pr-line' && !/^\d{1,7}$/.test(attr.value)) el.removeAttribute(attr.name);
    else if (/url\s*\(/i.test(attr.value) && !/^\s*url\(\s*['"]?#[\w:.-]*['"]?\s*\)\s*$/i.test(attr.value)) el.removeAttribute(attr.name);
  }
  const html = el.namespaceURI === 'http://www.w3.org/1999/xhtml';
  for (const name of ['href', 'xlink:href']) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    // Outside HTML (SVG, MathML) a reference may only point inside the post.
    if (!html || el.localName !== 'a' || name !== 'href') {
      if (!cleanUrl(value).startsWith('#')) el.removeAttribute(name);
      continue;
    }
    const kind = classifyLink(value);
    if (kind === 'blocked' || kind === 'phone') el.removeAttribute(name);
    // A phone link stays as its text, inert; the number shows as a tooltip so the author can check it.
    if (kind === 'phone' && !el.hasAttribute('title')) el.setAttribute('title', cleanUrl(value).slice(0, 200));
  }
  // A quote's source is never loaded, but it is a URL all the same: kept only where a link to it would be.
  const cite = el.getAttribute('cite');
  if (cite !== null && !['anchor', 'external', 'relative'].includes(classifyLink(cite))) el.removeAttribute('cite');
  // Applied later through the CSSOM, which the CSP allows; inline style attributes it does not.
  if (style !== null && !isRiskyCss(style)) el.setAttribute('data-pr-style', style);
  if (html && el.localName === 'img') {
    const src = el.getAttribute('src');
    el.removeAttribute('src');
    el.setAttribute('referrerpolicy', 'no-referrer');
    const source = src === null ? { kind: 'blocked' as const, reason: 'not-image' as const } : classifyImageSource(src, state.options.baseurl);
    if (source.kind === 'asset' || source.kind === 'site') {
      el.setAttribute('data-pr-asset', source.path);
      el.setAttribute('data-pr-asset-kind', source.kind);
    } else if (source.kind === 'remote') {
      el.setAttribute('data-pr-remote', source.url);
      state.remote++;
    } else el.setAttribute('data-pr-broken', src ?? '');
  } else if (el.hasAttribute('src')) el.removeAttribute('src');
}

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const p = createDOMPurify(window);
  p.addHook('uponSanitizeElement', (node, data) => {
    if (node.nodeType === 1 && EMBED_TAGS.has(data.tagName) && node.parentNode) {
      (node as Element).replaceWith(embedPlaceholder(node as Element));
    }
  });
  p.addHook('beforeSanitizeAttributes', (el) => rewriteAttributes(el));
  p.addHook('uponSanitizeAttribute', (_el, data) => {
    // Belt and braces after the rewrite: no event handler and no URL attribute the policy did not make.
    if (/^on/i.test(data.attrName)) data.keepAttr = false;
    if (data.attrName === 'src') data.keepAttr = false;
  });
  purifier = p;
  return p;
}

/** Sanitizes one rendered block into inert DOM (owned by this document; nothing in it loads). */
export function sanitizeBlock(html: string, options: SanitizeOptions): SanitizedBlock {
  const p = getPurifier();
  current = { options, remote: 0 };
  try {
    const fragment = p.sanitize(renameStyleAttributes(html), CONFIG) as DocumentFragment;
    return { fragment, remote: current.remote };
  } finally {
    current = null;
  }
}
