/** HTML escaping, written once for the renderer, the Liquid step and the kramdown rules. */

/** Escapes text for an element's content, as kramdown does for text (`&`, `<`, `>`; quotes stay). */
export function escapeHtmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for content or a double-quoted attribute value. */
export function escapeHtml(s: string): string {
  return escapeHtmlText(s).replace(/"/g, '&quot;');
}
