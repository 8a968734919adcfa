import { describe, expect, it } from 'vitest';
import { splitFrontMatter as splitForPreview } from '../render/front-matter';
import { AGREEMENT_CASES, type AgreementCase } from './agreement-cases';
import { readFrontMatter } from './model';
import { readFrontMatterHead } from './read-block';
import { needsMoreText, splitFrontMatter } from './split';

/** The verdict the form reaches: the block's first problem, or whether there is a block. */
function formVerdict(text: string): string {
  const reading = readFrontMatter(text);
  return reading.problems[0]?.code ?? (reading.hasFrontMatter ? 'yaml' : 'none');
}

describe('every reader of front matter agrees on hostile and edge-case posts', () => {
  const label = (c: AgreementCase) => c.name;

  it.each(AGREEMENT_CASES.map((c) => [label(c), c] as const))('%s', (_name, c) => {
    // The form (and the CLI, which reads through it).
    const form = readFrontMatter(c.text);
    expect(formVerdict(c.text)).toBe(c.verdict);
    if (c.data) expect(form.data).toEqual(c.data);

    // The post list's reading of the same text: an error exactly when the form has a problem, on the same line.
    const head = readFrontMatterHead(c.text);
    const problem = form.problems[0];
    expect(head.error === null).toBe(problem === undefined);
    if (problem) expect(head.line).toBe(problem.line);
    else expect(head.data).toEqual(form.data);

    // The preview: the same block (the same body), code named and never run.
    const preview = splitForPreview(c.text);
    expect(preview.hasFrontMatter).toBe(form.hasFrontMatter);
    if (form.hasFrontMatter) expect(preview.body).toBe(form.split.body);
    expect(preview.error !== null).toBe(problem !== undefined && (form.hasFrontMatter || problem.code === 'code-front-matter'));
    expect((globalThis as Record<string, unknown>).__agreementRan).toBeUndefined();
  });

  it('agrees on thousands of random delimiter soups', () => {
    const pieces = ['---', '...', '----', '\n', '\r\n', '\r', ' ', '\t', 'js', 'yaml', 'a: 1', 'b: [x', '\uFEFF', ';;;', '-', '#', 'Body'];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = 0, len = 1 + rnd(12); k < len; k++) text += pieces[rnd(pieces.length)];
      const form = readFrontMatter(text);
      const head = readFrontMatterHead(text);
      expect(head.error === null, JSON.stringify(text)).toBe(form.problems.length === 0);
      expect(splitForPreview(text).hasFrontMatter, JSON.stringify(text)).toBe(form.hasFrontMatter);
      for (let n = 0; n <= text.length; n++) {
        const prefix = text.slice(0, n);
        const part = splitFrontMatter(prefix);
        if (n < text.length && needsMoreText(part, prefix)) continue;
        expect([part.kind, part.problem?.code, part.closeLine], `${JSON.stringify(text)} at ${n}`).toEqual([form.split.kind, form.split.problem?.code, form.split.closeLine]);
      }
    }
  });

  it('a reader of only the start of a post reaches the same verdict once needsMoreText is false', () => {
    for (const c of AGREEMENT_CASES) {
      const whole = splitFrontMatter(c.text);
      // Grow a prefix the way a reader of a file's head does, doubling until the verdict is decided.
      let n = 8;
      let prefix = c.text.slice(0, n);
      while (n < c.text.length && needsMoreText(splitFrontMatter(prefix), prefix)) prefix = c.text.slice(0, (n *= 2));
      const part = splitFrontMatter(prefix);
      expect([part.kind, part.problem?.code, part.closeLine], c.name).toEqual([whole.kind, whole.problem?.code, whole.closeLine]);
    }
  });
});
