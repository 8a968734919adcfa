// A form edit must touch only the changed characters, so the editor keeps the cursor and undo elsewhere.
import { describe, expect, it } from 'vitest';
import { minimalChange } from './minimal-change';

function apply(text: string, c: { from: number; to: number; insert: string } | null): string {
  return c ? text.slice(0, c.from) + c.insert + text.slice(c.to) : text;
}

describe('minimalChange', () => {
  it('is null for equal texts', () => {
    expect(minimalChange('abc', 'abc')).toBeNull();
  });

  it('replaces only the changed part of one line', () => {
    const before = '---\ntitle: "Old title"\nlayout: post\n---\nBody\n';
    const after = '---\ntitle: "New title"\nlayout: post\n---\nBody\n';
    const c = minimalChange(before, after);
    expect(c).toEqual({ from: 12, to: 15, insert: 'New' });
    expect(apply(before, c)).toBe(after);
  });

  it('handles insertions, deletions and repeated characters', () => {
    for (const [a, b] of [
      ['aaa', 'aaaa'],
      ['aaaa', 'aa'],
      ['', 'x'],
      ['x', ''],
      ['tags: [a, b]\n', 'tags: [a, c, b]\n'],
    ]) {
      expect(apply(a, minimalChange(a, b))).toBe(b);
    }
  });

  it('never splits an emoji into halves', () => {
    const a = 'title: 😀\n';
    const b = 'title: 😃\n';
    const c = minimalChange(a, b)!;
    expect(c.insert).toBe('😃');
    expect(apply(a, c)).toBe(b);
  });
});
