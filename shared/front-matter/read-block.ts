/**
 * Reads the YAML of a post's front matter once, the same way for every reader: the block found by the shared
 * splitter, YAML 1.1 as Jekyll (Psych) reads it, with the shared alias and nesting limits, and the same problems
 * with the same file lines. The form, the preview and the post list differ only in what they show of it.
 */
import { isMap, isScalar, type Document } from 'yaml';
import { type ProblemWords, worded } from './problem-words';
import { splitFrontMatter, type FrontMatterSplit } from './split';
import { parseYamlSafely, toPlainData, type YamlIssue } from './yaml11';

/** A problem of the block as a whole or of its YAML, with the one-based line of the file. */
export interface BlockProblem {
  code: 'unclosed' | 'code-front-matter' | 'too-large' | YamlIssue['code'] | 'wrong-type';
  /** In English (the command line, the post list); the app words it from `words` in its language. */
  message: string;
  words: ProblemWords;
  /** The YAML parser's own text, shown only as a detail. */
  detail?: string;
  line: number;
}

/** A post's front matter as read: the block, its data and its problems. */
export interface FrontMatterBlock {
  split: FrontMatterSplit;
  /** Whether the text has a closed YAML front-matter block (even when its YAML is broken). */
  hasFrontMatter: boolean;
  /** The fields as plain data; empty when the block could not be read (duplicate keys alone keep the data). */
  data: Record<string, unknown>;
  /** The parsed YAML (null without a block, when the parser was not reached, or when the fast path read it). */
  doc: Document | null;
  /** Every problem, the blocking one first. */
  problems: BlockProblem[];
}

/** The message for front matter that is a list or a bare value instead of `key: value` lines. */
export const NOT_A_MAPPING = worded('not-a-mapping').message;

/** The top-level mapping of a parsed front matter, or null when it is empty or not a mapping; throws nothing. */
export function topMap(doc: Document): { map: ReturnType<typeof asMap>; empty: boolean } {
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { map: null, empty: true };
  return { map: asMap(contents), empty: false };
}

function asMap(node: unknown) {
  return isMap(node) ? node : null;
}

/**
 * Reads the front matter of a post's text. `dates: 'date'` turns plain timestamps into Dates (as Liquid sees
 * them); `fast` lets the common flat shape skip the full parser (the list, which needs no document). Never throws.
 */
export function readFrontMatterBlock(text: string, opts: { dates?: 'text' | 'date'; fast?: boolean } = {}): FrontMatterBlock {
  const split = splitFrontMatter(text);
  const block: FrontMatterBlock = { split, hasFrontMatter: split.kind === 'yaml', data: {}, doc: null, problems: [] };
  if (split.problem) {
    block.problems.push({ ...split.problem });
    return block;
  }
  if (split.kind !== 'yaml') return block;
  const toFile = (line: number) => split.yamlLine + line - 1;
  if (opts.fast && opts.dates !== 'date') {
    const fast = fastFrontMatter(split.yaml);
    if (fast) {
      block.data = fast;
      return block;
    }
  }
  const { doc, issues } = parseYamlSafely(split.yaml, { dates: opts.dates });
  block.doc = doc;
  block.problems.push(...issues.map((i) => ({ ...i, line: toFile(i.line) })));
  if (!doc || issues.some((i) => i.code !== 'duplicate-key')) return block;
  const { map, empty } = topMap(doc);
  if (!empty && !map) {
    block.problems.push({ code: 'wrong-type', ...worded('not-a-mapping'), line: split.yamlLine });
    return block;
  }
  const { data, issue } = toPlainData(doc);
  if (issue) {
    block.problems.push({ ...issue, line: toFile(issue.line) });
    return block;
  }
  block.data = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return block;
}

/**
 * The problem that keeps a post's front matter from being read (broken YAML, a duplicate key, no closing ---,
 * a list instead of fields), or null. Saving such a post asks first and autosave waits; a block in a refused
 * language or over the size limit is left to the user as it is.
 */
