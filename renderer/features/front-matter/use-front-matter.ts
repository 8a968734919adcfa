/**
 * The data behind the front-matter form: the site's field schema (asked for once per site and kept until a
 * change such as a new post makes it stale) and the reading of the open post's front matter, recomputed a
 * moment after the text stops changing so typing in the editor stays fast.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Api } from '../../../shared/contract/contract';
import type { AppError } from '../../../shared/contract/errors';
import type { FrontMatterFieldSchema, FrontMatterSchema } from '../../../shared/contract/models';
import { type FrontMatterReading, readFrontMatter } from '../../../shared/front-matter/model';
import { useApi } from '../../api/api-context';

/** How long the form waits after the last change of the text before it reads the front matter again. */
export const READ_DELAY_MS = 100;

type SchemaState = { status: 'loading' } | { status: 'ready'; schema: FrontMatterSchema } | { status: 'failed'; error: AppError };

const schemas = new Map<string, SchemaState>();
const listeners = new Set<() => void>();
let generation = 0;

function notify(): void {
  generation++;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function load(api: Api, site: string): void {
  if (schemas.has(site)) return;
  schemas.set(site, { status: 'loading' });
  void api['site.frontMatterSchema']({ site }).then((r) => {
    schemas.set(site, r.ok ? { status: 'ready', schema: r.value } : { status: 'failed', error: r.error });
    notify();
  });
}

/** Forgets a site's schema, so the next form asks again (after a new post brings new categories). */
export function refreshFrontMatterSchema(site: string): void {
  schemas.delete(site);
  notify();
}

/** The site's front-matter schema while it loads, once it is there, or why it failed. */
export function useFrontMatterSchema(site: string): SchemaState {
  const api = useApi();
  useSyncExternalStore(subscribe, () => generation);
  useEffect(() => load(api, site));
  return schemas.get(site) ?? { status: 'loading' };
}

/** The fields of the form for a post at `path`: a collection's own fields when the schema declares them. */
export function fieldsForPath(schema: FrontMatterSchema, path: string): FrontMatterFieldSchema[] {
  const m = /^_([^/]+)\//.exec(path);
  const own = m && m[1] !== 'posts' && m[1] !== 'drafts' && m[1] !== 'i18n' ? schema.collections[m[1]] : undefined;
  return own ? own.fields : schema.fields;
}

/** The reading of `text` (null while disabled), with the text it was made from. */
export interface ReadingOf {
  reading: FrontMatterReading;
  text: string;
}

/** Reads the front matter of `text` at once, then again READ_DELAY_MS after each change. */
export function useFrontMatterReading(text: string, schema: FrontMatterSchema | null, fields: FrontMatterFieldSchema[] | null, enabled: boolean): ReadingOf | null {
  const [value, setValue] = useState<ReadingOf | null>(() => (enabled ? read(text, schema, fields) : null));
  useEffect(() => {
    if (!enabled) {
      setValue(null);
      return;
    }
    const timer = setTimeout(() => setValue(read(text, schema, fields)), READ_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, schema, fields, enabled]);
  return value;
}

function read(text: string, schema: FrontMatterSchema | null, fields: FrontMatterFieldSchema[] | null): ReadingOf {
  const effective = schema && fields ? { ...schema, fields } : undefined;
  return { reading: readFrontMatter(text, effective), text };
}

/** Problems that leave the form unable to edit safely (anything but a wrong type or a missing field). */
export function blocksEditing(reading: FrontMatterReading): boolean {
  return reading.problems.some((p) => p.code !== 'wrong-type' && p.code !== 'missing-required');
}
