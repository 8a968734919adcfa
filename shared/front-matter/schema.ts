/**
 * The front-matter form of a site: declared in an optional `.pressroom.yml` in the site root, and otherwise
 * inferred from what the site already uses (its posts' keys and values, `_config.yml` defaults), so a site
 * gets useful fields and choices without any setup.
 */
import { isMap, isSeq, type Node, type Pair } from 'yaml';
import type { FrontMatterFieldSchema, FrontMatterFieldType, FrontMatterSchema, LocalizedText } from '../contract/models';
import type { FrontMatterDefault } from '../site/site-config-model';
import { kindOf, type ValueKind } from './model';
import { lineOfOffset } from './split';
import { parseYamlSafely, toPlainData } from './yaml11';
import { isRecord } from '../util/is-record';

/** The field types `.pressroom.yml` may name. */
export const FIELD_TYPES: readonly FrontMatterFieldType[] = ['string', 'text', 'date', 'datetime', 'boolean', 'number', 'select', 'multi-select', 'list', 'image', 'object'];

/** The name of the optional schema file in a site's root. */
export const SCHEMA_FILE_NAME = '.pressroom.yml';

/** Options offered per field at most; a site with thousands of tags gets the most used ones. */
export const MAX_OPTIONS = 200;

const FIELD_KEYS = ['key', 'type', 'label', 'required', 'default', 'hidden', 'help', 'options', 'multiple'];

/** One problem with `.pressroom.yml`, with the line of the bad entry. */
export interface SchemaFileProblem {
  message: string;
  line?: number;
}

/** A `.pressroom.yml` as read: the fields it declares and what was wrong with the rest. */
export interface SchemaFile {
  fields: FrontMatterFieldSchema[];
  collections: Record<string, { fields: FrontMatterFieldSchema[] }>;
  problems: SchemaFileProblem[];
}


function localized(value: unknown): LocalizedText | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (isRecord(value) && Object.values(value).every((v) => typeof v === 'string')) return value as Record<string, string>;
  return null;
}

/** Reads one entry of a `fields:` list; returns the field or the problems with it. */
function readField(entry: unknown, where: string, seen: Set<string>): { field?: FrontMatterFieldSchema; problems: string[] } {
  if (!isRecord(entry)) return { problems: [`${where} must be a group like "key: title" and "type: string".`] };
  const problems: string[] = [];
  const key = typeof entry.key === 'string' ? entry.key.trim() : '';
  const name = key ? `${where} (${key})` : where;
  if (!key) problems.push(`${where} needs a key: the front-matter field it describes.`);
  else if (seen.has(key)) problems.push(`${name} is declared twice; only the first one is used.`);
  const type = entry.type === undefined ? 'string' : entry.type;
  if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) problems.push(`${name} has the type ${JSON.stringify(type)}; use one of ${FIELD_TYPES.join(', ')}.`);
  for (const k of Object.keys(entry)) if (!FIELD_KEYS.includes(k)) problems.push(`${name} has the unknown setting "${k}" (known: ${FIELD_KEYS.join(', ')}).`);
  for (const flag of ['required', 'hidden', 'multiple'] as const) if (entry[flag] !== undefined && typeof entry[flag] !== 'boolean') problems.push(`${name}: ${flag} must be true or false.`);
  const label = localized(entry.label);
  const help = localized(entry.help);
  if (label === null) problems.push(`${name}: label must be text, or text per language ("en: Title").`);
  if (help === null) problems.push(`${name}: help must be text, or text per language.`);
  let options: string[] | undefined;
  if (entry.options !== undefined) {
    if (!Array.isArray(entry.options) || !entry.options.every((o) => ['string', 'number', 'boolean'].includes(typeof o))) problems.push(`${name}: options must be a list of values.`);
    else options = entry.options.map(String);
  }
  if (problems.length > 0 || !key) return { problems };
  seen.add(key);
  const field: FrontMatterFieldSchema = { key, type: type as FrontMatterFieldType, origin: 'config' };
  if (label) field.label = label;
  if (help) field.help = help;
  if (entry.required !== undefined) field.required = entry.required as boolean;
  if (entry.hidden !== undefined) field.hidden = entry.hidden as boolean;
  if (entry.multiple !== undefined) field.multiple = entry.multiple as boolean;
  if (entry.default !== undefined) field.default = entry.default;
  if (options) field.options = options;
  return { field, problems };
}

/** The line of the n-th item of a YAML list node, for pointing at the bad entry. */
function itemLine(text: string, seq: Node | undefined, index: number): number | undefined {
  if (!isSeq(seq)) return undefined;
  const item = seq.items[index] as Node | undefined;
  return item?.range ? lineOfOffset(text, item.range[0]) : undefined;
}

function child(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p: Pair) => (p.key as { value?: unknown } | null)?.value === key);
  return (pair?.value as Node | undefined) ?? undefined;
}