export function unreadableFrontMatter(text: string): BlockProblem | null {
  const problem = readFrontMatterBlock(text, { fast: true }).problems[0];
  return problem && problem.code !== 'code-front-matter' && problem.code !== 'too-large' ? problem : null;
}

/** What the post list needs from a post's front matter: the data, or why it could not be read. */
export interface FrontMatterHead {
  data: Record<string, unknown>;
  error: string | null;
  /** One-based line in the file the error is about. */
  line?: number;
}

/**
 * The post list's reading of a post's text (or of its head, see `needsMoreText`): the same block, data and
 * problems as the form, as one sentence; any problem leaves the data empty. Never throws and never runs code.
 */
export function readFrontMatterHead(text: string): FrontMatterHead {
  const block = readFrontMatterBlock(text, { fast: true });
  const first = block.problems[0];
  if (!first) return { data: block.data, error: null };
  const yamlLevel = first.code !== 'unclosed' && first.code !== 'code-front-matter' && first.code !== 'too-large' && first.code !== 'wrong-type';
  const message = yamlLevel ? `The front matter could not be read: ${lowerFirst(first.message)}` : first.message;
  return { data: {}, error: message.replace(/\.$/, ''), line: first.line };
}

function lowerFirst(message: string): string {
  return /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
}

const FAST_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*))?$/;
const FAST_PLAIN = /^[\p{L}/][\p{L}\p{N} _.,/()!?+'&;-]*$/u;
const FAST_ITEM = /^\p{L}[\p{L}\p{N} _./()!?+'&;-]*$/u;
const FAST_DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}(?::?\d{2})?))?)?$/;
const FAST_RESERVED = /^(?:y|n|yes|no|true|false|on|off|null|e[-+]?\d+)$/i;

/** One simple scalar as YAML 1.1 (without timestamps) reads it, or undefined when it is not simple. */
function fastScalar(value: string, item: boolean): unknown {
  if (value.startsWith('"')) return value.length >= 2 && value.endsWith('"') && !/["\\]/.test(value.slice(1, -1)) ? value.slice(1, -1) : undefined;
  if (value.startsWith("'")) return value.length >= 2 && value.endsWith("'") && !value.slice(1, -1).includes("'") ? value.slice(1, -1) : undefined;
  if (FAST_DATE.test(value)) return value;
  if (FAST_RESERVED.test(value) || !(item ? FAST_ITEM : FAST_PLAIN).test(value)) return undefined;
  return value;
}

/**
 * Reads the common shape of front matter (top-level `key: value` lines with plain words, simple quoted
 * strings, dates and flat `[a, b]` lists) without the full parser, which costs ~20x more per post.
 * Returns undefined for anything else, which then goes to the full YAML parser; tests check they agree.
 */
export function fastFrontMatter(text: string): Record<string, unknown> | undefined {
  if (text.includes('\t')) return undefined;
  const out: Record<string, unknown> = {};
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^ *$/.test(line) || line.startsWith('#')) continue;
    const m = FAST_KEY.exec(line);
    if (!m) return undefined;
    const key = m[1];
    if (key === '__proto__' || FAST_RESERVED.test(key) || Object.prototype.hasOwnProperty.call(out, key)) return undefined;
    // Only spaces count as YAML whitespace here (String#trim would also drop no-break spaces, which YAML keeps).
    const value = (m[2] ?? '').replace(/ +$/, '');
    if (value === '') {
      out[key] = null;
    } else if (value.startsWith('[')) {
      if (!value.endsWith(']')) return undefined;
      const inner = value.slice(1, -1).replace(/^ +| +$/g, '');
      const items = inner === '' ? [] : inner.split(',').map((x) => fastScalar(x.replace(/^ +| +$/g, ''), true));
      if (items.some((x) => x === undefined)) return undefined;
      out[key] = items;
    } else {
      const scalar = fastScalar(value, false);
      if (scalar === undefined) return undefined;
      out[key] = scalar;
    }
  }
  return out;
}
