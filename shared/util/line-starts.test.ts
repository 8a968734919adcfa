import { describe, expect, it } from 'vitest';
import { lineAt, lineOfOffset, lineStarts, lowerBound } from './line-starts';

describe('line starts', () => {
  it('lists where every line begins, the first at 0', () => {
    expect(lineStarts('a\nbc\n\nd')).toEqual([0, 2, 5, 6]);
    expect(lineStarts('')).toEqual([0]);
  });

  it('gives the one-based line of an offset, a newline belonging to the line it ends', () => {
    const text = 'one\ntwo\n\nfour';
    const starts = lineStarts(text);
    expect(lineAt(starts, 0)).toBe(1);
    expect(lineAt(starts, 3)).toBe(1);
    expect(lineAt(starts, 4)).toBe(2);
    expect(lineAt(starts, 8)).toBe(3);
    expect(lineAt(starts, text.indexOf('four'))).toBe(4);
    expect(lineAt(starts, text.length + 10)).toBe(4);
    expect(lineAt(starts, -1)).toBe(1);
  });

  it('counts the lines of a text as newline counting does, also when asked about several texts in turn', () => {
    const a = 'x\r\ny\nz';
    const b = '\n\n\n';
    const count = (t: string, o: number) => t.slice(0, o).split('\n').length;
    for (let o = 0; o <= a.length; o++) expect(lineOfOffset(a, o)).toBe(count(a, o));
    for (let o = 0; o <= b.length; o++) expect(lineOfOffset(b, o)).toBe(count(b, o));
    expect(lineOfOffset(a, a.length)).toBe(3);
  });

  it('finds the first position not below a value', () => {
    expect(lowerBound([1, 3, 3, 7], 3)).toBe(1);
    expect(lowerBound([1, 3, 3, 7], 8)).toBe(4);
    expect(lowerBound([], 1)).toBe(0);
  });
});
