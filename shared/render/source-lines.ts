/**
 * Source lines for the preview's scroll sync: Liquid runs before Markdown and may add or remove lines, so the
 * lines of the Markdown kramdown sees are aligned back to the lines of the post as written.
 */
import { lowerBound } from '../util/line-starts';

/** How far ahead a line of the Liquid output is looked for in the source before it counts as generated. */
const SEARCH_WINDOW = 400;

/**
 * Returns a function from a zero-based line of `output` (the body after Liquid) to the zero-based line of
 * `input` (the body as written) it comes from. Equal line counts map one to one (Liquid changed lines in place);
 * otherwise lines are matched in order, and a generated line belongs to the next source line not yet matched.
 */
export function alignLines(input: string, output: string): (line: number) => number {
  if (input === output) return (line) => line;
  const src = input.split('\n');
  const out = output.split('\n');
  if (src.length === out.length) return (line) => line;
  const positions = new Map<string, number[]>();
  src.forEach((text, i) => {
    const key = text.trimEnd();
    if (key.trim() === '') return;
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  });
  const map = new Int32Array(out.length);
  let next = 0;
  for (let i = 0; i < out.length; i++) {
    const key = out[i].trimEnd();
    if (key.trim() === '') {
      map[i] = Math.min(next, src.length - 1);
      if (next < src.length && src[next].trim() === '') next++;
      continue;
    }
    const list = positions.get(key);
    const at = list ? list[lowerBound(list, next)] : undefined;
    if (at !== undefined && at - next <= SEARCH_WINDOW) {
      map[i] = at;
      next = at + 1;
    } else {
      map[i] = Math.min(next, src.length - 1);
    }
  }
  return (line) => (line < 0 ? 0 : line >= map.length ? src.length - 1 : map[line]);
}

/** Adds `data-pr-line` to the first element of a block's HTML; a block that starts with text stays as it is. */
export function withLineAttribute(html: string, line: number): string {
  return html.replace(/^(\s*<[A-Za-z][\w:-]*)(?=[\s/>])/, `$1 data-pr-line="${line}"`);
}
