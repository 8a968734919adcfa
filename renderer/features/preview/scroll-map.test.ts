// Scroll sync arithmetic: a line maps to where it shows in the preview and back, inside long blocks too.
import { describe, expect, it } from 'vitest';
import { lineAtOffset, offsetOfLine } from './scroll-map';

const blocks = [
  { line: 5, top: 0 },
  { line: 9, top: 100 },
  { line: 10, top: 400 },
  { line: 30, top: 500 },
];
const at = (i: number) => blocks[i];

describe('offsetOfLine', () => {
  it('puts a block’s first line at its top and lines inside it proportionally further down', () => {
    expect(offsetOfLine(4, at, 9, 800)).toBe(100);
    expect(offsetOfLine(4, at, 7, 800)).toBe(50);
    expect(offsetOfLine(4, at, 20, 800)).toBe(450);
    expect(offsetOfLine(4, at, 1, 800)).toBe(0);
    expect(offsetOfLine(4, at, 30, 800)).toBe(500);
    expect(offsetOfLine(0, at, 3, 0)).toBe(0);
  });
});

describe('lineAtOffset', () => {
  it('is the inverse of offsetOfLine', () => {
    for (const line of [5, 6, 9, 10, 15, 29]) expect(lineAtOffset(4, at, offsetOfLine(4, at, line, 800), 800)).toBe(line);
    expect(lineAtOffset(4, at, -10, 800)).toBe(5);
    expect(lineAtOffset(0, at, 0, 0)).toBeNull();
  });
});
