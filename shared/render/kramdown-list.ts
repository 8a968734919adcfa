/**
 * kramdown's list parser (kramdown/parser/kramdown/list.rb) as a markdown-it block rule. kramdown first
 * collects an item's lines (lines indented to the item's content, lazy lines directly after a non-blank line,
 * blank lines), removes the item's indent from them and parses that text as a document of its own. This rule
 * does the same on markdown-it's line arrays: it narrows the block state to the item's lines with the indent
 * stripped and tokenizes them there, so nothing inside an item (a closing-fence search, an HTML block) ever
 * looks past the item. Then kramdown's rules for an item's first paragraph and task lists are applied.
 */
import type { MarkdownIt, StateBlock, Token } from 'markdown-it';
import { HTML_SPAN_ELEMENTS } from './kramdown-html-scan';
import { applyIal, type Ial, parseAttributeList } from './kramdown-ial';

const BOX_UNCHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />';
const BOX_CHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />';

/** A list marker at the start of a line's text (kramdown's LIST_START without its optional indent). */
export const KRAMDOWN_LIST_START = /^([+*-]|\d+\.)[\t ]/;
const HR_LINE = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const EOB_LINE = /^\^\s*$/;
const IAL_LINE = /^\{:(?![:/])(?:\\\}|[^}])+\}\s*$/;
const ITEM_IAL_ONLY = /^(?:\{:(?![:/])(?:\\\}|[^}])+\})?\s*$/;
// kramdown's LIST_ITEM_IAL: `{: .class}` at the start of an item's text gives the item its attributes.
const ITEM_IAL = /^\{:(?!(?:\w[\w-]*)?:|\/)((?:\\\}|[^}])+)\}\s*/;
// kramdown's LAZY_END_HTML_START / _STOP: a line opening or closing a non-span element is never lazy text.
const LAZY_END_NAMES = [...HTML_SPAN_ELEMENTS, 'script'].join('|');
const UNAME = '(?:[\\p{L}_][-\\p{L}\\p{N}._]*:)?[\\p{L}_][-\\p{L}\\p{N}._]*';
const LAZY_END_HTML = new RegExp(`^<(?:\\/(?!(?:${LAZY_END_NAMES})\\b)${UNAME}\\s*>|(?!(?:${LAZY_END_NAMES})\\b)${UNAME})`, 'u');

/** The text of a line after its indentation. */
export function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

// --- Block contexts: each item (and each blockquote) is a document of its own with its own line marks. ---

const contexts = new WeakMap<StateBlock, number>();
let nextContext = 1;

/** Runs `fn` as a new block context (the line marks may differ from the enclosing one's). */
export function inBlockContext<T>(state: StateBlock, fn: () => T): T {
  const outer = contexts.get(state) ?? 0;
  contexts.set(state, nextContext++);
  try {
    return fn();
  } finally {
    contexts.set(state, outer);
  }
}

/** Identifies the current block context, for caches that are valid only while the line marks stay put. */
export function blockContext(state: StateBlock): number {
  return contexts.get(state) ?? 0;
}

// --- Collecting an item's lines as kramdown does. ---

interface Item {
  start: number;
  /** First line after the item. */
  end: number;
  /** Where the first line's content starts (after the marker and its spaces). */
  contentStart: number;
  contentColumn: number;
  /** The item's indent: lines indented this far belong to it; kramdown removes this much from them. */
  indent: number;
  /** Lines where kramdown starts a new text chunk (a nested list); each chunk is parsed on its own. */
  chunks: number[];
  marker: string;
  /** The inside of a `{: … }` at the start of the item's text. */
  ial: string | null;
}

