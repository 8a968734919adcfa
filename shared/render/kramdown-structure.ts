/**
 * Token fix-ups that make markdown-it's tree look like kramdown's (GFM parser, Jekyll options): when a list
 * item's first paragraph gets `<p>`, task lists, no `start` on ordered lists, header ids, typography, and
 * table alignment style.
 */
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import type { StateCore, StateInline } from 'markdown-it';
import type { Token } from 'markdown-it';
import { IN_HTML } from './kramdown-html-block';
import { atNestingLimit, blockContext, endsLazyText, kramdownListPlugin, lineText, setLineStart, tokenizeAsDocument } from './kramdown-list';
import { kramdownTypography } from './kramdown-typography';

const HEADER_ID = /[\t ]\{#([A-Za-z][\w:-]*)\}$/;

/** Moves a trailing `{#id}` of a header into its id, as kramdown's header parser does. */
function headerIdSuffix(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'heading_open') continue;
    const inline = tokens[i + 1];
    const m = HEADER_ID.exec(inline.content);
    if (m) {
      inline.content = inline.content.slice(0, m.index).trimEnd();
      tokens[i].attrSet('id', m[1]);
    }
  }
}

function sourceOf(t: Token | undefined): string {
  if (!t) return '';
  switch (t.type) {
    case 'em_open':
    case 'em_close':
    case 'strong_open':
    case 'strong_close':
    case 'code_inline':
    case 'text_special':
      return t.markup;
    case 's_open':
    case 's_close':
      return '~~';
    case 'link_open':
    case 'footnote_ref':
      return '[';
    case 'link_close':
      return ']';
    case 'image':
      return '!';
    case 'html_inline':
      return t.content;
    case 'hardbreak':
      return ' \n';
    default:
      return '';
  }
}

/** A few characters of the source that follows token `from`, for the quote rules' lookahead. */
function sourceAfter(children: Token[], from: number): string {
  let s = '';
  for (let k = from; k < children.length && s.length < 4; k++) {
    const t = children[k];
    s += t.type === 'text' ? t.content : t.type === 'softbreak' ? '\n' : sourceOf(t);
  }
  return s;
}

/** Applies smart quotes and typographic symbols to each run of plain text. */
function typography(children: Token[]): void {
  let i = 0;
  while (i < children.length) {
    if (children[i].type !== 'text' && children[i].type !== 'softbreak') {
      i++;
      continue;
    }
    let j = i;
    let run = '';
    while (j < children.length && (children[j].type === 'text' || children[j].type === 'softbreak')) {
      run += children[j].type === 'text' ? children[j].content : '\n';
      j++;
    }
    if (/["'.<>-]/.test(run)) {
      const out = kramdownTypography(run, sourceAfter(children, j));
      let at = 0;
      for (let k = i; k < j; k++) {
        const t = children[k];
        const len = t.type === 'text' ? t.content.length : 1;
        if (t.type === 'text') t.content = out.slice(at, at + len).join('');
        at += len;
      }
    }
    i = j;
  }
}

/** The header text kramdown's update_raw_text sees: text, code and entities, after typography. */
function rawText(children: Token[]): string {
  let s = '';
  for (const t of children) {
    if (t.type === 'text' || t.type === 'code_inline' || t.type === 'text_special') s += t.content;
    else if (t.type === 'softbreak') s += '\n';
  }
  return s;
}

const NON_WORD = /[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/** kramdown-parser-gfm's generate_gfm_header_id (used for headers outside HTML elements). */
function gfmId(text: string, counter: Map<string, number>): string {
  const base = text.toLowerCase().replace(NON_WORD, '').replace(/[ \t]/g, '-');
  const n = (counter.get(base) ?? -1) + 1;
  counter.set(base, n);
  return n > 0 ? `${base}-${n}` : base;
}

/** kramdown's converter generate_id (headers inside HTML elements with markdown="1"). */
function kramdownId(text: string, used: Map<string, number>): string {
  let id = text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
  if (!id) id = 'section';
  if (used.has(id)) {
    const n = used.get(id)! + 1;
    used.set(id, n);
    return `${id}-${n}`;
  }
  used.set(id, 0);
  return id;
}

function headerIds(state: StateCore): void {
  const gfm = new Map<string, number>();
  const used = new Map<string, number>();
  const tokens = state.tokens;
  let inFootnote = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'footnote_open') inFootnote++;
    if (t.type === 'footnote_close') inFootnote--;
    if (t.type !== 'heading_open' || t.attrGet('id') !== null) continue;
    const text = rawText(tokens[i + 1].children ?? []);
    const inHtml = inFootnote > 0 || (t.meta as Record<string, unknown> | null)?.[IN_HTML] === true;
    const id = inHtml ? kramdownId(text, used) : gfmId(text, gfm);
    // kramdown never prints an empty id.
    if (id.trim()) t.attrSet('id', id);
  }
}

