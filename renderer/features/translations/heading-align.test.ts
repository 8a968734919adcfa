import { describe, expect, it } from 'vitest';
import { alignLine, type HeadingMap } from './heading-align';

/** A text's headings as the outline finds them in these simple texts: lines starting with "#". */
function mapOf(text: string): HeadingMap {
  const lines = text.split('\n');
  return { headings: lines.flatMap((l, i) => (l.startsWith('#') ? [i + 1] : [])), lines: lines.length };
}

const lines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} ${i + 1}`).join('\n');

// English: a short intro, then two sections; German: a longer intro and longer sections (German runs longer).
const en = [lines(2, 'intro'), '## Highlights', lines(4, 'point'), '## Availability', lines(2, 'date')].join('\n');
const de = [lines(5, 'Einleitung'), '## Höhepunkte', lines(10, 'Punkt'), '## Verfügbarkeit', lines(6, 'Datum')].join('\n');
const lineOf = (text: string, words: string) => text.split('\n').indexOf(words) + 1;

describe('alignLine', () => {
  it('takes the reader to the same heading in the other language', () => {
    expect(alignLine(lineOf(en, '## Highlights'), mapOf(en), mapOf(de))).toBe(lineOf(de, '## Höhepunkte'));
    expect(alignLine(lineOf(en, '## Availability'), mapOf(en), mapOf(de))).toBe(lineOf(de, '## Verfügbarkeit'));
    expect(alignLine(lineOf(de, '## Verfügbarkeit'), mapOf(de), mapOf(en))).toBe(lineOf(en, '## Availability'));
  });

  it('keeps a line halfway through a section halfway through the translated section', () => {
    // "point 3" is 3 of the 5 lines of its section (heading included): the German section has 11 lines.
    const got = alignLine(lineOf(en, 'point 3'), mapOf(en), mapOf(de));
    expect(got).toBeGreaterThan(lineOf(de, '## Höhepunkte'));
    expect(got).toBeLessThan(lineOf(de, '## Verfügbarkeit'));
    expect(got).toBe(lineOf(de, '## Höhepunkte') + Math.floor((3 / 5) * 11));
  });

  it('maps the top of the text to the top, and the intro before the first heading proportionally', () => {
    expect(alignLine(1, mapOf(en), mapOf(de))).toBe(1);
    expect(alignLine(2, mapOf(en), mapOf(de))).toBe(1 + Math.floor((1 / 2) * 5));
  });

  it('scrolls proportionally over the whole text when there are no headings', () => {
    const a = mapOf(lines(10, 'a'));
    const b = mapOf(lines(30, 'b'));
    expect(alignLine(1, a, b)).toBe(1);
    expect(alignLine(6, a, b)).toBe(16);
    expect(alignLine(10, a, b)).toBeLessThanOrEqual(30);
  });

  it('never leaves the other text when one has more headings than the other', () => {
    const more = mapOf(['# A', 'x', '# B', 'y', '# C', 'z', '# D', 'w'].join('\n'));
    const fewer = mapOf(['# A', 'x', 'x', '# B', 'y', 'y'].join('\n'));
    const results = Array.from({ length: more.lines }, (_, i) => alignLine(i + 1, more, fewer));
    expect(results.every((n) => n >= 1 && n <= fewer.lines)).toBe(true);
    // Scrolling down never scrolls the other text up.
    expect(results).toEqual([...results].sort((x, y) => x - y));
    expect(alignLine(3, more, fewer)).toBe(4);
  });
});
