/**
 * Counts the words a reader reads in a post: the body only, without front matter, Markdown markup, HTML tags,
 * Liquid tags, code blocks and URLs, so the number matches what the published page says.
 */
import { bodyOf } from './front-matter';

/** Words a person reads per minute, the usual figure for reading-time estimates. */
export const WORDS_PER_MINUTE = 200;

/** The counted words of a post and how long it takes to read. */
export interface WordCount {
  words: number;
  /** Whole minutes, rounded up; 0 only for an empty body. */
  minutes: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Drops fenced code blocks (their lines are not prose); an unclosed fence runs to the end, as Markdown reads it. */
function withoutCodeFences(body: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of body.split(/\r?\n|\r/)) {
    const m = FENCE.exec(line);
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
      continue;
    }
    if (m) {
      fence = m[1];
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Removes everything that is markup rather than words; order matters (links before tags, tags before URLs). */
function proseOf(body: string): string {
  return (
    withoutCodeFences(body)
      // Liquid: comments with their content, then tags and output.
      .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, ' ')
      .replace(/\{%[\s\S]*?%\}/g, ' ')
      .replace(/\{\{[\s\S]*?\}\}/g, ' ')
      // HTML comments and tags.
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
      // Autolinks: <https://…> (no letter after '<' at the start for mailto etc. is handled by the URL rule below).
      .replace(/<[a-z][a-z0-9+.-]*:[^\s<>]*>/gi, ' ')
      // kramdown attribute lists and extensions: {: .class}, {::options … /}.
      .replace(/\{:[^}\n]*\}/g, ' ')
      // Reference definitions: [id]: url "title" (footnote definitions keep their text).
      .replace(/^ {0,3}\[(?!\^)[^\]\n]+\]:[^\n]*$/gm, ' ')
      .replace(/^ {0,3}\[\^[^\]\n]+\]:/gm, ' ')
      // Images vanish (their alt text is not read), links keep their text.
      .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, ' ')
      .replace(/!\[[^\]\n]*\]\[[^\]\n]*\]/g, ' ')
      .replace(/\[\^[^\]\n]+\]/g, ' ')
      .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, ' $1 ')
      .replace(/\[([^\]\n]*)\]\[[^\]\n]*\]/g, ' $1 ')
      // Bare URLs and e-mail-like link targets.
      .replace(/\b(?:https?|ftp|mailto):[^\s<>)\]]*/gi, ' ')
      .replace(/\bwww\.[^\s<>)\]]+/gi, ' ')
      // Character references.
      .replace(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, ' ')
      // Ordered-list numbers are markup, not words.
      .replace(/^[ \t>]*\d{1,9}[.)](?=[ \t]|$)/gm, ' ')
      // Table pipes separate cells even without spaces.
      .replace(/\|/g, ' ')
  );
}

/** Counts words: runs of non-space characters that contain a letter or a digit, so "Cloud-Plattform" is one word. */
export function countWords(text: string): WordCount {
  const prose = proseOf(bodyOf(text).body);
  let words = 0;
  for (const token of prose.split(/[\s\u2013\u2014]+/)) {
    if (/[\p{L}\p{N}]/u.test(token)) words++;
  }
  return { words, minutes: Math.ceil(words / WORDS_PER_MINUTE) };
}
