import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fastFrontMatter } from '../../../shared/front-matter/read-block';
import { MAX_FRONT_MATTER_CHARS } from '../../../shared/front-matter/split';
import { parseYaml11 } from '../../../shared/front-matter/yaml11';
import { AGREEMENT_CASES } from '../../../shared/front-matter/agreement-cases';
import { readFrontMatter as readForForm } from '../../../shared/front-matter/model';
import { readFrontMatterHead as readFrontMatter } from '../../../shared/front-matter/read-block';
import { HEAD_BYTES, readPostFileHead } from './front-matter-head';

const g = globalThis as Record<string, unknown>;
let dir: string;
let marker: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-fm-'));
  marker = path.join(dir, 'pwned.txt');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  delete g.__pwned;
});

/** A body that, if evaluated, sets a global and writes a file, then returns plausible front matter. */
function payload(): string {
  return `(function () { globalThis.__pwned = true; require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'); return { title: 'Owned' }; })()`;
}

describe('readFrontMatter never runs code', () => {
  it('the payload is real: stock gray-matter would run it (control)', () => {
    const file = matter(`---js\n(function () { globalThis.__control = 1; return { title: 'ran' }; })()\n---\nbody`, {});
    expect(file.data.title).toBe('ran');
    expect(g.__control).toBe(1);
    delete g.__control;
  });

  const spellings = ['---js', '---javascript', '--- js', '---JavaScript', '---JS ', '---\tjavascript', '---coffee', '---coffeescript', '---cson', '---Coffee'];
  for (const open of spellings) {
    for (const eol of ['\n', '\r\n']) {
      it(`refuses ${JSON.stringify(open)} with ${JSON.stringify(eol)} line endings`, () => {
        const text = `${open}${eol}${payload()}${eol}---${eol}Body text${eol}`;
        const head = readFrontMatter(text);
        expect(head.error).toMatch(/is code and is never run/);
        expect(head.data).toEqual({});
        expect(g.__pwned).toBeUndefined();
        expect(existsSync(marker)).toBe(false);
      });
    }
  }

  it('refuses code behind a byte-order mark and with no closing delimiter', () => {
    for (const text of [`\uFEFF---js\n${payload()}\n---\n`, `---javascript\n${payload()}\n`, `---js ${payload()}`]) {
      const head = readFrontMatter(text);
      expect(head.error).not.toBeNull();
      expect(head.data).toEqual({});
    }
    expect(g.__pwned).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses every other language, including names that collide with object methods', () => {
    for (const lang of ['json', 'toml', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const head = readFrontMatter(`---${lang}\n{"title": "x"}\n---\n`);
      expect(head.error, lang).toMatch(/never (run|read)/);
      expect(head.data).toEqual({});
    }
  });

  it('treats YAML tags as data, never as objects to build', () => {
    const head = readFrontMatter('---\ntitle: !ruby/object:Gem::Installer {a: 1}\nx: !!js/function "function(){ globalThis.__pwned = true }"\n---\n');
    expect(g.__pwned).toBeUndefined();
    expect(head.data.title).toEqual({ a: 1 });
    expect(typeof head.data.x).toBe('string');
  });
});

describe('readFrontMatter reads YAML as Jekyll does', () => {
  it('reads titles, dates as written and YAML 1.1 booleans', () => {
    const head = readFrontMatter('---\ntitle: "Launch: day one"\ndate: 2022-09-21 00:30:00 +0200\npublished: no\ncategories: [press, launch]\n---\nBody\n');
    expect(head).toEqual({ data: { title: 'Launch: day one', date: '2022-09-21 00:30:00 +0200', published: false, categories: ['press', 'launch'] }, error: null });
  });

  it('reads CRLF files, a BOM, the ... closing line and an explicit ---yaml', () => {
    expect(readFrontMatter('\uFEFF---\r\ntitle: A\r\n---\r\nBody').data).toEqual({ title: 'A' });
    expect(readFrontMatter('---\ntitle: B\n...\nBody').data).toEqual({ title: 'B' });
    expect(readFrontMatter('---yaml\ntitle: C\n---\n').data).toEqual({ title: 'C' });
    expect(readFrontMatter('---\n---\nBody')).toEqual({ data: {}, error: null });
    expect(readFrontMatter('No front matter here\n---\n')).toEqual({ data: {}, error: null });
  });

  it('does not let the body close the front matter early or late', () => {
    const head = readFrontMatter('---\ntitle: A\n---\n---\nnot: front matter\n---\n');
    expect(head.data).toEqual({ title: 'A' });
  });

  it('reports broken YAML with the line in the file', () => {
    const head = readFrontMatter('---\ntitle: A\ndate: 2022-09-21\ntags: [a, b\n---\nBody');
    expect(head.error).toMatch(/could not be read/);
    expect(head.line).toBeGreaterThanOrEqual(4);
    expect(head.data).toEqual({});
  });

  it('treats duplicate keys as an error on their line', () => {
    const head = readFrontMatter('---\ntitle: A\nlayout: post\ntitle: B\n---\n');
    expect(head.error).toMatch(/unique/);
    expect(head.line).toBe(4);
  });

  it('reports front matter without a closing line, or that is not a mapping', () => {
    expect(readFrontMatter('---\ntitle: A\nBody without end').error).toMatch(/no closing ---/);
    expect(readFrontMatter('---\n- a\n- b\n---\n').error).toMatch(/key: value/);
    expect(readFrontMatter('---\njust text\n---\n').error).toMatch(/key: value/);
  });

  it('keeps __proto__ as a plain key without polluting objects', () => {
    const head = readFrontMatter('---\n__proto__:\n  polluted: yes\ntitle: A\n---\n');
    expect(head.data.title).toBe('A');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// The runner's test timeout (30 s, vitest.config.ts) is the hang guard; speed is not asserted in unit tests.
describe('readFrontMatter resists hostile input', () => {
  it('stops an alias bomb (billion laughs) quickly with an error', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const head = readFrontMatter(`---\n${rows.join('\n')}\n---\n`);
    expect(head.error).toMatch(/aliases/);
  });

  it('stops very deep nesting with an error, not a crash', () => {
    const flow = readFrontMatter(`---\na: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n`);
    expect(flow.error).toMatch(/nested too deeply/);
    let block = '---\n';
    for (let i = 0; i < 5000; i++) block += `${' '.repeat(i)}k:\n`;
    expect(readFrontMatter(`${block}---\n`).error).toMatch(/could not be read|larger than/);
    expect(readFrontMatter(`---\n${'- '.repeat(50_000)}x\n---\n`).error).toMatch(/could not be read/);
  });

  it('refuses a 5 MB value instead of parsing it', () => {
    const head = readFrontMatter(`---\ntitle: ${'x'.repeat(5 * 1024 * 1024)}\n---\nBody`);
    expect(head.error).toMatch(/larger than/);
    expect(head.data).toEqual({});
    expect(readFrontMatter(`---\ntitle: ${'x'.repeat(MAX_FRONT_MATTER_CHARS + 10)}`).error).toMatch(/larger than/);
  });
});

describe('the fast path reads exactly what the YAML parser reads', () => {
  /** The full parser's answer, or 'error' when it refuses the text. */
  function full(text: string): unknown {
    try {
      return parseYaml11(text);
    } catch {
      return 'error';
    }
  }

  it('takes the common shape of front matter and agrees with the parser', () => {
    const text = '\nlayout: post\ntitle: "Press release: launch"\ndate: 2022-09-21 10:00:00 +0200\nupdated: 2022-09-21T10:00:00Z\nday: 2022-09-21\ncategories: [press, news]\ntags: []\nauthor: Jörg Müller\nimage: /assets/x.jpg\nempty:\n# a comment\nsubtitle: Q&A, with (notes)!\n';
    const fast = fastFrontMatter(text);
    expect(fast).toBeDefined();
    expect(fast).toEqual(full(text));
  });

  it('leaves everything unusual to the parser', () => {
    const tricky = ['published: no', 'on: x', 'e10: x', 'x: e10', 'x: E+5', 'x: 12', 'x: 0x1F', 'x: 1:30', 'x: .inf', 'x: ~', 'x: Null', 'y: 1', 'a: b\na: c', 'a: b # c', 'a: "x\\"y"', "a: 'it''s'", 'a: [x, [y]]', 'a: ["x, y"]', 'a: [x, ]', 'a:\n  b: c', 'a: b\n  continued', '__proto__: x', '<<: {a: 1}', 'a: &x b', 'a: *x', 'a: !tag b', 'a:\tb', 'a: b: c', 'a: |', '- a', 'a: [yes, no]', 'a: x\n---', 'a: b\u00a0', 'a: [b\u00a0]', '\u00a0\na: b'];
    for (const text of tricky) expect(fastFrontMatter(text), text).toBeUndefined();
  });

  it('agrees with the parser on thousands of random lines', () => {
    const pieces = ['a', 'b', 'Ab', 'yes', 'No', 'e1', 'E', '1', '2022-09-21', '10:00', ' ', '  ', ',', ':', '-', '.', "'", '"', '#', '[', ']', '!', '&', '*', '?', '/', 'ü', '_', '+', '~', 'null', 'on', '%', '@', '`', '|', '>', '{', '}', '\\', ';', '(', '2022-09-21 10:00:00 +0200', 'T', 'Z', '0x', '.5', '0', '\u00a0'];
    const friendly = ['a', 'b', 'Ab', 'ü', '_', ' ', '-', '.', '/', 'x y'];
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let taken = 0;
    for (let i = 0; i < 50_000; i++) {
      const lines: string[] = [];
      for (let l = 0, count = 1 + rnd(3); l < count; l++) {
        let value = '';
        for (let k = 0, len = rnd(5); k < len; k++) value += rnd(2) === 0 ? friendly[rnd(friendly.length)] : pieces[rnd(pieces.length)];
        const key = ['title', 'date', 'k', 'y', 'e5', 'tags'][rnd(6)];
        lines.push(rnd(4) === 0 ? `${key}: [${value}, ${pieces[rnd(pieces.length)]}]` : `${key}: ${value}`);
      }
      const text = lines.join('\n');
      const fast = fastFrontMatter(text);
      if (fast === undefined) continue;
      taken++;
      expect(fast, JSON.stringify(text)).toEqual(full(text));
    }
    expect(taken).toBeGreaterThan(800);
  });
});

describe('the post list reads post files as the form reads their text', () => {
  const buffer = Buffer.allocUnsafe(HEAD_BYTES);
  const fileOf = async (name: string, text: string): Promise<string> => {
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.md`);
    await fs.writeFile(file, text);
    return file;
  };

  it.each(AGREEMENT_CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const head = readPostFileHead(await fileOf(name, c.text), buffer);
    const form = readForForm(c.text);
    const problem = form.problems[0];
    expect(head.error === null).toBe(problem === undefined);
    if (problem) expect(head.error).toMatch(new RegExp(`\\(line ${problem.line}\\)$`));
    else expect(head.data).toEqual(form.data);
    expect(g.__agreementRan).toBeUndefined();
  });

  it('reads on past the head when the block does not end there, and reads a short block before a huge body', async () => {
    const longBlock = `---\ntitle: Long\nnotes: "${'n'.repeat(HEAD_BYTES * 2)}"\n---\n${'Body\n'.repeat(100_000)}`;
    expect(readPostFileHead(await fileOf('long-block', longBlock), buffer)).toMatchObject({ data: { title: 'Long' }, error: null });
    expect(readForForm(longBlock).problems).toEqual([]);
    const bigBody = `---\ntitle: Big\n---\n${'x'.repeat(5 * 1024 * 1024)}`;
    expect(readPostFileHead(await fileOf('big-body', bigBody), buffer)).toMatchObject({ data: { title: 'Big' }, error: null, size: bigBody.length });
  });

  it('marks files that are not text, not UTF-8 or not files', async () => {
    const binary = path.join(dir, 'binary.md');
    await fs.writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    expect(readPostFileHead(binary, buffer).error).toMatch(/not text/);
    expect(readPostFileHead(dir, buffer).error).toMatch(/not a regular file|could not be read/);
    expect(readPostFileHead(path.join(dir, 'missing.md'), buffer).error).toMatch(/could not be read \(ENOENT\)/);
  });
});
