/**
 * Scroll sync arithmetic: source lines ↔ vertical offsets in the preview, from the blocks' `data-pr-line` and
 * positions, interpolating inside a block so long paragraphs and tables follow smoothly.
 */

/** A block as scroll sync sees it: its first source line and the offset of its top. */
export interface BlockPosition {
  line: number;
  top: number;
}

/** Index of the last item for which `before(item)` holds (items ordered), or -1. */
function lastWhere<T>(count: number, at: (i: number) => T, before: (item: T) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(at(mid))) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The offset at which source `line` shows: inside the block it belongs to, as far down as the line is from the
 * block's first line toward the next block's. `end` is the offset of the end of the content.
 */
export function offsetOfLine(count: number, at: (i: number) => BlockPosition, line: number, end: number): number {
  if (count === 0) return 0;
  const i = lastWhere(count, at, (b) => b.line <= line);
  if (i < 0) return 0;
  const block = at(i);
  const next = i + 1 < count ? at(i + 1) : null;
  const nextLine = next ? next.line : block.line + 1;
  const nextTop = next ? next.top : end;
  if (nextLine <= block.line) return block.top;
  const fraction = Math.min(1, Math.max(0, (line - block.line) / (nextLine - block.line)));
  return block.top + fraction * Math.max(0, nextTop - block.top);
}

/** The source line shown at `offset` (the top of the viewport), the inverse of offsetOfLine. */
export function lineAtOffset(count: number, at: (i: number) => BlockPosition, offset: number, end: number): number | null {
  if (count === 0) return null;
  const i = lastWhere(count, at, (b) => b.top <= offset);
  if (i < 0) return at(0).line;
  const block = at(i);
  const next = i + 1 < count ? at(i + 1) : null;
  const nextTop = next ? next.top : end;
  const nextLine = next ? next.line : block.line + 1;
  if (nextTop <= block.top) return block.line;
  const fraction = Math.min(1, Math.max(0, (offset - block.top) / (nextTop - block.top)));
  return Math.floor(block.line + fraction * (nextLine - block.line));
}
