import { describe, expect, it } from 'vitest';
import { splitFrontMatter as splitForPreview } from '../render/front-matter';

/**
 * The preview reads front matter through the shared splitter and limits: hostile posts end in an error, not a
 * hang (the runner's 30 s test timeout in vitest.config.ts is the hang guard; speed is not asserted here).
 */
describe('the preview front-matter reader', () => {
  it('stops deep nesting and alias bombs with an error and still returns the body', () => {
    const deep = splitForPreview(`---\nx: ${'['.repeat(50_000)}\n---\nBody\n`);
    expect(deep).toMatchObject({ hasFrontMatter: true, body: 'Body\n', frontMatter: {} });
    expect(deep.error?.message).toMatch(/nested/);
    let bomb = '---\na0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const aliases = splitForPreview(`${bomb}---\nBody\n`);
    expect(aliases.error?.message).toMatch(/aliases/);
  });

  it('names code front matter and never runs it', () => {
    const r = splitForPreview('---js\n({ title: (globalThis.__previewRan = 1) })\n---\nBody\n');
    expect(r.hasFrontMatter).toBe(false);
    expect(r.error?.message).toMatch(/never run/);
    expect((globalThis as Record<string, unknown>).__previewRan).toBeUndefined();
  });

  it('keeps reading plain dates as dates and reports YAML errors on the file line', () => {
    expect(splitForPreview('---\ndate: 2024-05-01\n---\n').frontMatter.date).toBeInstanceOf(Date);
    expect(splitForPreview('---\ntitle: ok\ntitle: again\n---\n').error?.line).toBe(3);
  });
});
