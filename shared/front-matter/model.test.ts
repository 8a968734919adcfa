import { describe, expect, it } from 'vitest';
import type { FrontMatterSchema } from '../contract/models';
import { readFrontMatter } from './model';
import { MAX_NESTING, nestingExceeds } from './yaml11';

const schema: FrontMatterSchema = {
  fields: [
    { key: 'title', type: 'string', required: true, origin: 'config' },
    { key: 'date', type: 'datetime', origin: 'inferred' },
    { key: 'published', type: 'boolean', origin: 'inferred' },
    { key: 'author', type: 'multi-select', origin: 'inferred' },
    { key: 'avatar', type: 'image', multiple: true, origin: 'inferred' },
    { key: 'layout', type: 'select', required: true, default: 'post', origin: 'inferred' },
  ],
  collections: {},
  problems: [],
};

describe('readFrontMatter', () => {
  it('lists each field with its file line and kind', () => {
    const r = readFrontMatter('---\n# note\ntitle: "Launch"\ndate: 2022-09-21 10:00:00 +0200\npublished: no\nauthor:\n  - Ada\nweight: 3\nquoted: "2024-01-01"\n---\nBody\n');
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual({ title: 'Launch', date: '2022-09-21 10:00:00 +0200', published: false, author: ['Ada'], weight: 3, quoted: '2024-01-01' });
    expect(r.fields.map((f) => [f.key, f.line, f.type])).toEqual([
      ['title', 3, 'string'],
      ['date', 4, 'datetime'],
      ['published', 5, 'boolean'],
      ['author', 6, 'list'],
      ['weight', 8, 'number'],
      ['quoted', 9, 'string'],
    ]);
  });

  it('reads booleans as Jekyll (Psych) does: yes/no/on/off in any case, but y and n are letters', () => {
    const r = readFrontMatter('---\na: yes\nb: OFF\nc: True\ny: n\nd: Y\n---\n');
    expect(r.data).toEqual({ a: true, b: false, c: true, y: 'n', d: 'Y' });
  });

  it('reports malformed YAML with its file line and keeps no data', () => {
    const r = readFrontMatter('---\ntitle: ok\nauthor: [Ada\nlayout: post\n---\nBody\n');
    expect(r.problems[0]).toMatchObject({ code: 'yaml-syntax' });
    expect(r.problems[0].line).toBeGreaterThanOrEqual(3);
    expect(r.problems[0].line).toBeLessThanOrEqual(4);
    expect(r.data).toEqual({});
  });

  it('reports a duplicate key on the line of the second one', () => {
    const r = readFrontMatter('---\ntitle: One\nlayout: post\ntitle: Two\n---\n');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'duplicate-key', line: 4 })]);
    expect(r.problems[0].message).toMatch(/title/);
  });

  it('reports unclosed, code and non-mapping front matter', () => {
    expect(readFrontMatter('---\ntitle: x\n').problems).toEqual([expect.objectContaining({ code: 'unclosed', line: 1 })]);
    expect(readFrontMatter('---javascript\n({title: globalThis.__ran = 1})\n---\n').problems[0].code).toBe('code-front-matter');
    expect((globalThis as Record<string, unknown>).__ran).toBeUndefined();
    expect(readFrontMatter('---\n- a\n- b\n---\n').problems[0]).toMatchObject({ code: 'wrong-type', line: 2 });
  });

  it('checks types and required fields against the schema, with lines, fixing nothing', () => {
    const text = '---\ntitle: yes\ndate: next week\npublished: "no"\nauthor: {name: Ada}\navatar: [a.png]\n---\n';
    const r = readFrontMatter(text, schema);
    expect(r.problems.map((p) => [p.code, p.key, p.line])).toEqual([
      ['wrong-type', 'title', 2],
      ['wrong-type', 'date', 3],
      ['wrong-type', 'published', 4],
      ['wrong-type', 'author', 5],
    ]);
    expect(r.problems[0].message).toMatch(/quotes/);
    expect(r.data.title).toBe(true);
    // A field with a default from _config.yml is not missing.
    expect(r.problems.some((p) => p.key === 'layout')).toBe(false);
    const missing = readFrontMatter('---\nlayout: post\n---\nBody\n', schema).problems;
    expect(missing).toEqual([expect.objectContaining({ code: 'missing-required', key: 'title', line: 3 })]);
    expect(readFrontMatter('Body only\n', schema).problems).toEqual([expect.objectContaining({ code: 'missing-required', key: 'title', line: 1 })]);
  });
});

// The runner's test timeout (30 s, vitest.config.ts) is the hang guard; speed is not asserted in unit tests.
describe('hostile front matter ends in an error, not a hang', () => {
  it('an alias bomb ("billion laughs") is refused', () => {
    let bomb = '---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const r = readFrontMatter(`${bomb}---\n`);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'alias-limit' })]);
    expect(r.data).toEqual({});
  });

  it('deep nesting is refused before the parser recurses (flow, block and compact lists)', () => {
    const flow = `---\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`;
    const block = `---\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n---\n`;
    const compact = `---\nx:\n  ${'- '.repeat(500)}a\n---\n`;
    for (const text of [flow, block, compact]) {
      const r = readFrontMatter(text);
      expect(r.problems).toEqual([expect.objectContaining({ code: 'too-deep' })]);
    }
    expect(nestingExceeds('a:\n  b:\n    c: [1, [2, {d: 3}]]\n')).toBe(0);
    expect(nestingExceeds(`x: ${'['.repeat(MAX_NESTING - 2)}`)).toBe(0);
  });

  it('a block over 1 MB is refused; a large value under it is read', () => {
    const huge = readFrontMatter(`---\ntitle: "${'x'.repeat(1_100_000)}"\n---\nBody`);
    expect(huge.problems).toEqual([expect.objectContaining({ code: 'too-large', line: 1 })]);
    const big = readFrontMatter(`---\ntitle: "${'x'.repeat(500_000)}"\n---\nBody`);
    expect(big.problems).toEqual([]);
    expect((big.data.title as string).length).toBe(500_000);
  });

  it('YAML tags build no objects and run nothing', () => {
    const r = readFrontMatter('---\nx: !!js/function "function(){ globalThis.__tagged = 1 }"\ny: !ruby/object:Gem::Installer {a: 1}\n---\n');
    expect((globalThis as Record<string, unknown>).__tagged).toBeUndefined();
    expect(typeof r.data.x).toBe('string');
    expect(r.data.y).toEqual({ a: 1 });
  });
});
