/**
 * Normalisation used only to compare our HTML with kramdown's golden output. It removes differences a
 * browser does not show, and nothing else:
 *
 * 1. Character references are decoded (`&ldquo;` = `“`, `&#8217;` = `’`, `&nbsp;` = U+00A0), then only
 *    `&`, `<`, `>` (text) and `&`, `"` (attribute values) are escaped again.
 * 2. Tags: names lower-case; attributes sorted by name, values always in double quotes, an attribute without
 *    value written `name=""`; `<br />` and `<br>` are the same (no self-closing slash).
 * 3. Whitespace (space, tab, newline; never U+00A0): outside `<pre>`, `<script>`, `<style>` and `<textarea>`
 *    any run is one space, and whitespace next to the start or end of a block-level element is removed
 *    (kramdown indents nested blocks, markdown-it does not).
 * 4. Syntax colouring: rouge wraps tokens of highlighted code in `<span class="…">`; inside
 *    `<pre class="highlight">` and inside `<code class="… highlighter-rouge">` those spans are dropped and
 *    only the code text is compared (we do not colour code).
 * Comments are kept as they are.
 */
import { decodeHTMLStrict } from 'entities';

/** A start or end tag at the search position (sticky); comments and text are found with indexOf. */
const TAG_AT = /<\/?[A-Za-z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/y;
const TAG_RE = /^<(\/?)([A-Za-z][^\s/>]*)([^]*?)(\/?)>$/;
const ATTR_RE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

const BLOCK = new Set(
  'address article aside blockquote body dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead tr ul br'.split(' '),
);
const PRESERVE = new Set(['pre', 'script', 'style', 'textarea']);

interface Tok {
  kind: 'text' | 'open' | 'close' | 'comment';
  name?: string;
  text: string;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function canonicalTag(raw: string): Tok {
  const m = TAG_RE.exec(raw);
  if (!m) return { kind: 'text', text: escapeText(raw) };
  const name = m[2].toLowerCase();
  if (m[1]) return { kind: 'close', name, text: `</${name}>` };
  const attrs: Array<[string, string]> = [];
  for (const a of m[3].matchAll(ATTR_RE)) {
    const value = decodeHTMLStrict(a[2] ?? a[3] ?? a[4] ?? '');
    attrs.push([a[1].toLowerCase(), value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')]);
  }
  attrs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { kind: 'open', name, text: `<${name}${attrs.map(([k, v]) => ` ${k}="${v}"`).join('')}>` };
}

/**
 * The fragment's pieces in order: comments, tags, text runs, and a lone `<` that starts neither. Each step
 * looks ahead once: an unclosed `<!--` or a `<` with no `>` after it does not rescan the rest of the text.
 */
function* rawTokens(html: string): Generator<string> {
  const lastGt = html.lastIndexOf('>');
  let commentsClose = true;
  let p = 0;
  while (p < html.length) {
    if (html.charCodeAt(p) !== 60) {
      const next = html.indexOf('<', p);
      const end = next === -1 ? html.length : next;
      yield html.slice(p, end);
      p = end;
      continue;
    }
    if (commentsClose && html.startsWith('<!--', p)) {
      const close = html.indexOf('-->', p + 4);
      if (close !== -1) {
        yield html.slice(p, close + 3);
        p = close + 3;
        continue;
      }
      // No later comment can close either.
      commentsClose = false;
    }
    if (p < lastGt) {
      TAG_AT.lastIndex = p;
      const m = TAG_AT.exec(html);
      if (m) {
        yield m[0];
        p += m[0].length;
        continue;
      }
    }
    yield '<';
    p++;
  }
}

/** Returns the canonical form of an HTML fragment for equality checks (see the rules at the top). */
export function normalizeHtml(html: string): string {
  const toks: Tok[] = [];
  const stack: string[] = [];
  let preserve = 0;
  let rouge = 0;
  const rougeStack: boolean[] = [];
  for (const raw of rawTokens(html)) {
    if (raw.startsWith('<!--')) {
      toks.push({ kind: 'comment', text: raw });
      continue;
    }
    if (raw.length > 1 && raw.startsWith('<')) {
      const t = canonicalTag(raw);
      if (t.kind === 'open') {
        const isRougeSpan = rouge > 0 && t.name === 'span';
        const startsRouge = (t.name === 'pre' && / class="[^"]*\bhighlight\b/.test(t.text)) || (t.name === 'code' && / class="[^"]*\bhighlighter-rouge\b/.test(t.text));
        if (!isRougeSpan) toks.push(t);
        const voidEl = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/.test(t.name!);
        if (!voidEl) {
          stack.push(t.name!);
          rougeStack.push(startsRouge || isRougeSpan);
          if (startsRouge) rouge++;
          if (PRESERVE.has(t.name!)) preserve++;
        }
        continue;
      }
      if (t.kind === 'close') {
        const at = stack.lastIndexOf(t.name!);
        let dropped = false;
        if (at >= 0) {
          while (stack.length > at) {
            const name = stack.pop()!;
            const flag = rougeStack.pop()!;
            if (PRESERVE.has(name)) preserve--;
            if (flag && name !== 'span') rouge--;
            if (flag && name === 'span' && stack.length === at) dropped = true;
          }
        }
        if (!dropped) toks.push(t);
        continue;
      }
      toks.push(t);
      continue;
    }
    const text = escapeText(decodeHTMLStrict(raw));
    toks.push({ kind: 'text', text: preserve > 0 ? text : text.replace(/[ \t\n\r\f]+/g, ' '), name: preserve > 0 ? 'pre' : undefined });
  }
  // Merge adjacent text (dropped spans leave neighbours), then trim around block boundaries.
  const merged: Tok[] = [];
  for (const t of toks) {
    const last = merged[merged.length - 1];
    if (t.kind === 'text' && last?.kind === 'text') last.text += t.text;
    else merged.push({ ...t });
  }
  const isBlockTag = (t: Tok | undefined) => !!t && (t.kind === 'open' || t.kind === 'close') && BLOCK.has(t.name!);
  let out = '';
  for (let i = 0; i < merged.length; i++) {
    const t = merged[i];
    if (t.kind !== 'text' || t.name === 'pre') {
      out += t.text;
      continue;
    }
    let text = t.text.replace(/ {2,}/g, ' ');
    if (i === 0 || isBlockTag(merged[i - 1])) text = text.replace(/^ +/, '');
    if (i === merged.length - 1 || isBlockTag(merged[i + 1])) text = text.replace(/ +$/, '');
    out += text;
  }
  return out;
}
