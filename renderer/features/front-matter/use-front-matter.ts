/**
 * The data behind the front-matter form: the site's field schema (from renderer/common/site-data, stale after
 * a change such as a new post) and the reading of the open post's front matter, recomputed a moment after the
 * text stops changing so typing in the editor stays fast.
 */
import { useEffect, useState } from 'react';
import type { FrontMatterFieldSchema, FrontMatterSchema } from '../../../shared/contract/models';
import { type FrontMatterReading, readFrontMatter } from '../../../shared/front-matter/model';

/** How long the form waits after the last change of the text before it reads the front matter again. */
export const READ_DELAY_MS = 100;

/** The schema now lives with the other per-site data in renderer/common/site-data; kept here for the form's callers. */
export { type SchemaState, useFrontMatterSchema } from '../../common/site-data/use-front-matter-schema';

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