/** `***x***` is strong around em in kramdown (it reads `**` first); markdown-it nests them the other way. */
function strongOutside(children: Token[]): void {
  const next = (k: number) => {
    while (k < children.length && children[k].type === 'text' && children[k].content === '') k++;
    return k;
  };
  for (let i = 0; i < children.length; i++) {
    const a = children[i];
    if (a.type !== 'em_open') continue;
    const k = next(i + 1);
    const b = children[k];
    if (!b || b.type !== 'strong_open' || a.markup[0] !== b.markup[0]) continue;
    let j = k + 1;
    while (j < children.length && !(children[j].type === 'strong_close' && children[j].level === b.level)) j++;
    const l = next(j + 1);
    if (j >= children.length || children[l]?.type !== 'em_close') continue;
    children[i] = b;
    children[k] = a;
    const c = children[j];
    children[j] = children[l];
    children[l] = c;
  }
}

/** `<<` is a guillemet in kramdown, even before a tag-like word (`<<tight>>`). */
function guillemets(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c || state.src.charCodeAt(state.pos + 1) !== 0x3c) return false;
  if (!silent) state.pending += '<<';
  state.pos += 2;
  return true;
}

/** A lone backtick between spaces (or at the start before a space) is a literal backtick in kramdown. */
function spacedBacktick(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x60 || src.charCodeAt(pos + 1) === 0x60 || (pos > 0 && src.charCodeAt(pos - 1) === 0x60)) return false;
  if (!(pos === 0 || /\s/.test(src[pos - 1])) || !/\s/.test(src[pos + 1] ?? '')) return false;
  if (!silent) state.pending += '`';
  state.pos++;
  return true;
}

function tableStyles(state: StateCore): void {
  for (const t of state.tokens) {
    if (t.type !== 'th_open' && t.type !== 'td_open') continue;
    const style = t.attrGet('style');
    if (style) t.attrSet('style', String(style).replace(/text-align:\s*(\w+)/, 'text-align: $1'));
  }
}

type BlockRule = (state: StateBlock, start: number, end: number, silent: boolean) => boolean;

function blockRule(md: MarkdownIt, name: string): BlockRule {
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule }> }).__rules__;
  return rules.find((r) => r.name === name)!.fn;
}

/** How long the closing fence on `line` is (0: none): a run of `char` indented at most three, then only spaces. */
function closingFence(state: StateBlock, line: number, char: number): number {
  if (state.sCount[line] - state.blkIndent > 3) return 0;
  const max = state.eMarks[line];
  let pos = state.bMarks[line] + state.tShift[line];
  const from = pos;
  while (pos < max && state.src.charCodeAt(pos) === char) pos++;
  const len = pos - from;
  if (len < 3) return 0;
  while (pos < max && (state.src.charCodeAt(pos) === 0x20 || state.src.charCodeAt(pos) === 0x09)) pos++;
  return pos === max ? len : 0;
}

/**
 * Fence searches that found no closing fence, per parse: in a block context, after line `after` up to `end`,
 * no closing fence of that character is longer than `longest`. A later fence with a longer opener is answered
 * from here, so a post full of unclosed fences is not rescanned to its end for each of them.
 */
const unclosed = new WeakMap<StateBlock, Map<string, { after: number; longest: number }>>();

