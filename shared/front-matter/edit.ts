/**
 * Lossless front-matter edits on a post's whole text: only the changed field's lines change. Comments, key
 * order, quotes, indentation, line endings, flow or block style and every other value stay byte for byte,
 * because the text of the one value is spliced in place instead of writing the whole YAML anew.
 * Every edit is checked by reading the result back: it refuses rather than change anything else.
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { pairKey } from './model';
import { NOT_A_MAPPING, topMap } from './read-block';
import { splitFrontMatter, type FrontMatterSplit } from './split';
import { parseYamlSafely, toPlainData } from './yaml11';
import { blockLines, booleanWord, fitsBlock, inlineString, isPlainSafe, literalBlock, type ScalarStyle, type StringPreference } from './yaml-style';

/** A value a form can write: plain JSON (dates are strings such as `2024-05-01 10:00:00 +0200`). */
export type FrontMatterValue = string | number | boolean | null | FrontMatterValue[] | { [key: string]: FrontMatterValue };

/** Why an edit was refused; the text stays as it was. `line` is one-based in the file. */
export class FrontMatterEditError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'FrontMatterEditError';
  }
}

/** Everything an edit needs to know about the current text. */
interface Ctx {
  text: string;
  split: FrontMatterSplit;
  doc: Document;
  map: YAMLMap | null;
  data: Record<string, unknown>;
  eol: string;
  /** Column of the top-level keys. */
  keyIndent: number;
  prefer: StringPreference;
  boolLike: string | null;
  list: { flow: boolean; indent: number; style: ScalarStyle | null };
}

interface Rendered {
  /** What follows `key:` on its line (without the space); '' for nothing. */
  head: string;
  /** Lines below the key line, indented, without line breaks. */
  lines: string[];
}

const abs = (ctx: Ctx, offset: number) => ctx.split.yamlStart + offset;

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line break that ends the line `offset` is on (the text's end on the last line). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

function styleOf(node: Node | null): ScalarStyle | null {
  return isScalar(node) && node.type ? (node.type as ScalarStyle) : null;
}

/** Reads the text and the habits of its front matter; throws FrontMatterEditError for anything not safely editable. */
function prepare(text: string): Ctx | null {
  const split = splitFrontMatter(text);
  if (split.problem) throw new FrontMatterEditError(split.problem.message, split.problem.line);
  if (split.kind === 'none') return null;
  const { doc, issues } = parseYamlSafely(split.yaml);
  if (issues.length > 0 || !doc) {
    const first = issues[0];
    throw new FrontMatterEditError(`Fix the front matter first (line ${split.yamlLine + first.line - 1}): ${first.message}`, split.yamlLine + first.line - 1);
  }
  const { map, empty } = topMap(doc);
  if (!empty && !map) throw new FrontMatterEditError(NOT_A_MAPPING, split.yamlLine);
  if (map?.flow) throw new FrontMatterEditError('The front matter is written as one {…} group; edit it in the text.', split.yamlLine);
  const { data, issue } = toPlainData(doc);
  if (issue) throw new FrontMatterEditError(issue.message, split.yamlLine);
  const ctx: Ctx = {
    text,
    split,
    doc,
    map,
    data: (data as Record<string, unknown>) ?? {},
    eol: split.eol,
    keyIndent: 0,
    prefer: { quoted: false, quote: 'QUOTE_DOUBLE' },
    boolLike: null,
    list: { flow: false, indent: 2, style: null },
  };
  learnHabits(ctx);
  return ctx;
}

/** Looks at how the file writes things, so new values look like the old ones. */
function learnHabits(ctx: Ctx): void {
  const counts: Record<string, number> = { PLAIN: 0, QUOTE_DOUBLE: 0, QUOTE_SINGLE: 0 };
  const items = ctx.map?.items ?? [];
  const firstKey = items[0]?.key as Node | undefined;
  if (firstKey?.range) ctx.keyIndent = firstKey.range[0] - lineStart(ctx.split.yaml, firstKey.range[0]);
  visit(ctx.doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'boolean' && ctx.boolLike === null && node.range) ctx.boolLike = ctx.split.yaml.slice(node.range[0], node.range[1]);
    },
  });
  // Top-level values decide how a new value is quoted; lists have their own habit (below).
  for (const pair of items) {
    const value = pair.value as Node | null;
    if (isScalar(value) && typeof value.value === 'string' && value.type && value.type in counts) counts[value.type]++;
  }
  const quoted = counts.QUOTE_DOUBLE + counts.QUOTE_SINGLE;
  ctx.prefer = { quoted: quoted > counts.PLAIN, quote: counts.QUOTE_SINGLE > counts.QUOTE_DOUBLE ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE' };
  for (const pair of items) {
    const value = pair.value as Node | null;
    if (!isSeq(value) || !value.range) continue;
    const first = value.items[0] as Node | undefined;
    ctx.list.style = styleOf(first ?? null);
    if (value.flow) ctx.list.flow = true;
    else {
      const dash = value.range[0];
      ctx.list.indent = Math.max(0, dash - lineStart(ctx.split.yaml, dash) - ctx.keyIndent);
    }
    break;
  }
}