function startItem(state: StateBlock, line: number, marker: string): Item {
  const rel = state.sCount[line] - state.blkIndent;
  let pos = state.bMarks[line] + state.tShift[line] + marker.length;
  let cols = rel + marker.length;
  const max = state.eMarks[line];
  // kramdown expands tabs after the marker to the next multiple of four, counted from the item's column.
  for (; pos < max; pos++) {
    const ch = state.src.charCodeAt(pos);
    if (ch === 0x20) cols++;
    else if (ch === 0x09) cols += 4 - (cols % 4);
    else break;
  }
  const rest = state.src.slice(pos, max);
  const indent = ITEM_IAL_ONLY.test(rest) ? 4 : cols;
  const ial = ITEM_IAL.exec(rest);
  const skip = ial ? ial[0].length : 0;
  return {
    start: line,
    end: line + 1,
    contentStart: pos + skip,
    contentColumn: state.bsCount[line] + state.sCount[line] + cols - rel + skip,
    indent,
    chunks: [line],
    marker,
    ial: ial ? ial[1] : null,
  };
}

/** kramdown's lazy_re: a non-blank line that neither is a block IAL nor opens or closes a non-span element. */
function lazyAllowed(rel: number, text: string, indent: number): boolean {
  if (rel > Math.min(indent, 3)) return true;
  return !IAL_LINE.test(text) && !LAZY_END_HTML.test(text);
}

/**
 * Whether a non-blank line ends kramdown's lazy text after an indented code block (CODEBLOCK_MATCH): a block
 * IAL, an end-of-block marker (unless `endOfBlock` is false), or a line opening or closing a non-span element.
 */
export function endsLazyText(state: StateBlock, line: number, endOfBlock = true): boolean {
  const rel = state.sCount[line] - state.blkIndent;
  const text = lineText(state, line);
  if (endOfBlock && rel === 0 && EOB_LINE.test(text)) return true;
  return rel <= 3 && (IAL_LINE.test(text) || LAZY_END_HTML.test(text));
}

interface Collected {
  items: Item[];
  end: number;
  /** Lazy list-start lines kramdown indents by the item's indent plus four (after a nested list). */
  pushed: Map<number, number>;
}

function collect(state: StateBlock, startLine: number, endLine: number, marker: string, ordered: boolean): Collected {
  const base = state.blkIndent;
  const items: Item[] = [];
  const pushed = new Map<number, number>();
  let item = startItem(state, startLine, marker);
  let nested = KRAMDOWN_LIST_START.test(state.src.slice(item.contentStart, state.eMarks[startLine]));
  let lastBlank = false;
  let l = startLine + 1;
  for (; l < endLine; l++) {
    const blank = state.isEmpty(l);
    if (blank) {
      nested = true;
      lastBlank = true;
      continue;
    }
    const rel = state.sCount[l] - base;
    const text = lineText(state, l);
    if (lastBlank && rel <= 3 && HR_LINE.test(text)) break;
    if (rel === 0 && EOB_LINE.test(text)) break;
    const start = rel <= Math.min(item.indent - 1, 3) ? KRAMDOWN_LIST_START.exec(text) : null;
    if (start && /\d/.test(start[1]) === ordered) {
      item.end = l;
      items.push(item);
      item = startItem(state, l, start[1]);
      nested = KRAMDOWN_LIST_START.test(state.src.slice(item.contentStart, state.eMarks[l]));
      lastBlank = false;
      continue;
    }
    if (rel >= item.indent) {
      if (!nested && rel - item.indent <= 3 && KRAMDOWN_LIST_START.test(text)) {
        item.chunks.push(l);
        nested = true;
      }
      lastBlank = false;
      continue;
    }
    if (!lastBlank && lazyAllowed(rel, text, item.indent)) {
      if (nested && rel <= 3 && KRAMDOWN_LIST_START.test(text)) pushed.set(l, item.indent + 4);
      continue;
    }
    break;
  }
  item.end = l;
  items.push(item);
  return { items, end: l, pushed };
}

// --- Parsing an item's lines as a document of their own. ---

