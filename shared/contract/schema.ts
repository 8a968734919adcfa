/**
 * The contract's building blocks, made of valibot pipes: every call's arguments and every event's payload are
 * checked against them at the edge, and the contract's TypeScript types are inferred from them. Each block
 * carries the refusals the contract relies on (bounded strings without NUL, strict objects, bounded lists), so
 * the table in contract.ts stays short and cannot forget one.
 */
import * as v from 'valibot';
import { isRecord } from '../util/is-record';

/** Any schema of the contract (a valibot schema, possibly with a pipe). */
export type Schema = v.GenericSchema;

/** The TypeScript type a schema accepts (after validation), so types are written once, in the schema. */
export type Infer<S extends Schema> = v.InferOutput<S>;

/** The outcome of a check: the validated value (a fresh copy holding only declared keys) or readable problems. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Longest string a `str()` accepts unless told otherwise: room for a path, not for megabytes. */
export const DEFAULT_MAX_STRING = 4096;

/** Strings are bounded so a hostile caller cannot hand a service megabytes where a path is expected; NUL never passes. */
export function str(opts: { max?: number; min?: number; pattern?: RegExp } = {}) {
  const max = opts.max ?? DEFAULT_MAX_STRING;
  const min = opts.min ?? 0;
  const pattern = opts.pattern ?? /^/;
  return v.pipe(
    v.string('must be a string'),
    v.maxLength(max, `is longer than ${max} characters`),
    v.minLength(min, min === 1 ? 'must not be empty' : `is shorter than ${min} characters`),
    v.check((s: string) => !s.includes('\u0000'), 'contains a NUL character'),
    v.regex(pattern, 'has the wrong form'),
  );
}

/** Document text may be large, but not unbounded. */
export function text(max = 64 * 1024 * 1024) {
  return v.pipe(v.string('must be a string'), v.maxLength(max, `is longer than ${max} characters`));
}

/** A finite number, optionally an integer within bounds. */
export function num(opts: { int?: boolean; min?: number; max?: number } = {}) {
  const { int = false, min = -Infinity, max = Infinity } = opts;
  return v.pipe(
    v.number('must be a finite number'),
    v.finite('must be a finite number'),
    v.check((n: number) => !int || Number.isInteger(n), 'must be an integer'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );
}

/** A boolean flag. */
export function bool() {
  return v.boolean('must be true or false');
}

/** One of a fixed set of string literals. */
export function oneOf<const L extends readonly string[]>(values: L) {
  return v.picklist(values, `must be one of ${values.join(', ')}`);
}

/** A value that may be absent: undefined and null are both accepted (JSON has no undefined), anything else must fit. */
export function optional<S extends Schema>(inner: S) {
  return v.nullish(inner);
}

/** A value that is always present but may be null (e.g. a total not known yet). */
export function nullable<S extends Schema>(inner: S) {
  return v.nullable(inner);
}

/** A bounded array of one schema; the length is checked before any entry is looked at. */
export function list<S extends Schema>(item: S, max = 10_000) {
  return v.pipe(v.array(v.unknown(), 'must be a list'), v.maxLength(max, `has more than ${max} entries`), v.array(item));
}

/**
 * A plain object with exactly these keys: unknown keys (also an own `__proto__`, as JSON.parse makes it) are
 * refused rather than passed through, and the validated value is a fresh object holding only these keys.
 */
export function obj<E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.unknown(),
    v.check(isRecord, 'must be an object'),
    v.strictObject(entries, (issue) => (issue.expected === 'never' ? 'is not expected' : 'is missing')),
  );
}

/** Names where an issue sits, as `root.key[0].other`, so a message says which value was wrong. */
function dottedPath(root: string, issue: v.BaseIssue<unknown>): string {
  let out = root;
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

/** Checks `value` against a schema; problems read like `args.path is longer than 4096 characters`. */
export function check<S extends Schema>(schema: S, value: unknown, root: string): Checked<Infer<S>> {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problems: result.issues.map((issue) => `${dottedPath(root, issue)} ${issue.message}`) };
}
