/**
 * Checks front matter against the site's field schema: a value of the wrong kind (a title that YAML reads as
 * `true`) or a missing required field is reported with its line, so the user sees it before Jekyll does.
 */
import type { FrontMatterFieldSchema, FrontMatterSchema } from '../contract/models';
import type { FrontMatterField, FrontMatterProblem } from './model';
import { type ProblemWords, worded } from './problem-words';

const DATE_TIME = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d*)?)?(?:[ \t]*(?:Z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** What YAML made of a value, worded as data. */
function describe(value: unknown): ProblemWords {
  if (Array.isArray(value)) return { id: 'found-list' };
  if (typeof value === 'boolean') return { id: 'found-boolean', params: { value: String(value) } };
  if (typeof value === 'number') return { id: 'found-number', params: { value: String(value) } };
  if (typeof value === 'string') return { id: 'found-text' };
  return { id: 'found-group' };
}

/** Why `value` does not fit `field` (as words), or null when it does. Absent and empty values always fit (see required). */
export function typeMismatch(field: FrontMatterFieldSchema, value: unknown): ProblemWords | null {
  if (value === null || value === undefined) return null;
  const params = { key: field.key, found: describe(value) };
  switch (field.type) {
    case 'string':
    case 'text':
    case 'select':
      if (typeof value === 'string' || typeof value === 'number') return null;
      return { id: typeof value === 'boolean' ? 'should-be-text-quote' : 'should-be-text', params };
    case 'image':
      if (typeof value === 'string') return null;
      if (field.multiple && Array.isArray(value) && value.every((v) => typeof v === 'string')) return null;
      return { id: 'should-be-image', params };
    case 'date':
    case 'datetime':
      if (value instanceof Date || (typeof value === 'string' && DATE_TIME.test(value.trim()))) return null;
      return {
        id: 'should-be-date',
        params: { ...params, example: field.type === 'datetime' ? '2024-05-01 10:00:00 +0200' : '2024-05-01', found: typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : describe(value) },
      };
    case 'boolean':
      return typeof value === 'boolean' ? null : { id: 'should-be-boolean', params };
    case 'number':
      return typeof value === 'number' ? null : { id: 'should-be-number', params };
    case 'multi-select':
    case 'list':
      // Jekyll accepts a single value for lists (categories may even be a space-separated string).
      if (isScalar(value)) return null;
      if (Array.isArray(value) && value.every((v) => isScalar(v) || v === null)) return null;
      if (Array.isArray(value) && field.type === 'list') return null;
      return { id: 'should-be-list', params };
    case 'object':
      return typeof value === 'object' && !Array.isArray(value) ? null : { id: 'should-be-group', params };
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * Problems of `data` against `schema`: wrong kinds on the field's line, missing required fields on
 * `missingLine` (the closing `---`, where the field would be added). A default from `_config.yml` counts as present.
 */
export function validateFrontMatter(data: Record<string, unknown>, fields: FrontMatterField[], schema: FrontMatterSchema, missingLine: number): FrontMatterProblem[] {
  const problems: FrontMatterProblem[] = [];
  const lines = new Map(fields.map((f) => [f.key, f.line]));
  for (const field of schema.fields) {
    const present = Object.prototype.hasOwnProperty.call(data, field.key);
    const value = present ? data[field.key] : undefined;
    if (field.required && isEmpty(value) && isEmpty(field.default)) {
      problems.push({ code: 'missing-required', ...worded(present ? 'required-empty' : 'required-missing', { key: field.key }), line: lines.get(field.key) ?? missingLine, key: field.key });
      continue;
    }
    const why = present ? typeMismatch(field, value) : null;
    if (why) problems.push({ code: 'wrong-type', ...worded(why.id, why.params), line: lines.get(field.key) ?? missingLine, key: field.key });
  }
  return problems;
}