function readFields(text: string, list: unknown, listNode: Node | undefined, where: string, problems: SchemaFileProblem[]): FrontMatterFieldSchema[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    problems.push({ message: `${where} must be a list of fields ("- key: title").`, line: listNode?.range ? lineOfOffset(text, listNode.range[0]) : undefined });
    return [];
  }
  const seen = new Set<string>();
  const out: FrontMatterFieldSchema[] = [];
  list.forEach((entry, i) => {
    const { field, problems: found } = readField(entry, `${where} entry ${i + 1}`, seen);
    const line = itemLine(text, listNode, i);
    for (const message of found) problems.push({ message, line });
    if (field) out.push(field);
  });
  return out;
}

/**
 * Reads `.pressroom.yml` (YAML 1.1, as the rest of the site). The format:
 *
 *     front_matter:
 *       fields:
 *         - key: title
 *           type: string          # string text date datetime boolean number select multi-select list image object
 *           label: { en: Title, de: Titel }
 *           required: true
 *         - key: category
 *           type: select
 *           options: [press, blog]
 *       collections:
 *         events:
 *           fields: [ … ]
 *
 * Every bad entry is reported with its line; the good ones still apply. Never throws.
 */
export function parseSchemaFile(yamlText: string): SchemaFile {
  const result: SchemaFile = { fields: [], collections: {}, problems: [] };
  const { doc, issues } = parseYamlSafely(yamlText);
  if (!doc || issues.length > 0) {
    result.problems.push(...issues.map((i) => ({ message: `${SCHEMA_FILE_NAME} could not be read: ${i.message}`, line: i.line })));
    return result;
  }
  const { data, issue } = toPlainData(doc);
  if (issue) {
    result.problems.push({ message: `${SCHEMA_FILE_NAME} could not be read: ${issue.message}`, line: issue.line });
    return result;
  }
  if (data === null || data === undefined) return result;
  if (!isRecord(data)) {
    result.problems.push({ message: `${SCHEMA_FILE_NAME} must be settings ("front_matter:" with "fields:").`, line: 1 });
    return result;
  }
  const fm = data.front_matter;
  const fmNode = child(doc.contents, 'front_matter');
  if (fm === undefined || fm === null) return result;
  if (!isRecord(fm)) {
    result.problems.push({ message: 'front_matter must hold "fields:" (and optionally "collections:").', line: fmNode?.range ? lineOfOffset(yamlText, fmNode.range[0]) : 1 });
    return result;
  }
  for (const k of Object.keys(fm)) {
    if (k !== 'fields' && k !== 'collections') result.problems.push({ message: `front_matter has the unknown setting "${k}" (known: fields, collections).` });
  }
  result.fields = readFields(yamlText, fm.fields, child(fmNode, 'fields'), 'front_matter.fields', result.problems);
  if (fm.collections !== undefined && fm.collections !== null) {
    const collectionsNode = child(fmNode, 'collections');
    if (!isRecord(fm.collections)) result.problems.push({ message: 'front_matter.collections must name collections, each with "fields:".', line: collectionsNode?.range ? lineOfOffset(yamlText, collectionsNode.range[0]) : undefined });
    else {
      for (const [name, value] of Object.entries(fm.collections)) {
        const node = child(collectionsNode, name);
        if (!isRecord(value)) {
          result.problems.push({ message: `front_matter.collections.${name} must hold "fields:".`, line: node?.range ? lineOfOffset(yamlText, node.range[0]) : undefined });
          continue;
        }
        result.collections[name] = { fields: readFields(yamlText, value.fields, child(node, 'fields'), `front_matter.collections.${name}.fields`, result.problems) };
      }
    }
  }
  return result;
}

/** Keys every Jekyll post form starts with, in this order; other keys follow by how often posts use them. */
const KNOWN_ORDER = ['title', 'date', 'layout', 'category', 'categories', 'tags', 'author', 'avatar', 'image', 'lang', 'description', 'excerpt', 'published'];
const SELECT_KEYS = ['layout', 'category', 'lang', 'language'];
const MULTI_KEYS = ['categories', 'tags', 'author', 'authors'];
const IMAGE_KEY = /^(image|avatar|avatars|thumbnail|cover|banner|teaser|og_image|header_image|hero)$/;
const TEXT_KEYS = ['description', 'excerpt', 'summary', 'abstract', 'lead'];

interface KeyStats {
  count: number;
  kinds: Map<ValueKind, number>;
  values: Map<string, number>;
  listCount: number;
}

function note(stats: Map<string, KeyStats>, key: string, value: unknown, weight = 1): void {
  let s = stats.get(key);
  if (!s) stats.set(key, (s = { count: 0, kinds: new Map(), values: new Map(), listCount: 0 }));
  s.count += weight;
  const kind = kindOf(value);
  s.kinds.set(kind, (s.kinds.get(kind) ?? 0) + weight);
  const items = Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) s.listCount += weight;
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') continue;
    const text = String(item).trim();
    if (text === '' || text.length > 200) continue;
    s.values.set(text, (s.values.get(text) ?? 0) + 1);
  }
}

function majority(kinds: Map<ValueKind, number>): ValueKind {
  let best: ValueKind = 'null';
  let n = -1;
  for (const [kind, count] of kinds) if (kind !== 'null' && count > n) [best, n] = [kind, count];
  return best;
}

