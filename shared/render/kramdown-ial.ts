/**
 * kramdown inline attribute lists (`{: .class #id key="value"}`) on blocks and spans, and attribute list
 * definitions (`{:name: ...}`), which produce no output. Semantics of parser/kramdown/extensions.rb: a block
 * IAL right after a block (no blank line between) belongs to that block, otherwise to the block that starts
 * on the very next line; a span IAL belongs to the span element right before it.
 */
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import type { StateCore } from 'markdown-it';
import type { Token } from 'markdown-it';

const ANY = '(?:\\\\\\}|[^}])';
const IAL_BLOCK_LINE = new RegExp(`^ {0,3}\\{:(?![:/])(${ANY}+)\\}[ \\t]*$`);
const ALD_LINE = new RegExp(`^ {0,3}\\{:(\\w[\\w-]*):(${ANY}+)\\}[ \\t]*$`);
const IAL_SPAN = new RegExp(`^\\{:(?![:/])(${ANY}+)\\}`);
const ALD_TYPE_ANY =
  /(?:^|\s)(?:(\w[\w-]*)=("|')((?:\\\}|\\["']|[^}])*?)\2|(\w[\w-]*)|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|$)/g;
const ID_OR_CLASS = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g;

/** Attributes in the order kramdown collects them; `class` accumulates. */
export type Ial = Array<[string, string]>;

/** Parses the inside of `{: ... }` as kramdown's parse_attribute_list does; `alds` resolves references. */
export function parseAttributeList(text: string, alds: Map<string, Ial> = new Map()): Ial {
  const out = new Map<string, string>();
  if (!text.trim() || text.trim() === ':') return [];
  for (const m of text.matchAll(ALD_TYPE_ANY)) {
    if (m[4]) {
      for (const [k, v] of alds.get(m[4]) ?? []) out.set(k, k === 'class' && out.has('class') ? `${out.get('class')} ${v}` : v);
    } else if (m[5]) {
      for (const im of m[5].matchAll(ID_OR_CLASS)) {
        if (im[2]) out.set('class', `${out.get('class') ?? ''} ${im[2]}`.trimStart());
        else out.set('id', im[1]);
      }
    } else if (m[1]) {
      const sep = m[2];
      out.set(m[1], m[3].replace(new RegExp(`\\\\(\\}|${sep})`, 'g'), '$1'));
    }
  }
  return [...out];
}

/** Applies an IAL to a token's attributes the way update_attr_with_ial does: classes are appended. */
export function applyIal(token: Token, ial: Ial): void {
  if (token.type === 'html_block') {
    applyIalToHtml(token, ial);
    return;
  }
  for (const [k, v] of ial) {
    if (k === 'class') {
      const cur = token.attrGet('class');
      token.attrSet('class', cur ? `${cur} ${v}` : v);
    } else token.attrSet(k, v);
  }
}

/** An HTML block keeps its text; the IAL's attributes are written into its first tag. */
function applyIalToHtml(token: Token, ial: Ial): void {
  const m = /^(\s*<[A-Za-z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)(\s*\/?>)/.exec(token.content);
  if (!m) return;
  const attrs = new Map<string, string>();
  for (const a of m[2].matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) attrs.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
  for (const [k, v] of ial) attrs.set(k, k === 'class' && attrs.get('class') ? `${attrs.get('class')} ${v}` : v);
  const text = [...attrs].map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
  token.content = m[1] + text + m[3] + token.content.slice(m[0].length);
}

function blockRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(pos) !== 0x7b /* { */ || state.src.charCodeAt(pos + 1) !== 0x3a /* : */) return false;
  const line = state.src.slice(pos, state.eMarks[startLine]);
  const ald = ALD_LINE.exec(line);
  const ial = ald ? null : IAL_BLOCK_LINE.exec(line);
  if (!ald && !ial) return false;
  if (silent) return true;
  state.line = startLine + 1;
  const env = state.env as { kramdownAlds?: Map<string, Ial> };
  env.kramdownAlds ??= new Map();
  if (ald) {
    env.kramdownAlds.set(ald[1], parseAttributeList(ald[2], env.kramdownAlds));
    return true;
  }
  const last = state.tokens[state.tokens.length - 1];
  const prevIsSibling = !!last && last.level === state.level && last.nesting <= 0 && last.type !== 'kramdown_ial';
  const blankBefore = startLine > 0 && state.isEmpty(startLine - 1);
  const t = state.push('kramdown_ial', '', 0);
  t.map = [startLine, startLine + 1];
  t.hidden = true;
  const target = prevIsSibling && !blankBefore ? 'prev' : state.isEmpty(startLine + 1) || startLine + 1 >= state.lineMax ? 'none' : 'next';
  t.meta = { ial: parseAttributeList(ial![1], env.kramdownAlds), target };
  return true;
}

function openOf(tokens: Token[], closeIdx: number): number {
  const level = tokens[closeIdx].level;
  for (let i = closeIdx - 1; i >= 0; i--) if (tokens[i].level === level && tokens[i].nesting === 1) return i;
  return closeIdx;
}

function applyBlockIals(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'kramdown_ial') continue;
    const { ial, target } = t.meta as { ial: Ial; target: string };
    if (target === 'prev') {
      let j = i - 1;
      while (j >= 0 && tokens[j].type === 'kramdown_ial') j--;
      if (j >= 0) applyIal(tokens[tokens[j].nesting === -1 ? openOf(tokens, j) : j], ial);
    } else if (target === 'next') {
      let j = i + 1;
      while (j < tokens.length && tokens[j].type === 'kramdown_ial') j++;
      if (j < tokens.length && tokens[j].nesting >= 0 && tokens[j].level === t.level) applyIal(tokens[j], ial);
    }
  }
  state.tokens = tokens.filter((t) => t.type !== 'kramdown_ial');
}

const SPAN_TARGET: Record<string, string | null> = {
  em_close: 'em_open',
  strong_close: 'strong_open',
  link_close: 'link_open',
  s_close: 's_open',
  code_inline: null,
  image: null,
};

function applySpanIals(children: Token[]): void {
  for (let i = 1; i < children.length; i++) {
    const t = children[i];
    if (t.type !== 'text' || !t.content.startsWith('{:')) continue;
    const prev = children[i - 1];
    if (!(prev.type in SPAN_TARGET)) continue;
    const m = IAL_SPAN.exec(t.content);
    if (!m) continue;
    let target = prev;
    const openType = SPAN_TARGET[prev.type];
    if (openType) {
      for (let j = i - 2; j >= 0; j--) {
        if (children[j].type === openType && children[j].level === prev.level) {
          target = children[j];
          break;
        }
      }
    }
    applyIal(target, parseAttributeList(m[1]));
    t.content = t.content.slice(m[0].length);
  }
}

/** Installs block IALs (a block rule that interrupts paragraphs and lists) and span IALs. */
export function kramdownIalPlugin(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'kramdown_ial', blockRule, { alt: ['paragraph', 'list', 'blockquote', 'reference'] });
  md.core.ruler.after('block', 'kramdown_block_ial', applyBlockIals);
  md.core.ruler.after('inline', 'kramdown_span_ial', (state: StateCore) => {
    for (const t of state.tokens) if (t.type === 'inline' && t.children) applySpanIals(t.children);
  });
}
