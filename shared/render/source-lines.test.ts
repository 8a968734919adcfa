// The preview's source lines: every top-level block says which line of the file it comes from, also when
// Liquid added or removed lines, and marking lines changes nothing else about the HTML.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITE } from './fixtures/fixture-site';
import { renderPost } from './render-post';
import { alignLines, withLineAttribute } from './source-lines';

const FIXTURES = join(__dirname, 'fixtures');
const strip = (html: string) => html.replace(/ data-pr-line="\d+"/g, '');

function lineOf(source: string, needle: string): number {
  return source.slice(0, source.indexOf(needle)).split('\n').length;
}

describe('renderPost with sourceLines', () => {
  for (const group of ['posts', 'constructs'] as const) {
    it(`gives the same HTML as without it for every ${group} fixture, and its blocks join to it`, () => {
      for (const name of readdirSync(join(FIXTURES, group)).filter((n) => n.endsWith('.md'))) {
        const source = readFileSync(join(FIXTURES, group, name), 'utf8');
        const input = { source, site: FIXTURE_SITE, path: `_posts/${name}` };
        const plain = renderPost(input).html;
        const marked = renderPost({ ...input, sourceLines: true });
        expect(strip(marked.html), name).toBe(plain);
        expect(marked.blocks!.map((b) => b.html).join(''), name).toBe(plain);
        const lines = marked.blocks!.map((b) => b.line);
        expect([...lines].sort((a, b) => a - b), `${name}: lines go down the file`).toEqual(lines);
      }
    });
  }

  it('marks each block with its line in the whole file, front matter included', () => {
    const source = '---\ntitle: T\n---\n# Heading\n\nFirst paragraph\nstill first.\n\n- a\n- b\n\n> quote\n';
    const out = renderPost({ source, site: FIXTURE_SITE, sourceLines: true });
    expect(out.blocks!.map((b) => [b.line, b.html.slice(0, 4)])).toEqual([
      [4, '<h1 '],
      [6, '<p>F'],
      [9, '<ul>'],
      [12, '<blo'],
    ]);
    expect(out.html).toContain('<h1 data-pr-line="4" id="heading">');
    expect(out.html).toContain('<p data-pr-line="6">First');
  });

  it('keeps lines right below Liquid that removed or added lines', () => {
    const body = [
      '{% capture note %}',
      'captured',
      'text',
      '{% endcapture %}',
      'Intro',
      '',
      '{% for i in (1..3) %}',
      'Item {{ i }}',
      '{% endfor %}',
      '',
      '## After the loop',
      '',
      'Closing paragraph.',
    ].join('\n');
    const source = `---\ntitle: T\n---\n${body}\n`;
    const out = renderPost({ source, site: FIXTURE_SITE, sourceLines: true });
    const heading = out.blocks!.find((b) => b.html.startsWith('<h2'))!;
    const closing = out.blocks!.find((b) => b.html.includes('Closing'))!;
    expect(heading.line).toBe(lineOf(source, '## After'));
    expect(closing.line).toBe(lineOf(source, 'Closing'));
  });

  it('puts the footnotes after the block that comes before them', () => {
    const source = 'Text.[^1]\n\nMore.\n\n[^1]: The note.\n';
    const out = renderPost({ source, site: FIXTURE_SITE, sourceLines: true });
    const notes = out.blocks![out.blocks!.length - 1];
    expect(notes.html).toContain('class="footnotes"');
    expect(notes.line).toBeGreaterThanOrEqual(3);
  });
});

describe('alignLines', () => {
  it('maps one to one when Liquid kept the line count', () => {
    const f = alignLines('a {{ x }}\nb', 'a 1\nb');
    expect([f(0), f(1)]).toEqual([0, 1]);
  });

  it('maps a generated line to the source line that made it', () => {
    const f = alignLines('a\n{% for %}\nx\n{% endfor %}\nz', 'a\n\nx\n\nx\n\nz');
    expect(f(0)).toBe(0);
    expect(f(6)).toBe(4);
  });
});

describe('withLineAttribute', () => {
  it('marks the first element and leaves text alone', () => {
    expect(withLineAttribute('<p>x</p>\n', 7)).toBe('<p data-pr-line="7">x</p>\n');
    expect(withLineAttribute('<hr />\n', 2)).toBe('<hr data-pr-line="2" />\n');
    expect(withLineAttribute('plain <b>x</b>', 2)).toBe('plain <b>x</b>');
  });
});
