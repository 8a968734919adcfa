/**
 * Reads a post's front matter into what a form shows: the data, each top-level field with its line and the kind
 * of value it holds, and every problem with the line it is on. Nothing is fixed silently and the text is never
 * replaced: a form over broken YAML shows the problem and leaves the text to the user.
 */
import { isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { FrontMatterSchema } from '../contract/models';
import type { ProblemWords } from './problem-words';
import { readFrontMatterBlock, topMap } from './read-block';
import { lineOfOffset, type FrontMatterSplit } from './split';
import { validateFrontMatter } from './validate';

/** What a problem is about, so the form can show the right hint; the message says it in words. */
export type FrontMatterProblemCode =
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'wrong-type'
  | 'missing-required'
  | 'unclosed'
  | 'code-front-matter'
  | 'too-large'
  | 'alias-limit'
  | 'too-deep';

/** One problem with the front matter, with the one-based line of the file it is on. */
export interface FrontMatterProblem {
  code: FrontMatterProblemCode;
  /** In English (the command line); the app words it from `words` in the interface language. */
  message: string;
  words: ProblemWords;
  /** The YAML parser's own text, shown only as a detail. */
  detail?: string;
  line: number;
  /** The field it concerns, when it concerns one. */
  key?: string;
}

/** The kind of value a field holds as read (dates stay strings, as written). */
export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'date' | 'datetime' | 'list' | 'object';

/** One top-level field as the form lists it. */
export interface FrontMatterField {
  key: string;
  value: unknown;
  /** One-based line of the file the key is on. */
  line: number;
  type: ValueKind;
}

/** Everything the form needs from a post's front matter. */
export interface FrontMatterReading {
  /** The fields as plain data; empty when the block could not be read. */
  data: Record<string, unknown>;
  fields: FrontMatterField[];
  problems: FrontMatterProblem[];
  /** Whether the text has a closed YAML front-matter block. */
  hasFrontMatter: boolean;
  split: FrontMatterSplit;
}

const DATE_ONLY = /^\d{4}-\d{1,2}-\d{1,2}$/;
const DATE_TIME = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d*)?)?(?:[ \t]*(?:Z|[+-]\d{1,2}(?::?\d{2})?))?$/;

/** The kind of a plain value, telling dates written as text from other strings. */
export function kindOf(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return DATE_ONLY.test(value) ? 'date' : DATE_TIME.test(value) ? 'datetime' : 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Date) return 'datetime';
  return 'object';
}

/** The top-level key of a pair as a string, or null for keys that are not simple scalars. */
export function pairKey(pair: Pair): string | null {
  const key = pair.key;
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number' || typeof key.value === 'boolean')) return String(key.value);
  return null;
}

/** The node a pair's value is; null when the value is absent. */
export function pairValue(pair: Pair): Node | null {
  return (pair.value as Node | null) ?? null;
}

/**
 * Reads the front matter of a post's whole text. With a schema, also reports wrong types and missing
 * required fields. Never throws; the text is only read.
 */
export function readFrontMatter(text: string, schema?: FrontMatterSchema): FrontMatterReading {
  const block = readFrontMatterBlock(text);
  const { split, doc } = block;
  const reading: FrontMatterReading = { data: block.data, fields: [], problems: [...block.problems], hasFrontMatter: block.hasFrontMatter, split };
  if (split.kind === 'none') {
    if (schema) reading.problems.push(...validateFrontMatter({}, [], schema, 1));
    return reading;
  }
  if (!doc || block.problems.some((p) => p.code !== 'duplicate-key')) return reading;
  for (const pair of topMap(doc).map?.items ?? []) {
    const key = pairKey(pair);
    if (key === null) continue;
    const offset = (pair.key as Node).range?.[0] ?? 0;
    const value = reading.data[key];
    const node = pairValue(pair);
    // A date-looking string in quotes is text to Jekyll, not a date.
    let type = kindOf(value);
    if ((type === 'date' || type === 'datetime') && isScalar(node) && node.type !== 'PLAIN') type = 'string';
    if (isSeq(node) && type !== 'list') type = 'list';
    reading.fields.push({ key, value, line: split.yamlLine + lineOfOffset(split.yaml, offset) - 1, type });
  }
  if (schema) reading.problems.push(...validateFrontMatter(reading.data, reading.fields, schema, split.closeLine));
  return reading;
}
