/**
 * YAML as Jekyll reads it (Ruby's Psych: YAML 1.1, `yes`/`no` booleans), with the limits that keep a hostile
 * post from hanging or crashing the app: bounded aliases, bounded nesting checked before the parser recurses.
 */
import { type DocumentOptions, type ParseOptions, parseDocument, type SchemaOptions, type Document } from 'yaml';
import { messageOf } from '../contract/errors';
import { lineOfOffset } from '../util/line-starts';
import { type ProblemWords, worded, yamlErrorWords } from './problem-words';

/** Aliases a document may expand; real configs and front matter use a handful, a "billion laughs" thousands. */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of collections we hand to the parser; deeper input makes it overflow the stack (or worse). */
export const MAX_NESTING = 64;

/** The options every YAML parse uses, so config and front matter read alike. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  uniqueKeys: true,
  merge: true,
  // Long single-line errors make the pretty printer build huge regular expressions; we compute lines ourselves.
  prettyErrors: false,
  // Keep timestamps as written: a date's day must not move with the time zone. No custom tags are added.
  customTags: (tags) => tags.filter((t) => !(typeof t === 'object' && t.tag === 'tag:yaml.org,2002:timestamp')).map(psychBoolean),
};

/** The same, but plain timestamps become Date objects, as Liquid sees `page.date` in Jekyll (used by the preview). */
const WITH_DATES: ParseOptions & DocumentOptions & SchemaOptions = { ...YAML_OPTIONS, customTags: (tags) => tags.map(psychBoolean) };

/**
 * Booleans as Psych reads them: yes/no, true/false, on/off in any case, but not `y`/`n`, which the yaml
 * library's YAML 1.1 schema would turn into booleans (so `y: 1` kept its key and `n` stays a letter).
 */
function psychBoolean<T>(tag: T): T {
  const t = tag as unknown as { tag?: string; test?: RegExp; identify?: (v: unknown) => boolean };
  if (typeof tag !== 'object' || tag === null || t.tag !== 'tag:yaml.org,2002:bool' || !t.test) return tag;
  return { ...tag, test: t.identify?.(true) ? /^(?:yes|true|on)$/i : /^(?:no|false|off)$/i };
}

/**
 * Estimates how deeply `text` nests (block indentation levels, `- ` items on one line, and open flow brackets)
 * with one pass and no recursion. Returns the one-based line where `max` is first exceeded, or 0 when it never is.
 * It over-counts rather than under-counts (brackets inside plain scalars count), which only matters for absurd input.
 */
export function nestingExceeds(text: string, max = MAX_NESTING): number {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    let i = pos;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const c = text.charAt(i);
    if (flow === 0 && i < end && c !== '#' && c !== '\r') {
      while (indents.length > 0 && indents[indents.length - 1] >= i - pos) indents.pop();
      indents.push(i - pos);
      // Compact nested sequences (`- - - a`) nest without new lines.
      let j = i;
      while (text.charAt(j) === '-' && (text.charAt(j + 1) === ' ' || j + 1 === end)) {
        indents.push(j + 2 - pos);
        j += 2;
        while (j < end && text.charCodeAt(j) === 32) j++;
      }
    }
    let quote = '';
    for (let k = i; k < end; k++) {
      const ch = text.charAt(k);
      if (quote) {
        if (ch === quote) quote = '';
        else if (ch === '\\' && quote === '"') k++;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (k === i || text.charAt(k - 1) === ' ')) break;
      else if (ch === '[' || ch === '{') {
        if (indents.length + ++flow > max) return line;
      }
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    }
    if (indents.length + flow > max) return line;
    if (nl === -1) break;
    pos = nl + 1;
    line++;
  }
  return 0;
}

/** A YAML problem with its kind, its words as data, and the one-based line in the parsed text. */
export interface YamlIssue {
  code: 'yaml-syntax' | 'duplicate-key' | 'too-deep' | 'alias-limit';
  /** In English (the command line, the post list); the app words it from `words`. */
  message: string;
  words: ProblemWords;
  /** The parser's own text, for the curious: never the main message. */
  detail?: string;
  line: number;
}

/** Plain words for the parser's messages, without the "at line 3, column 1" the line already says. */
export function plainYamlMessage(error: unknown): string {
  if (isStackOverflow(error)) return 'it is nested too deeply';
  if (error instanceof ReferenceError && /alias/i.test(error.message)) return 'it expands too many aliases (a YAML "billion laughs")';
  return rawParserText(messageOf(error));
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && /call stack|stack overflow/i.test(error.message));
}

