/**
 * Renderer rules that print what Jekyll's kramdown prints: rouge's code markup (without its colour spans),
 * kramdown's footnote markup, and plain attributes everywhere else.
 */
import type { MarkdownIt } from 'markdown-it';
import type { StateCore } from 'markdown-it';
import type { Token } from 'markdown-it';
import { ROUGE_LANGUAGES } from './rouge-lexers';
import { escapeHtml, escapeHtmlText } from '../util/escape-html';

const NBSP = '\u00a0';
const HTML_BLOCK_ELEMENTS = new Set(
  'address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul'.split(' '),
);



function attrsOf(list: Array<[string, string | number]>): string {
  return list.map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`).join('');
}

/** rouge's lexer lookup as kramdown calls it (`find_fancy`): the name before any `?options`. */
function rougeKnows(lang: string): boolean {
  return ROUGE_LANGUAGES.has(lang.split('?')[0]);
}

/** kramdown's add_syntax_highlighter_to_class_attr. */
function highlighterClass(cls: string | null, lang: string): string {
  const c = `${cls ?? ''} highlighter-rouge`.trimStart();
  return /\blanguage-\S+/.test(c) ? c.replace(/\blanguage-\S+/, `language-${lang}`) : `language-${lang} ${c}`;
}

function codeBlock(token: Token, lang: string | null, fenceLang: string | null): string {
  let attrs: Array<[string, string]> = (token.attrs ?? []).map(([k, v]) => [k, String(v)]);
  const cls = attrs.find(([k]) => k === 'class')?.[1] ?? '';
  // extract_code_language!: the class names the language and is removed from the attributes.
  const classLang = (fenceLang ? `language-${fenceLang} ${cls}` : cls).match(/\blanguage-(\S+)/)?.[1] ?? null;
  const rest = (fenceLang ? cls : cls.replace(/\blanguage-\S+/, '')).trim();
  attrs = attrs.filter(([k]) => k !== 'class');
  if (rest) attrs.unshift(['class', rest]);
  const findLang = lang ?? classLang ?? 'plaintext';
  const body = token.content === '' ? '' : escapeHtmlText(token.content.endsWith('\n') ? token.content : token.content + '\n');
  if (rougeKnows(findLang)) {
    const restClass = attrs.find(([k]) => k === 'class')?.[1] ?? null;
    const outAttrs = attrs.filter(([k]) => k !== 'class');
    outAttrs.unshift(['class', highlighterClass(restClass, classLang ?? 'plaintext')]);
    return `<div${attrsOf(outAttrs)}><div class="highlight"><pre class="highlight"><code>${body}</code></pre></div></div>\n`;
  }
  const codeAttr = classLang ? ` class="language-${escapeHtml(classLang)}"` : '';
  return `<pre${attrsOf(attrs)}><code${codeAttr}>${body}</code></pre>\n`;
}

function footnoteName(token: Token): string {
  return escapeHtml(String((token.meta as { label?: string }).label ?? (token.meta as { id: number }).id + 1));
}

/** Where a footnote's content does not end with a paragraph, kramdown puts the backlinks in a new one. */
function footnoteBacklinkParagraphs(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'footnote_anchor' || tokens[i - 1]?.type === 'footnote_anchor') continue;
    const prev = tokens[i - 1];
    if (prev && prev.type === 'inline') continue;
    let j = i;
    while (tokens[j]?.type === 'footnote_anchor') j++;
    (tokens[i].meta as Record<string, unknown>).noSpace = true;
    const open = new state.Token('paragraph_open', 'p', 1);
    const close = new state.Token('paragraph_close', 'p', -1);
    open.block = close.block = true;
    tokens.splice(j, 0, close);
    tokens.splice(i, 0, open);
    i = j + 1;
  }
}

/** Installs the renderer rules. */
export function kramdownRenderPlugin(md: MarkdownIt): void {
  const rules = md.renderer.rules;
  rules.fence = (tokens, idx) => {
    const t = tokens[idx];
    const info = t.info.trim();
    const lang = info ? info.split(/\s+/)[0] : null;
    return codeBlock(t, lang, lang ? lang.split('?')[0] : null);
  };
  rules.code_block = (tokens, idx) => codeBlock(tokens[idx], null, null);
  rules.code_inline = (tokens, idx) => {
    const t = tokens[idx];
    const clsAttr = t.attrGet('class');
    const cls = clsAttr === null ? null : String(clsAttr);
    const lang = cls?.match(/\blanguage-(\S+)/)?.[1] ?? null;
    const others = (t.attrs ?? []).filter(([k]) => k !== 'class');
    if (rougeKnows(lang ?? 'plaintext')) {
      return `<code${attrsOf([['class', highlighterClass(cls, lang ?? 'plaintext')], ...others])}>${escapeHtmlText(t.content)}</code>`;
    }
    return `<code${attrsOf(t.attrs ?? [])}>${escapeHtmlText(t.content)}</code>`;
  };
  rules.footnote_ref = (tokens, idx) => {
    const t = tokens[idx];
    const meta = t.meta as { id: number; subId: number };
    const name = footnoteName(t);
    const repeat = meta.subId > 0 ? `:${meta.subId}` : '';
    return `<sup id="fnref:${name}${repeat}" role="doc-noteref"><a href="#fn:${name}" class="footnote" rel="footnote">${meta.id + 1}</a></sup>`;
  };
  rules.footnote_block_open = () => '<div class="footnotes" role="doc-endnotes">\n<ol>\n';
  rules.footnote_block_close = () => '</ol>\n</div>\n';
  rules.footnote_open = (tokens, idx) => `<li id="fn:${footnoteName(tokens[idx])}" role="doc-endnote">\n`;
  rules.footnote_close = () => '</li>\n';
  rules.footnote_anchor = (tokens, idx) => {
    const t = tokens[idx];
    const meta = t.meta as { subId: number; noSpace?: boolean };
    const name = footnoteName(t);
    const space = meta.noSpace ? '' : NBSP;
    if (meta.subId === 0) return `${space}<a href="#fnref:${name}" class="reversefootnote" role="doc-backlink">&#8617;</a>`;
    return `${space}<a href="#fnref:${name}:${meta.subId}" class="reversefootnote" role="doc-backlink">&#8617;<sup>${meta.subId + 1}</sup></a>`;
  };
  // A block-level tag inside a paragraph is text in kramdown (it warns and escapes it).
  rules.html_inline = (tokens, idx) => {
    const html = tokens[idx].content;
    const m = /^<\/?([A-Za-z][\w-]*)/.exec(html);
    return m && HTML_BLOCK_ELEMENTS.has(m[1].toLowerCase()) ? escapeHtmlText(html) : html;
  };
  // <mailto:x@y> shows the address without the scheme in kramdown.
  md.core.ruler.push('kramdown_mailto_text', (state: StateCore) => {
    for (const block of state.tokens) {
      const c = block.children ?? [];
      for (let i = 0; i + 1 < c.length; i++) {
        if (c[i].type === 'link_open' && c[i].markup === 'autolink' && c[i + 1].type === 'text') c[i + 1].content = c[i + 1].content.replace(/^mailto:/i, '');
      }
    }
  });
  // GFM strikethrough is <del> in kramdown.
  rules.s_open = () => '<del>';
  rules.s_close = () => '</del>';
  md.core.ruler.after('footnote_tail', 'kramdown_footnote_backlinks', footnoteBacklinkParagraphs);
}
