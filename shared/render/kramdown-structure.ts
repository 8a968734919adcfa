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
import { kramdownTypography } from './kramdown-typography';

const BOX_UNCHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />';
const BOX_CHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />';

interface Item {
  open: number;
  close: number;
  /** Index of the first child's open token, or -1 for an empty item. */
  first: number;
  childCount: number;
}

function itemsOf(tokens: Token[], listOpen: number): { items: Item[]; listClose: number } {
  const level = tokens[listOpen].level;
  const items: Item[] = [];
  let i = listOpen + 1;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level === level && t.nesting === -1) break;
    if (t.type === 'list_item_open' && t.level === level + 1) items.push({ open: i, close: -1, first: -1, childCount: 0 });
    else if (t.type === 'list_item_close' && t.level === level + 1) items[items.length - 1].close = i;
    else if (t.level === level + 2 && t.nesting >= 0) {
      const item = items[items.length - 1];
      if (item.first < 0) item.first = i;
      item.childCount++;
    }
  }
  return { items, listClose: i };
}

/** After markdown-it parses a list, applies kramdown's list rules using the block state's lines. */
function fixList(state: StateBlock, listOpen: number): void {
  const tokens = state.tokens;
  tokens[listOpen].attrs = (tokens[listOpen].attrs ?? []).filter(([k]) => k !== 'start');
  const { items } = itemsOf(tokens, listOpen);
  const firstIsP = (it: Item) => it.first >= 0 && tokens[it.first].type === 'paragraph_open';
  const transparent: boolean[] = [];
  items.forEach((it, idx) => {
    transparent[idx] = false;
    if (!firstIsP(it)) return;
    const p = tokens[it.first];
    const isLast = idx === items.length - 1;
    const after = p.map ? p.map[1] : -1;
    const blankAfter = after >= 0 && after < state.lineMax && state.isEmpty(after);
    const a = !blankAfter || (isLast && it.childCount === 1);
    const b = !isLast || items.length === 1 || items.slice(0, -1).some((o, k) => !firstIsP(o) || transparent[k]);
    transparent[idx] = a && b;
    // The first paragraph's closing token is two after its open (open, inline, close).
    p.hidden = transparent[idx];
    tokens[it.first + 2].hidden = transparent[idx];
    for (let k = it.first + 3; k < it.close; k++) {
      const t = tokens[k];
      if ((t.type === 'paragraph_open' || t.type === 'paragraph_close') && t.level === tokens[it.open].level + 1) t.hidden = false;
    }
  });
  let isTaskList = false;
  for (const it of items) {
    if (!firstIsP(it)) continue;
    const inline = tokens[it.first + 1];
    const before = inline.content;
    inline.content = before.replace(/^\s*\[ \]\s+/, BOX_UNCHECKED);
    if (inline.content === before) inline.content = before.replace(/^\s*\[x\]\s+/i, BOX_CHECKED);
    isTaskList ||= inline.content !== before;
    if (isTaskList) tokens[it.open].attrSet('class', 'task-list-item');
  }
  if (isTaskList) tokens[listOpen].attrSet('class', 'task-list');
}

const KRAMDOWN_LIST_START = /^([+*-]|\d+\.)[\t ]/;
const HR_LINE = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/** The next line (after blank ones) continues the list in kramdown: any bullet continues a bullet list. */
function continuesList(state: StateBlock, line: number, end: number, ordered: boolean, indent: number): number {
  let l = line;
  while (l < end && state.isEmpty(l)) l++;
  if (l >= end || state.sCount[l] !== indent) return -1;
  const text = lineText(state, l);
  if (HR_LINE.test(text)) return -1;
  const m = KRAMDOWN_LIST_START.exec(text);
  if (!m || /\d/.test(m[1]) !== ordered) return -1;
  return l;
}

function wrapListRule(md: MarkdownIt): void {
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: (...a: unknown[]) => boolean }> }).__rules__;
  const rule = rules.find((r) => r.name === 'list')!;
  const original = rule.fn as (state: StateBlock, start: number, end: number, silent: boolean) => boolean;
  rule.fn = ((state: StateBlock, start: number, end: number, silent: boolean) => {
    // kramdown (GFM quirk paragraph_end): any list marker ends a paragraph, also "2." and empty items.
    if (silent && state.parentType === 'paragraph' && state.sCount[start] - state.blkIndent < 4) {
      if (KRAMDOWN_LIST_START.test(lineText(state, start))) return true;
    }
    const before = state.tokens.length;
    const ok = original(state, start, end, silent);
    if (!ok || silent || state.tokens.length === before) return ok;
    const ordered = state.tokens[before].type === 'ordered_list_open';
    for (;;) {
      const next = continuesList(state, state.line, end, ordered, state.sCount[start]);
      if (next < 0) break;
      const closeIdx = state.tokens.length - 1;
      const mark = state.tokens.length;
      if (!original(state, next, end, false)) break;
      state.tokens.splice(mark, 1);
      state.tokens.splice(closeIdx, 1);
    }
    const close = state.tokens[state.tokens.length - 1];
    if (state.tokens[before].map && close.nesting === -1) state.tokens[before].map![1] = state.line;
    fixList(state, before);
    return ok;
  }) as (...a: unknown[]) => boolean;
}

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
    if (t.type === 'footnote_reference_open') inFootnote++;
    if (t.type === 'footnote_reference_close') inFootnote--;
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

/** kramdown needs a closing fence; without one the text is a paragraph. */
function fenceNeedsClose(md: MarkdownIt): void {
  const original = blockRule(md, 'fence');
  md.block.ruler.at(
    'fence',
    (state, start, end, silent) => {
      const open = /^(`{3,}|~{3,})/.exec(lineText(state, start));
      if (open && !silent) {
        const close = new RegExp(`^ {0,3}${open[1]}${open[1][0] === '`' ? '`' : '~'}*[ \\t]*$`);
        let l = start + 1;
        while (l < end && !close.test(state.src.slice(state.bMarks[l], state.eMarks[l]))) l++;
        if (l >= end) return false;
      }
      return original(state, start, end, silent);
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
}

/** Installs the structural fix-ups. */
export function kramdownStructurePlugin(md: MarkdownIt): void {
  wrapListRule(md);
  fenceNeedsClose(md);
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
  md.core.ruler.before('footnote_tail', 'kramdown_header_ids', headerIds);
  md.core.ruler.push('kramdown_table_styles', tableStyles);
}
