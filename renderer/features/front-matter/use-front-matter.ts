/**
 * The data behind the front-matter form: the site's field schema (from renderer/common/site-data, stale after
 * a change such as a new post) and the reading of the open post's front matter, recomputed a moment after the
 * text stops changing so typing in the editor stays fast.
 */
import { useMemo } from 'react';
import type { FrontMatterFieldSchema, FrontMatterSchema } from '../../../shared/contract/models';
import { type FrontMatterReading, readFrontMatter } from '../../../shared/front-matter/model';

/** How long after the last change of the text the form (and word count, outline) read it again. */
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

/** The schema a post is checked against: the site's, with the post's own fields (null until it arrived). */
export function effectiveSchema(schema: FrontMatterSchema | null, fields: FrontMatterFieldSchema[] | null): FrontMatterSchema | null {
  return schema && fields ? { ...schema, fields } : null;
}

/**
 * Reads the front matter of `text`: the editor's text as of the last pause in typing (see `useDocText`, with
 * READ_DELAY_MS), so the reading is never on the keystroke's path. `schema` is the effective one.
 */
export function useFrontMatterReading(text: string, schema: FrontMatterSchema | null, enabled: boolean): ReadingOf | null {
  return useMemo(() => (enabled ? { reading: readFrontMatter(text, schema ?? undefined), text } : null), [text, schema, enabled]);
}

/** Problems that leave the form unable to edit safely (anything but a wrong type or a missing field). */
export function blocksEditing(reading: FrontMatterReading): boolean {
  return reading.problems.some((p) => p.code !== 'wrong-type' && p.code !== 'missing-required');
}
