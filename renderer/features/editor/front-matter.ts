/**
 * Where a post's YAML front matter is, found the way Jekyll finds it (a `---` line at the very start, closed
 * by the next `---` or `...` line), so word count, outline and the warning banner agree on what is the body.
 */

/** The front matter block of a text, or the fact that it was opened and never closed. */
export interface FrontMatterBlock {
  /** Offset just after the opening `---` line's line break. */
  contentFrom: number;
  /** Offset of the closing line's start (the text's end when unclosed). */
  contentTo: number;
  /** Offset where the body starts: after the closing line (the text's end when unclosed). */
  bodyFrom: number;
  /** One-based line of the closing delimiter; null when the block is never closed. */
  closingLine: number | null;
  closed: boolean;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Finds the front matter at the start of `text`; null when the text does not start with a `---` line. */
export function findFrontMatter(text: string): FrontMatterBlock | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const contentFrom = open[0].length;
  let pos = contentFrom;
  let line = 2;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const content = text.slice(pos, end).replace(/\r$/, '');
    if (CLOSE.test(content)) {
      return { contentFrom, contentTo: pos, bodyFrom: nl === -1 ? text.length : nl + 1, closingLine: line, closed: true };
    }
    if (nl === -1) break;
    pos = nl + 1;
    line++;
  }
  return { contentFrom, contentTo: text.length, bodyFrom: text.length, closingLine: null, closed: false };
}

/** The body of a post: everything after a closed front matter block; the whole text otherwise. */
export function bodyOf(text: string): { body: string; offset: number; firstLine: number } {
  const fm = findFrontMatter(text);
  if (!fm || !fm.closed) return { body: text, offset: 0, firstLine: 1 };
  return { body: text.slice(fm.bodyFrom), offset: fm.bodyFrom, firstLine: (fm.closingLine ?? 0) + 1 };
}
