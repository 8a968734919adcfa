/**
 * Renames `style` attributes in rendered HTML before it is parsed. The app's Content-Security-Policy forbids
 * inline style, and Chromium reports every parsed style attribute as a violation even in an inert document;
 * renamed, the sanitizer checks the CSS and the preview applies it through the CSSOM, which the policy allows.
 * This is not a security step (DOMPurify still sees everything); a tag it misreads only keeps its `style`.
 */

/** The attribute name `style` is renamed to. */
export const STYLE_SOURCE_ATTR = 'data-pr-css';

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const SPACE = /[\t\n\f\r ]/;

/** Returns `html` with every `style=` attribute of a start tag renamed to `data-pr-css=`. */
export function renameStyleAttributes(html: string): string {
  if (!/style/i.test(html)) return html;
  let out = '';
  let i = 0;
  let copied = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const next = html[lt + 1] ?? '';
    if (next === '/' || next === '!' || next === '?') {
      const end = html.indexOf('>', lt + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(next)) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && !SPACE.test(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
    const tag = html.slice(lt + 1, j).toLowerCase();
    // Attributes, as the HTML tokenizer reads them.
    while (j < n) {
      while (j < n && (SPACE.test(html[j]) || html[j] === '/')) j++;
      if (j >= n || html[j] === '>') break;
      const nameStart = j;
      j++;
      while (j < n && !SPACE.test(html[j]) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j++;
      if (html.slice(nameStart, j).toLowerCase() === 'style') {
        out += html.slice(copied, nameStart) + STYLE_SOURCE_ATTR;
        copied = j;
      }
      let k = j;
      while (k < n && SPACE.test(html[k])) k++;
      if (html[k] !== '=') continue;
      k++;
      while (k < n && SPACE.test(html[k])) k++;
      const quote = html[k];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, k + 1);
        j = close < 0 ? n : close + 1;
      } else {
        while (k < n && !SPACE.test(html[k]) && html[k] !== '>') k++;
        j = k;
      }
    }
    i = j + 1;
    if (RAW_TEXT.has(tag)) {
      const end = html.toLowerCase().indexOf(`</${tag}`, i);
      i = end < 0 ? n : end;
    }
  }
  return copied === 0 ? html : out + html.slice(copied);
}