function findPair(ctx: Ctx, key: string): Pair | null {
  for (const pair of ctx.map?.items ?? []) if (pairKey(pair) === key) return pair;
  return null;
}

/** How an old scalar was written, as a hint for the new one: its style and, for booleans, its spelling. */
interface Hint {
  style: ScalarStyle | null;
  bool: string | null;
}

function hintOf(ctx: Ctx, node: Node | null): Hint {
  if (!isScalar(node)) return { style: null, bool: null };
  const bool = typeof node.value === 'boolean' && node.range ? ctx.split.yaml.slice(node.range[0], node.range[1]) : null;
  return { style: styleOf(node), bool };
}

function renderScalar(ctx: Ctx, value: FrontMatterValue, hint: Hint, opts: { inFlow?: boolean; dateOk?: boolean; list?: boolean }): string {
  if (value === null) return opts.list || opts.inFlow ? 'null' : '';
  if (typeof value === 'boolean') return booleanWord(value, hint.bool ?? ctx.boolLike);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new FrontMatterEditError('Only finite numbers can be written.');
    return String(value);
  }
  if (typeof value !== 'string') throw new FrontMatterEditError('A list item must be a single value here.');
  const style = hint.style === 'BLOCK_FOLDED' || hint.style === 'BLOCK_LITERAL' ? null : hint.style;
  return inlineString(value, style, ctx.prefer, opts);
}