/** Moves a line's start past `cols` columns of indentation (tabs counted to the next multiple of four). */
function strip(state: StateBlock, line: number, cols: number, extra: number): void {
  let pos = state.bMarks[line];
  let done = 0;
  const max = state.eMarks[line];
  while (pos < max && done < cols) {
    const ch = state.src.charCodeAt(pos);
    if (ch === 0x20) done++;
    else if (ch === 0x09 && done + 4 - ((state.bsCount[line] + done) % 4) <= cols) done += 4 - ((state.bsCount[line] + done) % 4);
    else break;
    pos++;
  }
  const moved = pos - state.bMarks[line];
  state.bMarks[line] = pos;
  state.tShift[line] = Math.max(0, state.tShift[line] - moved);
  state.sCount[line] = Math.max(0, state.sCount[line] - cols) + extra;
  state.bsCount[line] += done;
}

/** Puts a line's start at `pos` (at `column`), counting the indentation after it as markdown-it does. */
export function setLineStart(state: StateBlock, line: number, pos: number, column: number): void {
  let p = pos;
  let cols = 0;
  const max = state.eMarks[line];
  for (; p < max; p++) {
    const ch = state.src.charCodeAt(p);
    if (ch === 0x20) cols++;
    else if (ch === 0x09) cols += 4 - ((column + cols) % 4);
    else break;
  }
  state.bMarks[line] = pos;
  state.tShift[line] = p - pos;
  state.sCount[line] = cols;
  state.bsCount[line] = column;
}

/** True when markdown-it's nesting limit (its `maxNesting` option, 100 by default) stops a block rule from going deeper. */
export function atNestingLimit(state: StateBlock): boolean {
  return state.level >= ((state.md.options as { maxNesting?: number }).maxNesting ?? 100);
}

/**
 * Tokenizes lines `start`..`end` as kramdown parses a block's collected text: a document of its own, after
 * `place` has moved each line's start past what kramdown removes from it. Each of `chunks` (first lines) is
 * parsed on its own, as kramdown does for the text chunks of a list item. The line marks are restored after.
 */
export function tokenizeAsDocument(state: StateBlock, start: number, end: number, parentType: StateBlock['parentType'], place: (line: number) => void, chunks: number[] = [start]): void {
  const saved = {
    b: state.bMarks.slice(start, end),
    t: state.tShift.slice(start, end),
    s: state.sCount.slice(start, end),
    bs: state.bsCount.slice(start, end),
    blkIndent: state.blkIndent,
    lineMax: state.lineMax,
    parentType: state.parentType,
    listIndent: state.listIndent,
  };
  for (let l = start; l < end; l++) place(l);
  state.blkIndent = 0;
  state.parentType = parentType;
  state.listIndent = -1;
  try {
    chunks.forEach((from, i) => {
      const to = chunks[i + 1] ?? end;
      state.lineMax = to;
      inBlockContext(state, () => state.md.block.tokenize(state, from, to));
    });
  } finally {
    for (let l = start; l < end; l++) {
      state.bMarks[l] = saved.b[l - start];
      state.tShift[l] = saved.t[l - start];
      state.sCount[l] = saved.s[l - start];
      state.bsCount[l] = saved.bs[l - start];
    }
    state.blkIndent = saved.blkIndent;
    state.lineMax = saved.lineMax;
    state.parentType = saved.parentType;
    state.listIndent = saved.listIndent;
  }
}

function tokenizeItem(state: StateBlock, item: Item, pushed: Map<number, number>): void {
  const base = state.blkIndent;
  const place = (l: number) => {
    const rel = state.sCount[l] - base;
    if (l === item.start) setLineStart(state, l, item.contentStart, item.contentColumn);
    else if (pushed.has(l)) strip(state, l, Math.min(state.sCount[l], base), pushed.get(l)!);
    else if (!state.isEmpty(l) && rel >= item.indent) strip(state, l, base + item.indent, 0);
    else strip(state, l, Math.min(state.sCount[l], base), 0);
  };
  tokenizeAsDocument(state, item.start, item.end, 'list', place, item.chunks);
}