/** The parser's message without the "at line 3, column 1" our own line number replaces. */
function rawParserText(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** An issue on `line` worded by `words` (English message made from the same words). */
function issue(code: YamlIssue['code'], words: ProblemWords, line: number, detail?: string): YamlIssue {
  const { message } = worded(words.id, words.params);
  return detail ? { code, message, words, detail, line } : { code, message, words, line };
}

/**
 * Where a list or group the parser found unclosed was opened: the parser notices only at the next key, but the
 * user's mistake is on the line with the `[` (or `{`). Walks back from `offset` over balanced brackets; quotes
 * are not tracked (a bracket inside a quoted value only moves the line the problem names).
 */
function openerOffset(text: string, offset: number, open: '[' | '{'): number | null {
  const close = open === '[' ? ']' : '}';
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text.charAt(i);
    if (c === close) depth++;
    else if (c === open && depth-- === 0) return i;
  }
  return null;
}

/**
 * Parses one YAML document with the shared options, never throwing: syntax errors, duplicate keys and too deep
 * nesting come back as issues with lines. `doc` is null when the text was not handed to the parser at all.
 */
export function parseYamlSafely(text: string, opts: { dates?: 'text' | 'date' } = {}): { doc: Document | null; issues: YamlIssue[] } {
  const deep = nestingExceeds(text);
  if (deep > 0) return { doc: null, issues: [issue('too-deep', { id: 'too-deep', params: { limit: String(MAX_NESTING) } }, deep)] };
  let doc: Document;
  try {
    doc = parseDocument(text, opts.dates === 'date' ? WITH_DATES : YAML_OPTIONS);
  } catch (error) {
    if (isStackOverflow(error)) return { doc: null, issues: [issue('too-deep', { id: 'too-deep', params: { limit: String(MAX_NESTING) } }, 1)] };
    return { doc: null, issues: [issue('yaml-syntax', { id: 'other' }, 1, plainYamlMessage(error))] };
  }
  // An error found at the very end (an unclosed bracket) belongs to the last line that has text.
  const lastLine = Math.max(1, text.replace(/\s+$/, '').split('\n').length);
  const lineAt = (offset: number) => Math.min(lineOfOffset(text, offset), lastLine);
  const issues: YamlIssue[] = [];
  const seen = new Set<number>();
  for (const e of doc.errors) {
    const raw = rawParserText(e.message);
    let line = lineAt(e.pos[0]);
    let found: YamlIssue;
    if (e.code === 'DUPLICATE_KEY') found = issue('duplicate-key', { id: 'duplicate-key', params: { key: keyAt(text, e.pos[0]) } }, line, raw);
    else if (/call stack|stack overflow/i.test(e.message)) found = issue('too-deep', { id: 'too-deep', params: { limit: String(MAX_NESTING) } }, line, raw);
    else {
      const words = yamlErrorWords(e.code, raw);
      if (words.id === 'unclosed-list' || words.id === 'unclosed-group') {
        const opener = openerOffset(text, e.pos[0], words.id === 'unclosed-list' ? '[' : '{');
        if (opener !== null) line = lineAt(opener);
      } else if (words.id === 'unclosed-quote' && typeof words.params?.quote === 'string') {
        // A quoted value may run over lines; the mistake is where its quote opens.
        const opener = text.lastIndexOf(words.params.quote, Math.max(0, e.pos[0] - 1));
        if (opener !== -1) line = lineAt(opener);
      }
      found = issue('yaml-syntax', words, line, raw);
    }
    // One problem per line: the parser often reports one mistake two or three ways on the same spot.
    if (seen.has(line)) continue;
    seen.add(line);
    issues.push(found);
  }
  return { doc, issues };
}

/** Converts a parsed document to plain data with the alias limit; an alias bomb becomes an issue, not a hang. */
export function toPlainData(doc: Document): { data: unknown; issue: YamlIssue | null } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), issue: null };
  } catch (error) {
    const aliases = error instanceof ReferenceError && /alias/i.test(error.message);
    if (aliases) return { data: undefined, issue: issue('alias-limit', { id: 'alias-limit', params: { limit: String(MAX_ALIAS_COUNT) } }, 1) };
    if (isStackOverflow(error)) return { data: undefined, issue: issue('too-deep', { id: 'too-deep', params: { limit: String(MAX_NESTING) } }, 1) };
    return { data: undefined, issue: issue('too-deep', { id: 'other' }, 1, plainYamlMessage(error)) };
  }
}


function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 80);
  const m = /^["']?([^"':\n]*)/.exec(rest);
  return m && m[1] ? m[1].trim() : '?';
}

/** A YAML problem with the one-based line it concerns (relative to the parsed text), thrown by parseYaml11. */
export class YamlProblem extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = 'YamlProblem';
  }
}

/**
 * Parses a whole YAML file (`_config.yml`, `_data/*.yml`) as Jekyll reads it, with the same limits as front
 * matter; throws YamlProblem (with the line) for broken YAML, duplicate keys, deep nesting or an alias bomb.
 */
export function parseYaml11(text: string): unknown {
  const { doc, issues } = parseYamlSafely(text);
  const first = issues[0];
  if (first || !doc) throw new YamlProblem(first?.message ?? 'it could not be read', first?.line);
  const { data, issue } = toPlainData(doc);
  if (issue) throw new YamlProblem(issue.message, undefined);
  return data;
}