/** A flow list `[a, "b"]` with the items that stay written exactly as before, in the list's spacing. */
function flowList(ctx: Ctx, value: FrontMatterValue[], old: YAMLSeq | null, hint: Hint): string {
  const yaml = ctx.split.yaml;
  const written = new Map<string, string[]>();
  for (const item of (old?.items ?? []) as Node[]) {
    if (!isScalar(item) || !item.range) continue;
    const k = JSON.stringify(item.toJSON());
    written.set(k, [...(written.get(k) ?? []), yaml.slice(item.range[0], item.range[1])]);
  }
  const source = old?.range ? yaml.slice(old.range[0], old.range[1]) : '[a, b]';
  const sep = /,\S/.test(source) && !/, /.test(source) ? ',' : ', ';
  const pad = /^\[ /.test(source) ? ' ' : '';
  const items = value.map((v) => written.get(JSON.stringify(v))?.shift() ?? renderScalar(ctx, v, hint, { inFlow: true, list: true }));
  return `[${pad}${items.join(sep)}${pad}]`;
}

/** Renders a whole value for `key:`; `old` is the node it replaces (null for a new key). */
function renderValue(ctx: Ctx, key: string, value: FrontMatterValue, old: Node | null): Rendered {
  const step = 2;
  const childIndent = ' '.repeat(ctx.keyIndent + step);
  if (typeof value === 'string' && /\n/.test(value)) {
    const style = styleOf(old);
    if ((old === null || style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED' || style === 'PLAIN') && fitsBlock(value)) return literalBlock(value, childIndent, step);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { head: '[]', lines: [] };
    const scalars = value.every((v) => v === null || typeof v !== 'object');
    const oldSeq = isSeq(old) ? old : null;
    const flow = oldSeq ? oldSeq.flow === true : ctx.list.flow;
    const firstItem = (oldSeq?.items[0] as Node | undefined) ?? null;
    if (!scalars) return { head: '', lines: blockLines(value, ' '.repeat(ctx.keyIndent + (oldSeq ? seqIndent(ctx, oldSeq) : ctx.list.indent))) };
    const itemHint: Hint = firstItem ? hintOf(ctx, firstItem) : { style: ctx.list.style, bool: null };
    if (flow) return { head: flowList(ctx, value, oldSeq, itemHint), lines: [] };
    const indent = ' '.repeat(ctx.keyIndent + (oldSeq ? seqIndent(ctx, oldSeq) : ctx.list.indent));
    return { head: '', lines: value.map((v) => `${indent}- ${renderScalar(ctx, v, itemHint, { list: true })}`) };
  }
  if (value !== null && typeof value === 'object') {
    if (Object.keys(value).length === 0) return { head: '{}', lines: [] };
    return { head: '', lines: blockLines(value, childIndent) };
  }
  return { head: renderScalar(ctx, value, hintOf(ctx, old), { dateOk: key === 'date' || (isScalar(old) && old.type === 'PLAIN') }), lines: [] };
}

function seqIndent(ctx: Ctx, seq: YAMLSeq): number {
  const dash = seq.range?.[0] ?? 0;
  return Math.max(0, dash - lineStart(ctx.split.yaml, dash) - ctx.keyIndent);
}

function isBlockNode(node: Node | null): boolean {
  if (isScalar(node)) return node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  return (isSeq(node) || isMap(node)) && !node.flow;
}

/** Where `key:`'s value begins (just after the colon) in the YAML text. */
function afterColon(ctx: Ctx, pair: Pair): number {
  const key = pair.key as Node;
  const colon = ctx.split.yaml.indexOf(':', key.range?.[1] ?? 0);
  if (colon === -1 || !key.range) throw new FrontMatterEditError('This key is written in a way Pressroom cannot edit; edit it in the text.');
  return colon + 1;
}

/** Replaces the value of an existing pair; returns the new whole text. */
function replaceValue(ctx: Ctx, pair: Pair, key: string, value: FrontMatterValue): string {
  const yaml = ctx.split.yaml;
  const old = (pair.value as Node | null) ?? null;
  if (old && !isAlias(old) && (old as { anchor?: string }).anchor) {
    throw new FrontMatterEditError(`${key} is shared with other fields through a YAML anchor (&); edit it in the text.`);
  }
  if (isSeq(old) && !old.flow && Array.isArray(value) && value.length > 0) {
    const spliced = spliceBlockSeq(ctx, old, value);
    if (spliced !== null) return spliced;
  }
  const rendered = renderValue(ctx, key, value, old);
  const oldRange = old?.range;
  const oldBlock = isBlockNode(old);
  const isScalarInPlace = oldRange && !oldBlock && rendered.lines.length === 0 && rendered.head !== '' && oldRange[1] > oldRange[0] && !isAlias(old);
  if (isScalarInPlace) return splice(ctx.text, abs(ctx, oldRange[0]), abs(ctx, oldRange[1]), rendered.head);
  const from = afterColon(ctx, pair);
  let to = oldRange ? oldRange[1] : from;
  if (oldBlock && yaml.charAt(to - 1) !== '\n') to = lineEnd(yaml, to);
  // Keep a comment that follows an inline value on its line.
  const tail = oldBlock ? ctx.eol : '';
  const replacement = (rendered.head ? ` ${rendered.head}` : '') + (rendered.lines.length ? ctx.eol + rendered.lines.join(ctx.eol) : '') + tail;
  return splice(ctx.text, abs(ctx, from), abs(ctx, to), replacement);
}

/**
 * Changes a block list (`- a` lines) by removing and inserting item lines only, so kept items (and comments
 * between them) stay byte for byte. Returns null when the list is not one plain item per line.
 */
function spliceBlockSeq(ctx: Ctx, seq: YAMLSeq, next: FrontMatterValue[]): string | null {
  const yaml = ctx.split.yaml;
  const items = seq.items as Node[];
  if (items.length === 0 || next.some((v) => v !== null && typeof v === 'object')) return null;
  const regions: Array<{ start: number; end: number; value: unknown }> = [];
  for (const item of items) {
    if (!isScalar(item) || !item.range || isBlockNode(item)) return null;
    const start = lineStart(yaml, item.range[0]);
    if (!/^ *- +$/.test(yaml.slice(start, item.range[0]))) return null;
    const end = lineEnd(yaml, item.range[1]);
    if (regions.length > 0 && start < regions[regions.length - 1].end) return null;
    regions.push({ start, end, value: item.toJSON() });
  }
  const prefix = yaml.slice(regions[0].start, items[0].range![0]);
  const key = (v: unknown) => JSON.stringify(v);
  const oldKeys = regions.map((r) => key(r.value));
  const newKeys = next.map(key);
  const keep = lcs(oldKeys, newKeys);
  // Lines of removed items, by value, so a moved item keeps its exact text (and comment).
  const spare = new Map<string, string[]>();
  regions.forEach((r, i) => {
    if (keep.oldKept.has(i)) return;
    const list = spare.get(oldKeys[i]) ?? [];
    list.push(yaml.slice(r.start, r.end));
    spare.set(oldKeys[i], list);
  });
  const hint = items[0];
  let out = '';
  let oi = 0;
  const emitNew = (j: number) => {
    const reused = spare.get(newKeys[j])?.shift();
    out += reused !== undefined ? (reused.endsWith('\n') ? reused : reused + ctx.eol) : `${prefix}${renderScalar(ctx, next[j], hintOf(ctx, hint), { list: true })}${ctx.eol}`;
  };
  for (let j = 0; j < next.length; j++) {
    const match = keep.newToOld.get(j);
    if (match === undefined) {
      emitNew(j);
      continue;
    }
    for (; oi < match; oi++) out += gap(oi);
    out += gap(match) + yaml.slice(regions[match].start, regions[match].end);
    oi = match + 1;
  }
  for (; oi < regions.length; oi++) out += gap(oi);
  const spanEnd = regions[regions.length - 1].end;
  if (!yaml.slice(0, spanEnd).endsWith('\n') && out.endsWith(ctx.eol)) out = out.slice(0, -ctx.eol.length);
  return splice(ctx.text, abs(ctx, regions[0].start), abs(ctx, spanEnd), out);

  /** The comment lines between item i-1 and item i, which stay wherever the items go. */
  function gap(i: number): string {
    return i === 0 ? '' : yaml.slice(regions[i - 1].end, regions[i].start);
  }
}

/** Longest common subsequence of two lists of keys: which old items stay, matched to new positions. */
function lcs(a: string[], b: string[]): { oldKept: Set<number>; newToOld: Map<number, number> } {
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  const oldKept = new Set<number>();
  const newToOld = new Map<number, number>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      oldKept.add(i);
      newToOld.set(j, i);
      i++;
      j++;
    } else if (t[i + 1][j] >= t[i][j + 1]) i++;
    else j++;
  }
  return { oldKept, newToOld };
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

function renderKey(ctx: Ctx, key: string): string {
  return isPlainSafe(key) && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(key) ? key : inlineString(key, 'QUOTE_DOUBLE', ctx.prefer);
}

/** The lines of a new `key: value` pair, with a final line break. */
function newPair(ctx: Ctx, key: string, value: FrontMatterValue): string {
  const r = renderValue(ctx, key, value, null);
  const first = `${' '.repeat(ctx.keyIndent)}${renderKey(ctx, key)}:${r.head ? ` ${r.head}` : ''}`;
  return [first, ...r.lines].join(ctx.eol) + ctx.eol;
}

function checkKey(key: string): void {
  if (key === '' || key.length > 200 || /[\r\n]/.test(key)) throw new FrontMatterEditError('A field name must be one line of at most 200 characters.');
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Reads the edited text back: the field must hold the new value and every other field its old one. */
function verify(before: Record<string, unknown>, after: string, key: string, value: FrontMatterValue | undefined): string {
  let data: Record<string, unknown>;
  try {
    data = prepare(after)?.data ?? {};
  } catch {
    data = { '\u0000unreadable': true };
  }
  const expectKeys = Object.keys(before).filter((k) => k !== key);
  if (value !== undefined) expectKeys.push(key);
  const ok =
    expectKeys.every((k) => Object.prototype.hasOwnProperty.call(data, k)) &&
    Object.keys(data).length === expectKeys.length &&
    expectKeys.every((k) => (k === key ? same(data[k], value) : same(data[k], before[k])));
  if (!ok) throw new FrontMatterEditError(`Pressroom could not write ${key} without changing other fields; edit it in the text.`);
  return after;
}

/**
 * Sets one top-level field and returns the new whole text: an existing field's value is replaced in place,
 * a new one is added as the last line of the block, and a post without front matter gets a block.
 * Throws FrontMatterEditError (text unchanged) when the front matter has problems or the edit cannot be lossless.
 */
export function setField(text: string, key: string, value: FrontMatterValue): string {
  checkKey(key);
  const ctx = prepare(text);
  if (!ctx) {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const eol = /\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n';
    const blank = prepare(`---${eol}---${eol}`)!;
    const result = text.slice(0, bom) + `---${eol}${newPair(blank, key, value)}---${eol}` + text.slice(bom);
    return verify({}, result, key, value);
  }
  const pair = findPair(ctx, key);
  if (pair && same(ctx.data[key], value)) return text;
  const result = pair ? replaceValue(ctx, pair, key, value) : splice(text, ctx.split.yamlEnd, ctx.split.yamlEnd, newPair(ctx, key, value));
  return verify(ctx.data, result, key, value);
}

/** Removes one top-level field (its key line and the value's lines); comments above it stay. Unknown keys change nothing. */
export function removeField(text: string, key: string): string {
  const ctx = prepare(text);
  if (!ctx) return text;
  const pair = findPair(ctx, key);
  if (!pair) return text;
  const yaml = ctx.split.yaml;
  const keyNode = pair.key as Node;
  const value = (pair.value as Node | null) ?? null;
  if (value && (value as { anchor?: string }).anchor) throw new FrontMatterEditError(`${key} is used by other fields through a YAML anchor (&); edit it in the text.`);
  const start = lineStart(yaml, keyNode.range![0]);
  const valueEnd = value?.range ? value.range[1] : afterColon(ctx, pair);
  const end = isBlockNode(value) && yaml.charAt(valueEnd - 1) === '\n' ? valueEnd : lineEnd(yaml, valueEnd);
  return verify(ctx.data, splice(text, abs(ctx, start), abs(ctx, end), ''), key, undefined);
}

/** Sets several fields at once (`undefined` removes one), each as losslessly as setField. */
export function setFields(text: string, patch: Record<string, FrontMatterValue | undefined>): string {
  let out = text;
  for (const [key, value] of Object.entries(patch)) out = value === undefined ? removeField(out, key) : setField(out, key, value);
  return out;
}

/** How a field is written in the file: scalars as written (without quotes), lists item by item; null when absent. */
export function getFieldSource(text: string, key: string): { value: unknown; written: string[] } | null {
  const ctx = prepare(text);
  const pair = ctx ? findPair(ctx, key) : null;
  if (!ctx || !pair) return null;
  const node = (pair.value as Node | null) ?? null;
  const asWritten = (n: unknown): string => (isScalar(n) ? (typeof n.source === 'string' ? n.source : String(n.value ?? '')) : JSON.stringify((n as Node).toJSON()));
  const written = node === null ? [] : isSeq(node) ? node.items.map(asWritten) : [asWritten(node)];
  return { value: ctx.data[key] ?? null, written };
}