function typeFor(key: string, s: KeyStats): Pick<FrontMatterFieldSchema, 'type' | 'multiple'> {
  const kind = majority(s.kinds);
  if (key === 'published') return { type: 'boolean' };
  if (key === 'date') return { type: s.kinds.has('datetime') ? 'datetime' : 'date' };
  if (IMAGE_KEY.test(key)) return s.listCount > 0 ? { type: 'image', multiple: true } : { type: 'image' };
  if (SELECT_KEYS.includes(key)) return { type: 'select' };
  if (MULTI_KEYS.includes(key)) return { type: 'multi-select' };
  if (TEXT_KEYS.includes(key)) return { type: 'text' };
  switch (kind) {
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: 'number' };
    case 'date':
      return { type: 'date' };
    case 'datetime':
      return { type: 'datetime' };
    case 'list':
      return { type: 'list' };
    case 'object':
      return { type: 'object' };
    default:
      return { type: 'string' };
  }
}

/** Whether a `_config.yml` default applies to posts (Jekyll's scope: path `_posts`/`''`, type `posts` or none). */
function appliesToPosts(d: FrontMatterDefault): boolean {
  const typeOk = d.scope.type === undefined || d.scope.type === 'posts';
  const p = d.scope.path;
  const pathOk = p === undefined || p === '' || /(^|\/)_posts(\/|$)/.test(p) || p.startsWith('_i18n');
  return typeOk && pathOk;
}

/**
 * Infers the form from the front matter of the site's posts and the `_config.yml` defaults for posts:
 * each key's type by what it holds (with `published` boolean, `date` a date, `image`/`avatar` images), and
 * the choices of select fields (layouts, categories, authors, …) from the values the site already uses.
 * `extraOptions` adds known choices, e.g. the layouts in `_layouts/` and the configured languages.
 */
export function inferSchema(samples: ReadonlyArray<Record<string, unknown>>, defaults: readonly FrontMatterDefault[] = [], extraOptions: Record<string, string[]> = {}): FrontMatterFieldSchema[] {
  const stats = new Map<string, KeyStats>();
  const defaultValues: Record<string, unknown> = {};
  for (const d of defaults) {
    if (!appliesToPosts(d)) continue;
    for (const [key, value] of Object.entries(d.values)) {
      if (!(key in defaultValues)) defaultValues[key] = value;
      note(stats, key, value, 0);
    }
  }
  for (const sample of samples) for (const [key, value] of Object.entries(sample)) note(stats, key, value);
  for (const key of Object.keys(extraOptions)) if (!stats.has(key) && extraOptions[key].length > 0) note(stats, key, null, 0);
  const fields: FrontMatterFieldSchema[] = [];
  for (const [key, s] of stats) {
    if (key === '' || key.length > 100) continue;
    const field: FrontMatterFieldSchema = { key, ...typeFor(key, s), origin: 'inferred' };
    if (key === 'title' && samples.length > 0 && s.count === samples.length) field.required = true;
    if (key in defaultValues) field.default = defaultValues[key];
    if (field.type === 'select' || field.type === 'multi-select' || (field.type === 'image' && s.values.size > 0)) {
      const known = extraOptions[key] ?? [];
      const used = [...s.values.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
      field.options = [...new Set([...known, ...used])].slice(0, MAX_OPTIONS).sort((a, b) => a.localeCompare(b));
    }
    fields.push(field);
  }
  const rank = (f: FrontMatterFieldSchema) => {
    const i = KNOWN_ORDER.indexOf(f.key);
    return i === -1 ? KNOWN_ORDER.length : i;
  };
  const count = (f: FrontMatterFieldSchema) => stats.get(f.key)?.count ?? 0;
  return fields.sort((a, b) => rank(a) - rank(b) || count(b) - count(a) || (a.key < b.key ? -1 : 1));
}

/**
 * Merges the declared fields over the inferred ones: a declared field wins, settings it leaves out come
 * from the inferred field of the same key (so a declared select without options offers the used values),
 * declared fields come first in their order and inferred fields the file does not mention follow.
 */
export function mergeSchema(declared: SchemaFile, inferred: FrontMatterFieldSchema[], problems: FrontMatterSchema['problems'] = []): FrontMatterSchema {
  const byKey = new Map(inferred.map((f) => [f.key, f]));
  const fields = declared.fields.map((f) => {
    const guess = byKey.get(f.key);
    if (!guess) return f;
    const merged: FrontMatterFieldSchema = { ...f };
    if (merged.options === undefined && guess.options && (f.type === 'select' || f.type === 'multi-select' || f.type === 'image')) merged.options = guess.options;
    if (merged.default === undefined && guess.default !== undefined) merged.default = guess.default;
    if (merged.multiple === undefined && guess.multiple !== undefined && f.type === 'image') merged.multiple = guess.multiple;
    return merged;
  });
  const declaredKeys = new Set(fields.map((f) => f.key));
  for (const f of inferred) if (!declaredKeys.has(f.key)) fields.push(f);
  return { fields, collections: declared.collections, problems };
}
