/**
 * Scrolling a release and its translation together: the k-th heading of one text stands for the k-th heading of the
 * other (translations keep their structure even when their paragraphs differ in length), and a line between two
 * headings keeps its share of the way through its section.
 */

/** What the alignment needs of one text: the one-based lines of its headings, in order, and its number of lines. */
export interface HeadingMap {
  headings: readonly number[];
  lines: number;
}

/** The section of a text a line is in: from a heading (or the start) to the next heading (or past the end). */
function section(map: HeadingMap, k: number): { start: number; end: number } {
  return { start: k === 0 ? 1 : map.headings[k - 1], end: k < map.headings.length ? map.headings[k] : map.lines + 1 };
}

/**
 * The line of `to` that matches `line` of `from`: the same heading's line for a heading, proportional within the
 * section otherwise, and proportional over the whole text when either has no headings. Beyond the last heading the
 * other text has, the rest of `from` maps onto the other's last section.
 */
export function alignLine(line: number, from: HeadingMap, to: HeadingMap): number {
  const clamp = (n: number) => Math.min(Math.max(1, n), Math.max(1, to.lines));
  if (from.lines <= 0) return 1;
  if (from.headings.length === 0 || to.headings.length === 0) {
    return clamp(1 + Math.floor(((line - 1) / Math.max(1, from.lines)) * to.lines));
  }
  let count = 0;
  while (count < from.headings.length && from.headings[count] <= line) count++;
  // Past the other text's last heading, the rest of `from` maps onto the other's last section.
  const k = Math.min(count, to.headings.length);
  const a = k === to.headings.length ? { start: k === 0 ? 1 : from.headings[k - 1], end: from.lines + 1 } : section(from, k);
  const b = section(to, k);
  const share = (line - a.start) / Math.max(1, a.end - a.start);
  return clamp(b.start + Math.floor(share * (b.end - b.start)));
}
