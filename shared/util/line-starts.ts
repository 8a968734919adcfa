/**
 * Offsets to one-based lines in one pass: the line starts are counted once per text and each lookup is a
 * binary search, so a post with thousands of tags or problems costs its length, not its length per tag.
 */

/** Offsets where each line of `text` starts (the first is 0): built once, shared by every lookup in that text. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** One-based line of `offset` given the text's line starts (an offset on a `\n` belongs to the line it ends). */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  // The number of line starts at or before `offset` is the one-based line.
  return Math.max(lowerBound(starts, offset + 1), 1);
}

/** The last text asked about and its line starts: repeated lookups in the same text count its lines once. */
let cached: { text: string; starts: number[] } | null = null;

/** One-based line of `offset` in `text`; repeated calls on the same text reuse its line starts. */
export function lineOfOffset(text: string, offset: number): number {
  if (cached?.text !== text) cached = { text, starts: lineStarts(text) };
  return lineAt(cached.starts, offset);
}

/** First index in the ascending `list` whose value is at least `value` (list.length when none is). */
export function lowerBound(list: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
