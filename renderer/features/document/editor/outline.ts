/**
 * The headings of a post's body for the outline: ATX (`## Title`) and setext (underlined) headings, never
 * lines inside code fences or the front matter, each with the line the editor jumps to.
 */
import { bodyOf } from './front-matter';

/** One heading of the outline. */
export interface OutlineHeading {
  level: number;
  /** The heading's words without Markdown markup or a kramdown `{#id}`. */
  text: string;
  /** One-based line of the heading (the text line for setext headings). */
  line: number;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Lines that cannot be the text of a setext heading. */
const NOT_PARAGRAPH = /^(?: {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)| {0,3}>| {0,3}#| {4}|\t| {0,3}<| {0,3}(?:[-*_][ \t]*){3,}$)/;

/** Strips inline markup so the outline reads like the page: emphasis, code ticks, links, kramdown ids. */
export function plainHeadingText(raw: string): string {
  return raw
    .replace(/\s*\{[#:][^}]*\}\s*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*{1,3}|_{1,3}|`+|~~)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .trim();
}

/** Lists the headings of the body of `text` (front matter skipped when it is closed). */
export function outlineOf(text: string): OutlineHeading[] {
  const { body, firstLine } = bodyOf(text);
  const lines = body.split(/\r?\n|\r/);
  const out: OutlineHeading[] = [];
  let fence: string | null = null;
  /** The previous line, when it could be the text of a setext heading. */
  let paragraph: { text: string; line: number } | null = null;
  lines.forEach((line, i) => {
    const number = firstLine + i;
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = null;
      paragraph = null;
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      paragraph = null;
      return;
    }
    const atx = ATX.exec(line);
    if (atx) {
      out.push({ level: atx[1].length, text: plainHeadingText(atx[2] ?? ''), line: number });
      paragraph = null;
      return;
    }
    const setext = SETEXT.exec(line);
    if (setext && paragraph) {
      out.push({ level: setext[1][0] === '=' ? 1 : 2, text: plainHeadingText(paragraph.text), line: paragraph.line });
      paragraph = null;
      return;
    }
    if (line.trim() === '' || NOT_PARAGRAPH.test(line)) {
      paragraph = null;
      return;
    }
    // A multi-line paragraph underlined: the heading starts at its first line, as Markdown reads it.
    paragraph = paragraph ? { text: `${paragraph.text} ${line.trim()}`, line: paragraph.line } : { text: line.trim(), line: number };
  });
  return out;
}
