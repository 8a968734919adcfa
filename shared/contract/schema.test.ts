// Every refusal of the contract's building blocks has its own test here: removing any one check from
// schema.ts makes exactly the test named after it fail. Messages are what a caller reads in `invalid-arguments`.
import { describe, expect, it } from 'vitest';
import { bool, check, list, nullable, num, obj, oneOf, optional, type Schema, str, text } from './schema';

/** The problems a value has against a schema (empty when it is accepted). */
function problems(schema: Schema, value: unknown): string[] {
  const checked = check(schema, value, 'args');
  return checked.ok ? [] : checked.problems;
}

describe('str', () => {
  it('refuses what is not a string', () => {
    expect(problems(str(), 42)).toEqual(['args must be a string']);
    expect(problems(str(), 'ok')).toEqual([]);
  });

  it('is bounded: 4096 characters by default, or the given max', () => {
    expect(problems(str(), 'x'.repeat(4096))).toEqual([]);
    expect(problems(str(), 'x'.repeat(4097))).toEqual(['args is longer than 4096 characters']);
    expect(problems(str({ max: 3 }), 'abcd')).toEqual(['args is longer than 3 characters']);
  });

  it('refuses strings shorter than the given min', () => {
    expect(problems(str({ min: 1 }), '')).toEqual(['args must not be empty']);
    expect(problems(str({ min: 3 }), 'ab')).toEqual(['args is shorter than 3 characters']);
    expect(problems(str({ min: 3 }), 'abc')).toEqual([]);
  });

  it('refuses a NUL character anywhere, which would cut a path short in the operating system', () => {
    expect(problems(str(), '/home/ada/site\u0000/../../etc')).toEqual(['args contains a NUL character']);
  });

  it('refuses strings that do not match the pattern', () => {
    const date = str({ pattern: /^\d{4}-\d{2}-\d{2}$/ });
    expect(problems(date, '1 May')).toEqual(['args has the wrong form']);
    expect(problems(date, '2024-05-01')).toEqual([]);
  });
});

describe('text', () => {
  it('refuses what is not a string', () => {
    expect(problems(text(), { text: 'x' })).toEqual(['args must be a string']);
  });

  it('is bounded by its size, and 64 MiB characters by default', () => {
    expect(problems(text(5), 'hello')).toEqual([]);
    expect(problems(text(5), 'hello!')).toEqual(['args is longer than 5 characters']);
    expect(problems(text(), 'x'.repeat(64 * 1024 * 1024 + 1))).toEqual([`args is longer than ${64 * 1024 * 1024} characters`]);
  });
});

describe('num', () => {
  it('refuses what is not a number, and NaN', () => {
    expect(problems(num(), '5')).toEqual(['args must be a finite number']);
    expect(problems(num(), Number.NaN)).toEqual(['args must be a finite number']);
  });

  it('refuses infinities', () => {
    expect(problems(num(), Number.POSITIVE_INFINITY)).toEqual(['args must be a finite number']);
    expect(problems(num(), Number.NEGATIVE_INFINITY)).toEqual(['args must be a finite number']);
  });

  it('refuses fractions where an integer is wanted, and only there', () => {
    expect(problems(num({ int: true }), 1.5)).toEqual(['args must be an integer']);
    expect(problems(num(), 1.5)).toEqual([]);
  });

  it('refuses numbers below the min', () => {
    expect(problems(num({ min: 0 }), -1)).toEqual(['args must be at least 0']);
    expect(problems(num({ min: 0 }), 0)).toEqual([]);
  });

  it('refuses numbers above the max', () => {
    expect(problems(num({ max: 3600 }), 3601)).toEqual(['args must be at most 3600']);
    expect(problems(num({ max: 3600 }), 3600)).toEqual([]);
  });
});

describe('bool', () => {
  it('accepts only true and false', () => {
    expect(problems(bool(), 'true')).toEqual(['args must be true or false']);
    expect(problems(bool(), false)).toEqual([]);
  });
});

describe('oneOf', () => {
  it('accepts only the listed values', () => {
    const theme = oneOf(['system', 'light', 'dark'] as const);
    expect(problems(theme, 'purple')).toEqual(['args must be one of system, light, dark']);
    expect(problems(theme, 1)).toEqual(['args must be one of system, light, dark']);
    expect(problems(theme, 'dark')).toEqual([]);
  });
});