/** The line of the fence's closing fence before `end`, or -1 (kramdown then reads the lines as a paragraph). */
function findClosingFence(state: StateBlock, start: number, end: number, char: number, len: number): number {
  let cache = unclosed.get(state);
  if (!cache) unclosed.set(state, (cache = new Map()));
  const key = `${blockContext(state)}:${state.blkIndent}:${end}:${char}`;
  const known = cache.get(key);
  if (known && known.after <= start && known.longest < len) return -1;
  let longest = 0;
  for (let l = start + 1; l < end; l++) {
    const found = closingFence(state, l, char);
    if (found >= len) return l;
    if (found > longest) longest = found;
  }
  cache.set(key, { after: start, longest });
  return -1;
}

/**
 * kramdown needs a closing fence; without one the text is a paragraph. The code keeps its indentation beyond
 * the enclosing block's (kramdown does not strip the fence's own indent from the code lines).
 */
function fenceNeedsClose(md: MarkdownIt): void {
  const original = blockRule(md, 'fence');
  md.block.ruler.at(
    'fence',
    (state, start, end, silent) => {
      const open = /^(`{3,}|~{3,})/.exec(lineText(state, start));
      if (!open || state.sCount[start] - state.blkIndent > 3) return original(state, start, end, silent);
      // Unclosed, it does not end a paragraph either: kramdown ends the paragraph there, fails to read a code
      // block and appends the lines to the paragraph before.
      const close = findClosingFence(state, start, end, open[1].charCodeAt(0), open[1].length);
      if (close < 0) return false;
      if (silent) return original(state, start, end, silent);
      const before = state.tokens.length;
      if (!original(state, start, end, silent)) return false;
      const token = state.tokens[before];
      if (token?.type === 'fence') token.content = state.getLines(start + 1, close, state.blkIndent, true);
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
}

/**
 * kramdown's blockquote (parser/kramdown/blockquote.rb): from a `>` line every line up to a blank line (or a
 * block IAL, an end-of-block marker, a line opening or closing a non-span element) belongs to it, lazy ones
 * too; `>` and one space are removed where a line has them and the text is parsed as a document of its own.
 * So a list, heading or fence on a lazy line stays inside the quote, as in Jekyll.
 */
function kramdownBlockquote(md: MarkdownIt): void {
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule }> }).__rules__;
  const rule = rules.find((r) => r.name === 'blockquote')!;
  const original = rule.fn;
  rule.fn = (state, start, end, silent) => {
    if (silent || state.sCount[start] - state.blkIndent > 3 || atNestingLimit(state)) return original(state, start, end, silent);
    if (state.src.charCodeAt(state.bMarks[start] + state.tShift[start]) !== 0x3e) return false;
    let last = start + 1;
    while (last < end && !state.isEmpty(last) && !endsLazyText(state, last)) last++;
    const base = state.blkIndent;
    const open = state.push('blockquote_open', 'blockquote', 1);
    open.markup = '>';
    open.map = [start, last];
    tokenizeAsDocument(state, start, last, 'blockquote', (l) => {
      const at = state.bMarks[l] + state.tShift[l];
      const column = state.bsCount[l] + state.sCount[l];
      if (state.sCount[l] - base <= 3 && state.src.charCodeAt(at) === 0x3e) {
        const space = state.src.charCodeAt(at + 1) === 0x20 ? 1 : 0;
        setLineStart(state, l, at + 1 + space, column + 1 + space);
      } else {
        // A lazy line keeps its own indentation (beyond the enclosing block's).
        state.bMarks[l] = at;
        state.tShift[l] = 0;
        state.sCount[l] = Math.max(0, state.sCount[l] - base);
        state.bsCount[l] = column;
      }
    });
    state.push('blockquote_close', 'blockquote', -1).markup = '>';
    state.line = last;
    return true;
  };
}

/**
 * kramdown's indented code block (CODEBLOCK_MATCH) also takes the non-blank lines directly after its indented
 * ones, lazily, and joins each of them to the line before with a space; a blank line and more indented lines
 * continue it.
 */
function lazyIndentedCode(md: MarkdownIt): void {
  const original = blockRule(md, 'code');
  md.block.ruler.at('code', (state, start, end, silent) => {
    const before = state.tokens.length;
    if (silent || !original(state, start, end, silent)) return false;
    const base = state.blkIndent;
    const indented = (l: number) => !state.isEmpty(l) && state.sCount[l] - base >= 4;
    let last = start;
    let lazy = false;
    for (let l = start; ; ) {
      let k = l;
      while (k < end && state.isEmpty(k)) k++;
      if (k >= end || !indented(k)) break;
      while (k < end && indented(k)) k++;
      const afterIndented = k;
      while (k < end && !state.isEmpty(k) && !endsLazyText(state, k)) k++;
      lazy ||= k > afterIndented;
      last = l = k;
    }
    const token = state.tokens[before];
    if (!lazy || token?.type !== 'code_block') return true;
    let content = '';
    for (let l = start; l < last; l++) {
      if (state.isEmpty(l) || indented(l)) content += state.getLines(l, l + 1, base + 4, true);
      else content = `${content.replace(/\n$/, '')} ${' '.repeat(Math.max(0, state.sCount[l] - base))}${lineText(state, l)}\n`;
    }
    token.content = `${content.replace(/\n+$/, '')}\n`;
    token.map = [start, last];
    state.line = last;
    return true;
  });
}

/**
 * kramdown's after_block_boundary?: the block is the first in its container, or follows a blank line, an
 * end-of-block marker or a block IAL.
 */
function afterBlockBoundary(state: StateBlock, start: number): boolean {
  const last = state.tokens[state.tokens.length - 1];
  if (!last || last.nesting === 1 || start === 0) return true;
  return state.isEmpty(start - 1) || /^(?:\^[ \t]*|\{:.*\}[ \t]*)$/.test(lineText(state, start - 1));
}

/**
 * kramdown's setext header is one line of text over its underline, and only after a block boundary; below
 * more lines, or right after another block, the underline is text.
 */
function setextOneLine(md: MarkdownIt): void {
  const original = blockRule(md, 'lheading');
  // A block IAL line or one starting with a non-span tag (`<https://…>` too) is never a header's text.
  md.block.ruler.at(
    'lheading',
    (state, start, end, silent) => afterBlockBoundary(state, start) && !endsLazyText(state, start, false) && original(state, start, Math.min(end, start + 2), silent),
  );
}

/** kramdown's end-of-block marker: a line with only `^` ends the block before it (a paragraph, a list) and prints nothing. */
function endOfBlockMarker(state: StateBlock, start: number, _end: number, silent: boolean): boolean {
  if (state.sCount[start] !== state.blkIndent || !/^\^[ \t]*$/.test(lineText(state, start))) return false;
  if (!silent) state.line = start + 1;
  return true;
}

/** Installs the structural fix-ups. */
export function kramdownStructurePlugin(md: MarkdownIt): void {
  kramdownListPlugin(md);
  fenceNeedsClose(md);
  kramdownBlockquote(md);
  setextOneLine(md);
  lazyIndentedCode(md);
  md.block.ruler.before('paragraph', 'kramdown_eob', endOfBlockMarker, { alt: ['paragraph', 'blockquote', 'reference'] });
  // Neither a rule (`***`) nor a table interrupts a kramdown paragraph (`* * *` does, as a list start).
  md.block.ruler.at('hr', blockRule(md, 'hr'), { alt: ['reference', 'blockquote', 'list'] });
  md.block.ruler.at('table', blockRule(md, 'table'), { alt: ['reference'] });
  md.core.ruler.before('inline', 'kramdown_header_id_suffix', headerIdSuffix);
  md.inline.ruler.before('html_inline', 'kramdown_guillemets', guillemets);
  md.inline.ruler.before('backticks', 'kramdown_spaced_backtick', spacedBacktick);
  md.core.ruler.before('footnote_tail', 'kramdown_typography', (state: StateCore) => {
    for (const t of state.tokens) {
      if (t.type !== 'inline' || !t.children) continue;
      strongOutside(t.children);
      typography(t.children);
    }
  });
  // After the footnotes are collected: kramdown's converter gives ids in its order, the body first, then the
  // footnotes in their numbered order (one that is never cited gets none).
  md.core.ruler.after('footnote_tail', 'kramdown_header_ids', headerIds);
  md.core.ruler.push('kramdown_table_styles', tableStyles);
}
