/**
 * Source lines for the preview's scroll sync: Liquid runs before Markdown and may add or remove lines, so the
 * lines of the Markdown kramdown sees are aligned back to the lines of the post as written.
 */
import { lowerBound } from '../util/line-starts';

/** How far ahead a line of the Liquid output is looked for in the source before it counts as generated. */
const SEARCH_WINDOW = 400;

/** A line with something besides white space (the same white space `trim` removes). */
const NON_BLANK = /\S/;

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
  // Where each non-blank source line (trailing white space ignored) occurs, filled in only as far as a search
  // can reach (SEARCH_WINDOW past the next unmatched line) and only once a line is not simply the next one.
  const positions = new Map<string, number[]>();
  let indexed = 0;
  const indexTo = (limit: number) => {
    for (; indexed < limit; indexed++) {
      const text = src[indexed];
      if (!NON_BLANK.test(text)) continue;
      const key = text.trimEnd();
      const list = positions.get(key);
      if (list) list.push(indexed);
      else positions.set(key, [indexed]);
    }
  };
  const map = new Int32Array(out.length);
  let next = 0;
  for (let i = 0; i < out.length; i++) {
    const text = out[i];
    if (!NON_BLANK.test(text)) {
      map[i] = Math.min(next, src.length - 1);
      if (next < src.length && !NON_BLANK.test(src[next])) next++;
      continue;
    }
    // Most lines come through Liquid as written: the next source line itself is the match.
    if (next < src.length && src[next] === text) {
      map[i] = next++;
      continue;
    }
    indexTo(Math.min(src.length, next + SEARCH_WINDOW + 1));
    const list = positions.get(text.trimEnd());
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
