/**
 * Writes single YAML values the way the file around them is written: the same quotes, the same `yes`/`no`
 * spelling of booleans, block text kept as block text. Used by the lossless editor, which splices only
 * the text of the value it changes.
 */
import { Document } from 'yaml';
import { YAML_OPTIONS } from './yaml11';

/** The way a scalar was written in the file (yaml's Scalar.Type names). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** The spellings of booleans YAML 1.1 (and Jekyll) read, as [true, false]. `y`/`n` are not among them for Psych. */
const BOOLEAN_WORDS: Array<[string, string]> = [
  ['true', 'false'],
  ['yes', 'no'],
  ['on', 'off'],
];

/** Writes `value` as a boolean in the spelling and case of `like` (e.g. `no` → `yes`, `False` → `True`). */
export function booleanWord(value: boolean, like: string | null | undefined): string {
  const source = (like ?? '').trim();
  const lower = source.toLowerCase();
  const pair = BOOLEAN_WORDS.find((p) => p.includes(lower)) ?? (lower === 'y' || lower === 'n' ? BOOLEAN_WORDS[1] : BOOLEAN_WORDS[0]);
  const word = pair[value ? 0 : 1];
  if (source.length > 1 && source === source.toUpperCase()) return word.toUpperCase();
  if (source.length > 0 && source[0] === source[0].toUpperCase() && source[0] !== source[0].toLowerCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

/** Characters that cannot stand in a single-quoted or block scalar, or that YAML 1.1 reads as line breaks. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/u;

/** A double-quoted YAML string; JSON's escapes are YAML's, plus the characters YAML 1.1 would break lines at. */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A single-quoted YAML string, or null when the value holds something single quotes cannot carry. */
export function singleQuoted(value: string): string | null {
  if (/[\r\n]/.test(value) || NEEDS_ESCAPE.test(value)) return null;
  return `'${value.replace(/'/g, "''")}'`;
}

const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]|$)/;

/**
 * True when `value` can be written without quotes and still reads back as the same string in YAML 1.1
 * (so `no`, `12`, `a: b` and `[x]` are not). Inside `[a, b]` commas and brackets need quotes too.
 * Date-like text is plain only where a date is meant (`dateOk`), since Jekyll would read it as a date.
 */
export function isPlainSafe(value: string, opts: { inFlow?: boolean; dateOk?: boolean } = {}): boolean {
  if (value === '' || /[\r\n]/.test(value) || NEEDS_ESCAPE.test(value)) return false;
  if (opts.inFlow && /[,[\]{}]/.test(value)) return false;
  if (DATE_LIKE.test(value) && !opts.dateOk) return false;
  // Merge keys and values: `<<` means something to YAML 1.1.
  if (value === '<<' || value === '=') return false;
  return new Document(value, YAML_OPTIONS).toString({ lineWidth: 0 }) === `${value}\n`;
}

/** What the file around a new value prefers: quotes always, or plain where plain is safe, and which quotes. */
export interface StringPreference {
  quoted: boolean;
  quote: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
}

/**
 * Writes a string scalar for one line. `style` is how the old value was written (null for a new one, which follows
 * `prefer`). Returns null when the value needs a block (it has line breaks and the old value was a block).
 */
export function inlineString(value: string, style: ScalarStyle | null, prefer: StringPreference, opts: { inFlow?: boolean; dateOk?: boolean } = {}): string {
  const quote = (kind: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE') => (kind === 'QUOTE_SINGLE' ? (singleQuoted(value) ?? doubleQuoted(value)) : doubleQuoted(value));
  if (style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') return quote(style);
  if (style === 'PLAIN') return isPlainSafe(value, opts) ? value : quote(prefer.quote);
  if (!prefer.quoted && isPlainSafe(value, opts)) return value;
  return quote(prefer.quote);
}

/** True when a string can be written as a literal block (`|`), keeping every character. */
export function fitsBlock(value: string): boolean {
  return /[^\n]/.test(value) && !NEEDS_ESCAPE.test(value) && !value.includes('\r') && !/[\u0085]/.test(value) && !/[ \t]\n/.test(value);
}

/**
 * A literal block scalar: the header (`|`, `|-`, `|+`, with an indentation digit when needed) and its lines,
 * indented by `indent`, which is `step` spaces deeper than the key's own line.
 */
export function literalBlock(value: string, indent: string, step: number): { head: string; lines: string[] } {
  const trailing = /\n*$/.exec(value)?.[0].length ?? 0;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const content = trailing === 0 ? value : value.slice(0, value.length - trailing);
  const lines = content.split('\n');
  if (chomp === '+') for (let i = 1; i < trailing; i++) lines.push('');
  const indicator = /^[ ]/.test(content) ? String(step) : '';
  return { head: `|${indicator}${chomp}`, lines: lines.map((l) => (l === '' ? '' : indent + l)) };
}

/** Writes a map or a list of non-scalars as block YAML lines indented by `indent`, through the yaml library. */
export function blockLines(value: unknown, indent: string): string[] {
  const out = new Document(value, YAML_OPTIONS).toString({ lineWidth: 0, indent: 2, indentSeq: true });
  return out.replace(/\n$/, '').split('\n').map((l) => (l === '' ? '' : indent + l));
}
