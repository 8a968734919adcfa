/**
 * Reads a post's front matter into what a form shows: the data, each top-level field with its line and the kind
 * of value it holds, and every problem with the line it is on. Nothing is fixed silently and the text is never
 * replaced: a form over broken YAML shows the problem and leaves the text to the user.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { FrontMatterSchema } from '../contract/models';
import { lineOfOffset, splitFrontMatter, type FrontMatterSplit } from './split';
import { validateFrontMatter } from './validate';
import { parseYamlSafely, toPlainData } from './yaml11';

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
  message: string;
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

/** The top-level mapping of a parsed front matter, or null when it is empty; throws nothing. */
export function topMap(doc: Document): { map: ReturnType<typeof asMap>; empty: boolean } {
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { map: null, empty: true };
  return { map: asMap(contents), empty: false };
}

function asMap(node: unknown) {
  return isMap(node) ? node : null;
}

/**
 * Reads the front matter of a post's whole text. With a schema, also reports wrong types and missing
 * required fields. Never throws; the text is only read.
 */
export function readFrontMatter(text: string, schema?: FrontMatterSchema): FrontMatterReading {
  const split = splitFrontMatter(text);
  const none: FrontMatterReading = { data: {}, fields: [], problems: [], hasFrontMatter: false, split };
  if (split.problem) return { ...none, problems: [{ code: split.problem.code, message: split.problem.message, line: split.problem.line }] };
  if (split.kind === 'none') {
    if (schema) none.problems.push(...validateFrontMatter({}, [], schema, 1));
    return none;
  }
  const toFile = (line: number) => split.yamlLine + line - 1;
  const reading: FrontMatterReading = { data: {}, fields: [], problems: [], hasFrontMatter: true, split };
  const { doc, issues } = parseYamlSafely(split.yaml);
  reading.problems.push(...issues.map((i) => ({ code: i.code, message: i.message, line: toFile(i.line) })));
  if (!doc || issues.some((i) => i.code !== 'duplicate-key')) return reading;
  const { map, empty } = topMap(doc);
  if (!empty && !map) {
    reading.problems.push({ code: 'wrong-type', message: 'The front matter must be a list of "key: value" lines.', line: split.yamlLine });
    return reading;
  }
  const { data, issue } = toPlainData(doc);
  if (issue) {
    reading.problems.push({ ...issue, line: toFile(issue.line) });
    return reading;
  }
  reading.data = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  for (const pair of map?.items ?? []) {
    const key = pairKey(pair);
    if (key === null) continue;
    const offset = (pair.key as Node).range?.[0] ?? 0;
    const value = reading.data[key];
    const node = pairValue(pair);
    // A date-looking string in quotes is text to Jekyll, not a date.
    let type = kindOf(value);
    if ((type === 'date' || type === 'datetime') && isScalar(node) && node.type !== 'PLAIN') type = 'string';
    if (isSeq(node) && type !== 'list') type = 'list';
    reading.fields.push({ key, value, line: toFile(lineOfOffset(split.yaml, offset)), type });
  }
  if (schema) reading.problems.push(...validateFrontMatter(reading.data, reading.fields, schema, split.closeLine));
  return reading;
}
