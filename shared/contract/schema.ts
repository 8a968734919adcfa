/**
 * A tiny runtime schema for call arguments: main validates every call against it before a service
 * sees the arguments, on both transports, and the TypeScript types of the contract are inferred from it.
 */

/** A validator that also carries the TypeScript type it accepts. */
export interface Schema<T> {
  /** Returns the problems with `value` (empty when it is valid); `path` names the place for messages. */
  check(value: unknown, path: string): string[];
  /** Phantom field for type inference only; never read at run time. */
  readonly _type?: T;
}

/** The TypeScript type a schema accepts. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

function schema<T>(check: (value: unknown, path: string) => string[]): Schema<T> {
  return { check };
}

/** Strings are bounded so a hostile caller cannot hand a service megabytes where a path is expected. */
export function str(opts: { max?: number; min?: number; pattern?: RegExp } = {}): Schema<string> {
  const max = opts.max ?? 4096;
  return schema((v, p) => {
    if (typeof v !== 'string') return [`${p} must be a string`];
    if (v.length > max) return [`${p} is longer than ${max} characters`];
    if (opts.min !== undefined && v.length < opts.min) return [`${p} is shorter than ${opts.min} characters`];
    if (v.includes('\u0000')) return [`${p} contains a NUL character`];
    if (opts.pattern && !opts.pattern.test(v)) return [`${p} has the wrong form`];
    return [];
  });
}

/** Document text may be large, but not unbounded. */
export function text(max = 64 * 1024 * 1024): Schema<string> {
  return schema((v, p) => {
    if (typeof v !== 'string') return [`${p} must be a string`];
    return v.length > max ? [`${p} is longer than ${max} characters`] : [];
  });
}

/** A finite number, optionally an integer within bounds. */
export function num(opts: { int?: boolean; min?: number; max?: number } = {}): Schema<number> {
  return schema((v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return [`${p} must be a finite number`];
    if (opts.int && !Number.isInteger(v)) return [`${p} must be an integer`];
    if (opts.min !== undefined && v < opts.min) return [`${p} must be at least ${opts.min}`];
    if (opts.max !== undefined && v > opts.max) return [`${p} must be at most ${opts.max}`];
    return [];
  });
}

/** A boolean flag. */
export function bool(): Schema<boolean> {
  return schema((v, p) => (typeof v === 'boolean' ? [] : [`${p} must be true or false`]));
}

/** One of a fixed set of string literals. */
export function oneOf<const L extends readonly string[]>(values: L): Schema<L[number]> {
  return schema((v, p) => (typeof v === 'string' && values.includes(v) ? [] : [`${p} must be one of ${values.join(', ')}`]));
}

/** A value that may be absent (undefined) or null. */
export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return schema((v, p) => (v === undefined || v === null ? [] : inner.check(v, p)));
}

/** A bounded array of one schema. */
export function list<T>(item: Schema<T>, max = 10_000): Schema<T[]> {
  return schema((v, p) => {
    if (!Array.isArray(v)) return [`${p} must be a list`];
    if (v.length > max) return [`${p} has more than ${max} entries`];
    return v.flatMap((x, i) => item.check(x, `${p}[${i}]`));
  });
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
/** The object type a shape describes; keys whose schema accepts undefined become optional. */
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> };

/** A plain object with exactly these keys: unknown keys are refused rather than passed through. */
export function obj<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return schema((v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return [`${p} must be an object`];
    const record = v as Record<string, unknown>;
    const extra = Object.keys(record).filter((k) => !Object.prototype.hasOwnProperty.call(shape, k));
    const problems = extra.map((k) => `${p}.${k} is not expected`);
    for (const [k, s] of Object.entries(shape)) problems.push(...s.check(record[k], `${p}.${k}`));
    return problems;
  });
}

/** Any JSON value (used for settings values whose shape the settings model checks itself). */
export function json(maxLength = 1024 * 1024): Schema<unknown> {
  return schema((v, p) => {
    try {
      const s = JSON.stringify(v);
      if (s === undefined) return [`${p} must be JSON`];
      return s.length > maxLength ? [`${p} is too large`] : [];
    } catch {
      return [`${p} must be JSON`];
    }
  });
}