// --- kramdown's rules for the first paragraph of an item and for task lists. ---

interface ItemTokens {
  open: number;
  close: number;
  /** Index of the first child's open token, or -1 for an empty item. */
  first: number;
  childCount: number;
}

/** The list's items and their direct children, by nesting (tokens of Markdown inside HTML carry their own levels). */
function itemsOf(tokens: Token[], listOpen: number): ItemTokens[] {
  const items: ItemTokens[] = [];
  let depth = 0;
  for (let i = listOpen + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (depth === 0 && t.nesting === -1) break;
    if (depth === 0 && t.type === 'list_item_open') items.push({ open: i, close: -1, first: -1, childCount: 0 });
    else if (depth === 1 && t.type === 'list_item_close') items[items.length - 1].close = i;
    else if (depth === 1 && t.nesting >= 0) {
      const item = items[items.length - 1];
      if (item.first < 0) item.first = i;
      item.childCount++;
    }
    depth += t.nesting;
  }
  return items;
}

/** After a list is parsed, applies kramdown's rules: which first paragraphs print `<p>`, task lists, no `start`. */
function fixList(state: StateBlock, listOpen: number): void {
  const tokens = state.tokens;
  tokens[listOpen].attrs = (tokens[listOpen].attrs ?? []).filter(([k]) => k !== 'start');
  const items = itemsOf(tokens, listOpen);
  const firstIsP = (it: ItemTokens) => it.first >= 0 && tokens[it.first].type === 'paragraph_open';
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

type BlockRule = (state: StateBlock, start: number, end: number, silent: boolean) => boolean;

function kramdownList(original: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const rel = state.sCount[startLine] - state.blkIndent;
    if (silent) {
      // kramdown (GFM quirk paragraph_end): any list marker ends a paragraph, also "2." and empty items.
      if (state.parentType === 'paragraph' && rel < 4 && KRAMDOWN_LIST_START.test(lineText(state, startLine))) return true;
      // A blockquote's lazy lines run to a blank line in kramdown: a list there is inside the quote.
      if (state.parentType === 'blockquote') return false;
      return original(state, startLine, endLine, silent);
    }
    if (rel > 3 || atNestingLimit(state)) return false;
    const m = KRAMDOWN_LIST_START.exec(lineText(state, startLine));
    if (!m) return false;
    const ordered = /\d/.test(m[1]);
    const { items, end, pushed } = collect(state, startLine, endLine, m[1], ordered);
    const markup = ordered ? '.' : m[1];
    const open = state.push(ordered ? 'ordered_list_open' : 'bullet_list_open', ordered ? 'ol' : 'ul', 1);
    open.map = [startLine, end];
    open.markup = markup;
    const listOpen = state.tokens.length - 1;
    for (const item of items) {
      const li = state.push('list_item_open', 'li', 1);
      li.map = [item.start, item.end];
      li.markup = ordered ? '.' : item.marker;
      if (ordered) li.info = item.marker.slice(0, -1);
      if (item.ial !== null) applyIal(li, parseAttributeList(item.ial, (state.env as { kramdownAlds?: Map<string, Ial> }).kramdownAlds));
      tokenizeItem(state, item, pushed);
      state.push('list_item_close', 'li', -1).markup = li.markup;
    }
    state.push(ordered ? 'ordered_list_close' : 'bullet_list_close', ordered ? 'ol' : 'ul', -1).markup = markup;
    state.line = end;
    fixList(state, listOpen);
    return true;
  };
}

/** Replaces markdown-it's list rule with kramdown's (keeping the rule's place and the rules it may end). */
export function kramdownListPlugin(md: MarkdownIt): void {
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule }> }).__rules__;
  const rule = rules.find((r) => r.name === 'list')!;
  rule.fn = kramdownList(rule.fn);
}
