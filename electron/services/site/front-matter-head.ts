/**
 * Reads the front matter of a post for the list, safely: gray-matter finds the block, YAML is parsed the way
 * Jekyll (Psych, YAML 1.1) reads it, and every other language, above all JavaScript, is refused, never run.
 */
import matter from 'gray-matter';
import { parseDocument, type ToJSOptions } from 'yaml';
import { AppFailure, messageOf } from '../../../shared/contract/errors';
import { MAX_ALIAS_COUNT, MAX_NESTING, nestingExceeds, YAML_OPTIONS } from '../../../shared/front-matter/yaml11';

/** Re-exported from the shared front-matter module, where every YAML parse of the app takes them from. */
export { MAX_ALIAS_COUNT, YAML_OPTIONS };
/** Largest front-matter block we parse; a post's head is far smaller, a bigger block is an attack or a mistake. */
export const MAX_FRONT_MATTER_CHARS = 256 * 1024;

/** Languages gray-matter would evaluate as code. */
const CODE_LANGUAGES = ['js', 'javascript', 'coffee', 'coffeescript', 'cson'];

const TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: MAX_ALIAS_COUNT };

/** A YAML problem with the one-based line it concerns (relative to the parsed text). */
export class YamlProblem extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = 'YamlProblem';
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function plainMessage(error: unknown): string {
  if (error instanceof RangeError || (error instanceof Error && /call stack/i.test(error.message))) return 'it is nested too deeply';
  if (error instanceof ReferenceError && /alias/i.test(error.message)) return 'it expands too many aliases (a YAML "billion laughs")';
  const message = messageOf(error);
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parses YAML as Jekyll reads it (YAML 1.1), with bounded aliases and duplicate keys as errors.
 * Throws YamlProblem (with the line) for anything that is not plain data.
 */
export function parseYaml11(text: string): unknown {
  // Deep nesting is refused before the parser recurses: near the stack's end V8 can abort the whole process.
  const deep = nestingExceeds(text);
  if (deep > 0) throw new YamlProblem(`it is nested too deeply (more than ${MAX_NESTING} levels)`, deep);
  let doc;
  try {
    doc = parseDocument(text, YAML_OPTIONS);
  } catch (error) {
    throw new YamlProblem(plainMessage(error), undefined);
  }
  const first = doc.errors[0];
  if (first) {
    const message = /call stack/i.test(first.message) ? 'it is nested too deeply' : plainMessage(first);
    throw new YamlProblem(message, lineAt(text, first.pos[0]));
  }
  try {
    return doc.toJS(TO_JS_OPTIONS);
  } catch (error) {
    throw new YamlProblem(plainMessage(error), undefined);
  }
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

/** Throws for a front-matter language that is not YAML: code is never run, other formats are not Jekyll's. */
function refuse(language: string): never {
  const shown = language.slice(0, 40);
  if (CODE_LANGUAGES.includes(language.toLowerCase())) throw new AppFailure('refused', `Front matter in ${shown} is code and is never run`);
  throw new AppFailure('refused', `Front matter in ${shown} is not YAML and is never read`);
}

function refusingEngine(language: string): { parse: () => never; stringify: () => never } {
  return { parse: () => refuse(language), stringify: () => refuse(language) };
}

const yamlEngine = {
  parse: (text: string): object => {
    if (text.length > MAX_FRONT_MATTER_CHARS) throw new YamlProblem(`it is larger than ${MAX_FRONT_MATTER_CHARS / 1024} KB`, undefined);
    return (fastFrontMatter(text) ?? parseYaml11(text)) as object;
  },
  stringify: (): never => {
    throw new AppFailure('not-supported', 'Front matter is not written here');
  },
};

/**
 * gray-matter's options: every engine it ships or resolves by alias is replaced, so even a language name it
 * maps to its `eval` engine (`---JavaScript`) reaches a refusal. Passing options also disables its cache.
 */
const MATTER_OPTIONS = {
  language: 'yaml',
  excerpt: false,
  engines: {
    yaml: yamlEngine,
    yml: yamlEngine,
    json: refusingEngine('json'),
    ...Object.fromEntries(CODE_LANGUAGES.map((l) => [l, refusingEngine(l)])),
  },
};

/** The language named after the opening `---`, as gray-matter detects it ('' when none). */
function declaredLanguage(text: string): string | null {
  if (!text.startsWith('---') || text.charAt(3) === '-') return null;
  const end = text.search(/\r?\n/);
  return (end === -1 ? text.slice(3) : text.slice(3, end)).trim();
}

/** What the list needs from a post's front matter: the data, or why it could not be read. */
export interface FrontMatterHead {
  data: Record<string, unknown>;
  error: string | null;
  /** One-based line in the file the error is about. */
  line?: number;
}

/**
 * Reads the front matter at the head of a post's text. Never throws and never runs code: a refused
 * language, broken YAML or a limit yields `error` (with the line when known) and empty data.
 */
export function readFrontMatter(text: string): FrontMatterHead {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const language = declaredLanguage(source);
  if (language === null) return { data: {}, error: null };
  try {
    if (language !== '' && !['yaml', 'yml'].includes(language.toLowerCase())) refuse(language);
    const close = source.search(/\r?\n---[ \t]*(\r?\n|$)|\r?\n\.\.\.[ \t]*(\r?\n|$)/);
    if (close === -1) {
      const why = source.length > MAX_FRONT_MATTER_CHARS ? `is larger than ${MAX_FRONT_MATTER_CHARS / 1024} KB` : 'has no closing ---';
      return { data: {}, error: `The front matter ${why}`, line: 1 };
    }
    if (close > MAX_FRONT_MATTER_CHARS) return { data: {}, error: `The front matter is larger than ${MAX_FRONT_MATTER_CHARS / 1024} KB`, line: 1 };
    // Hand gray-matter only the block, so its closing-delimiter search cannot stray into the body.
    const file = matter(source.slice(0, close) + '\n---\n', MATTER_OPTIONS);
    const data: unknown = file.data;
    if (data === null || data === undefined) return { data: {}, error: null };
    if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date || Buffer.isBuffer(data))
      return { data: {}, error: 'The front matter is not a list of "key: value" lines', line: 2 };
    return { data: data as Record<string, unknown>, error: null };
  } catch (error) {
    if (error instanceof AppFailure) return { data: {}, error: error.message, line: 1 };
    if (error instanceof YamlProblem) return { data: {}, error: `The front matter could not be read: ${error.message}`, line: error.line };
    return { data: {}, error: `The front matter could not be read: ${plainMessage(error)}` };
  }
}
