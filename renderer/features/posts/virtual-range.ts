/** The arithmetic of the virtual list, pure so it can be tested: which rows are visible, and where to scroll. */

/** The slice of rows to render: `start` inclusive, `end` exclusive. */
export interface RowRange {
  start: number;
  end: number;
}

/** The rows inside the viewport plus `overscan` rows either side, so fast scrolling shows no gaps. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 6): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start, end: Math.max(end, start + 1) };
}

/** The scroll position that brings row `index` fully into view with the least movement; null when it is already visible. */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

/** Moves the active row for a key press; null when the key does not move it. */
export function moveActive(key: string, active: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(active < 0 ? 0 : active + 1);
    case 'ArrowUp':
      return clamp(active < 0 ? 0 : active - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(Math.max(active, 0) + Math.max(1, pageRows - 1));
    case 'PageUp':
      return clamp(Math.max(active, 0) - Math.max(1, pageRows - 1));
    default:
      return null;
  }
}