describe('optional', () => {
  it('accepts undefined and null (JSON has no undefined), and an absent key', () => {
    expect(problems(optional(bool()), undefined)).toEqual([]);
    expect(problems(optional(bool()), null)).toEqual([]);
    expect(problems(obj({ refresh: optional(bool()) }), {})).toEqual([]);
  });

  it('still checks a value that is there', () => {
    expect(problems(optional(bool()), 'yes')).toEqual(['args must be true or false']);
    expect(problems(obj({ refresh: optional(bool()) }), { refresh: 1 })).toEqual(['args.refresh must be true or false']);
  });

  it('checks an optional nested object as strictly as any other, naming the nested place', () => {
    const shape = obj({ patch: optional(obj({ theme: optional(oneOf(['dark'] as const)) })) });
    expect(problems(shape, { patch: null })).toEqual([]);
    expect(problems(shape, { patch: { theme: 'dark' } })).toEqual([]);
    expect(problems(shape, { patch: { theme: 'dark', extra: true } })).toEqual(['args.patch.extra is not expected']);
    expect(problems(shape, { patch: { theme: 'light' } })).toEqual(['args.patch.theme must be one of dark']);
    expect(problems(shape, { patch: 'dark' })).toEqual(['args.patch must be an object']);
  });
});

describe('nullable', () => {
  it('accepts null but not a missing value', () => {
    expect(problems(nullable(num()), null)).toEqual([]);
    expect(problems(obj({ total: nullable(num()) }), {})).toEqual(['args.total is missing']);
    expect(problems(nullable(num()), 'many')).toEqual(['args must be a finite number']);
  });
});

describe('list', () => {
  it('refuses what is not a list', () => {
    expect(problems(list(str()), 'en')).toEqual(['args must be a list']);
    expect(problems(list(str()), { 0: 'en' })).toEqual(['args must be a list']);
  });

  it('is bounded: 10,000 entries by default, or the given max', () => {
    expect(problems(list(str(), 2), ['en', 'de'])).toEqual([]);
    expect(problems(list(str(), 2), ['en', 'de', 'fr'])).toEqual(['args has more than 2 entries']);
    expect(problems(list(bool()), new Array(10_001).fill(true))).toEqual(['args has more than 10000 entries']);
  });

  it('checks every entry, naming its index', () => {
    expect(problems(list(str({ min: 1 })), ['en', ''])).toEqual(['args[1] must not be empty']);
  });
});

describe('obj', () => {
  it('refuses what is not a plain object: null, a list, a string', () => {
    for (const value of [null, [], ['/x'], '/x']) expect(problems(obj({}), value)).toEqual(['args must be an object']);
  });

  it('names a missing key', () => {
    expect(problems(obj({ path: str() }), {})).toEqual(['args.path is missing']);
  });

  it('refuses unknown keys instead of passing them on', () => {
    expect(problems(obj({ path: str() }), { path: '/x', recursive: true })).toEqual(['args.recursive is not expected']);
  });

  it('refuses a __proto__ key as JSON.parse makes it, and nothing is polluted', () => {
    const hostile = JSON.parse('{"path":"/x","__proto__":{"polluted":true}}') as unknown;
    expect(problems(obj({ path: str() }), hostile)).toEqual(['args.__proto__ is not expected']);
    const nested = JSON.parse('{"patch":{"__proto__":{"polluted":true}}}') as unknown;
    expect(problems(obj({ patch: optional(obj({})) }), nested)).toEqual(['args.patch.__proto__ is not expected']);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('hands on a fresh copy that holds only the declared keys', () => {
    const input = { path: '/x' };
    const checked = check(obj({ path: str(), refresh: optional(bool()) }), input, 'args');
    expect(checked).toEqual({ ok: true, value: { path: '/x' } });
    expect(checked.ok && checked.value).not.toBe(input);
  });

  it('reports a problem for each wrong value, not just the first', () => {
    expect(problems(obj({ a: str(), b: num() }), { a: 1, b: 'x' })).toEqual(['args.a must be a string', 'args.b must be a finite number']);
  });
});
