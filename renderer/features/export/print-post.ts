/**
 * Printing the post alone: the standalone HTML of `export.html`, sanitized once more (defence in depth), goes into
 * `<div class="pr-export pr-print-root">` at the end of the body with the export stylesheet adopted (CSP allows no
 * inline <style>); export.css hides everything else while printing. The container and the sheet go after printing.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import type { PageSize } from '../../../shared/contract/export-models';
import { exportStyles } from '../../../shared/export/print-stylesheet';
import { isRiskyCss } from '../../../shared/render/url-policy';

/** The class that marks the print container (export.css shows it, and only it, on paper). */
export const PRINT_ROOT_CLASS = 'pr-print-root';

/** Attributes that load something by themselves (`href` too, outside links: SVG's image and use); only embedded `data:image/` pictures may stay in them. */
const LOADING_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'background', 'href', 'xlink:href', 'data']);
/** Elements whose `href` is a link the reader follows, not something the page loads. */
const LINKS = new Set(['a', 'area']);

let purifier: DOMPurify | null = null;
let adopted: CSSStyleSheet | null = null;

/** One DOMPurify of our own (hooks are per instance, so the preview's sanitizer is not touched). */
function sanitizer(): DOMPurify {
  if (purifier) return purifier;
  purifier = createDOMPurify(window);
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName.toLowerCase();
    if (!LOADING_ATTRIBUTES.has(name) || (name === 'href' && LINKS.has(node.nodeName.toLowerCase()))) return;
    if (name === 'srcset' || !/^data:image\//i.test(data.attrValue.trim())) data.keepAttr = false;
  });
  return purifier;
}

/** Where an inline style waits while DOMPurify runs: the app's CSP refuses style attributes, so it is set through the CSSOM. */
const STYLE_HOLD = 'data-pr-print-style';

/**
 * The export document's body as nodes safe to show in the app: no script, no handler, nothing that loads. Inline
 * styles the export kept (a figure's `width: 90%`) are applied through the CSSOM, which the CSP allows, so the
 * printed page matches the PDF; one that could load anything is dropped.
 */
export function sanitizedBody(html: string): { content: DocumentFragment; language: string } {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const el of parsed.body.querySelectorAll(`[${STYLE_HOLD}]`)) el.removeAttribute(STYLE_HOLD);
  for (const el of parsed.body.querySelectorAll('[style]')) {
    el.setAttribute(STYLE_HOLD, el.getAttribute('style') ?? '');
    el.removeAttribute('style');
  }
  const content = sanitizer().sanitize(parsed.body.innerHTML, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'link', 'meta', 'base', 'form', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
  for (const el of content.querySelectorAll<HTMLElement>(`[${STYLE_HOLD}]`)) {
    const css = el.getAttribute(STYLE_HOLD) ?? '';
    el.removeAttribute(STYLE_HOLD);
    if (!isRiskyCss(css)) el.style.cssText = css;
  }
  return { content, language: parsed.documentElement.lang };
}

function adoptStyles(pageSize: PageSize): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(exportStyles(pageSize));
  document.adoptedStyleSheets = [...(document.adoptedStyleSheets ?? []), sheet];
  adopted = sheet;
}

/** The print container now in the page, if any. */
export function printRoot(): HTMLElement | null {
  return document.body.querySelector(`:scope > .${PRINT_ROOT_CLASS}`);
}

/** Takes the print container and its stylesheet away again (after printing, or before filling a new one). */
export function clearPrintRoot(): void {
  for (const el of document.body.querySelectorAll(`:scope > .${PRINT_ROOT_CLASS}`)) el.remove();
  if (adopted) {
    const sheet = adopted;
    document.adoptedStyleSheets = (document.adoptedStyleSheets ?? []).filter((s) => s !== sheet);
    adopted = null;
  }
}

/** Fills the print container with the post of an export document and adopts the stylesheet of its page size. */
export function fillPrintRoot(html: string, pageSize: PageSize, fallbackLanguage: string): HTMLElement {
  clearPrintRoot();
  const { content, language } = sanitizedBody(html);
  const root = document.createElement('div');
  root.className = `pr-export ${PRINT_ROOT_CLASS}`;
  root.lang = language || fallbackLanguage;
  root.append(content);
  document.body.append(root);
  adoptStyles(pageSize);
  return root;
}

/** A print container that only says something (when the browser's own menu prints and no post is ready for it). */
export function fillPrintNote(message: string, language: string): HTMLElement {
  clearPrintRoot();
  const root = document.createElement('div');
  root.className = `${PRINT_ROOT_CLASS} pr-print-note`;
  root.lang = language;
  const p = document.createElement('p');
  p.textContent = message;
  root.append(p);
  document.body.append(root);
  return root;
}

/** Prints what the container holds and removes it when printing is over (`afterprint`). */
export function printFilled(): void {
  window.addEventListener('afterprint', clearPrintRoot, { once: true });
  window.print();
}
