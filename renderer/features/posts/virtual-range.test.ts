import { describe, expect, it } from 'vitest';
import { moveActive, scrollToReveal, visibleRange } from './virtual-range';

describe('visibleRange', () => {
  it('renders only the rows in view plus a few either side, however long the list', () => {
    const r = visibleRange(640_000, 600, 64, 10_000, 5);
    expect(r.start).toBe(9995);
    expect(r.end - r.start).toBeLessThan(30);
  });
  it('starts at the top and never runs past the end', () => {
    expect(visibleRange(0, 600, 64, 3)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(999_999, 600, 64, 10).end).toBe(10);
    expect(visibleRange(0, 600, 64, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('scrollToReveal', () => {
  it('scrolls just enough to show a row above or below the view', () => {
    expect(scrollToReveal(0, 128, 300, 64)).toBe(0);
    expect(scrollToReveal(10, 0, 300, 64)).toBe(11 * 64 - 300);
    expect(scrollToReveal(2, 64, 300, 64)).toBeNull();
  });
});

describe('moveActive', () => {
  it('moves with the arrow keys and stays inside the list', () => {
    expect(moveActive('ArrowDown', -1, 5, 8)).toBe(0);
    expect(moveActive('ArrowDown', 4, 5, 8)).toBe(4);
    expect(moveActive('ArrowUp', 0, 5, 8)).toBe(0);
    expect(moveActive('End', 0, 5, 8)).toBe(4);
    expect(moveActive('PageDown', 0, 100, 8)).toBe(7);
    expect(moveActive('a', 0, 5, 8)).toBeNull();
  });
});
