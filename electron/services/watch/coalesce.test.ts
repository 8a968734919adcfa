import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer, type FileChange } from './coalesce';

describe('createCoalescer', () => {
  let batches: FileChange[][];
  beforeEach(() => {
    vi.useFakeTimers();
    batches = [];
  });
  afterEach(() => vi.useRealTimers());
  const make = (maxPaths = 3) => createCoalescer((b) => batches.push(b), { windowMs: 100, maxPaths });

  it('reports each path once per window, within the window', () => {
    const c = make();
    c.push('_posts/a.md', 'changed');
    c.push('_posts/a.md', 'changed');
    c.push('_posts/b.md', 'added');
    vi.advanceTimersByTime(99);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[{ path: '_posts/a.md', kind: 'changed' }, { path: '_posts/b.md', kind: 'added' }]]);
  });

  it('merges what happened to a path: a replaced file is a change, a file that came and went is nothing', () => {
    const c = make();
    c.push('a.md', 'removed');
    c.push('a.md', 'added');
    c.push('tmp.md', 'added');
    c.push('tmp.md', 'changed');
    c.push('tmp.md', 'removed');
    c.push('new.md', 'added');
    c.push('new.md', 'changed');
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([[{ path: 'a.md', kind: 'changed' }, { path: 'new.md', kind: 'added' }]]);
  });

  it('turns a burst over the cap into one site-wide change, even when the burst outlasts a window', () => {
    const c = make(3);
    for (let i = 0; i < 10; i++) {
      c.push(`f${i}.md`, 'added');
      vi.advanceTimersByTime(30);
    }
    vi.advanceTimersByTime(500);
    expect(batches).toEqual([[{ path: '', kind: 'changed' }]]);
  });

  it('counts the cap over a second: paths already sent leave less room before the rest goes site-wide', () => {
    const c = make(3);
    c.push('a.md', 'added');
    c.push('b.md', 'added');
    vi.advanceTimersByTime(100);
    c.push('c.md', 'added');
    c.push('d.md', 'added');
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([[{ path: 'a.md', kind: 'added' }, { path: 'b.md', kind: 'added' }], [{ path: '', kind: 'changed' }]]);
    vi.advanceTimersByTime(1000);
    c.push('e.md', 'changed');
    vi.advanceTimersByTime(100);
    expect(batches[2]).toEqual([{ path: 'e.md', kind: 'changed' }]);
  });

  it('keeps a burst that outlasts the longest wait site-wide: one change a second, no tail of single paths', () => {
    const c = make(3);
    for (let i = 0; i < 60; i++) {
      c.push(`f${i}.md`, 'added');
      vi.advanceTimersByTime(25);
    }
    vi.advanceTimersByTime(150);
    expect(batches).toEqual([[{ path: '', kind: 'changed' }], [{ path: '', kind: 'changed' }]]);
    c.push('later.md', 'changed');
    vi.advanceTimersByTime(100);
    expect(batches[2]).toEqual([{ path: 'later.md', kind: 'changed' }]);
  });

  it('sends nothing once cancelled, and what is pending on flush', () => {
    const c = make();
    c.push('a.md', 'changed');
    c.cancel();
    vi.advanceTimersByTime(200);
    c.push('b.md', 'removed');
    c.flush();
    expect(batches).toEqual([[{ path: 'b.md', kind: 'removed' }]]);
  });
});
