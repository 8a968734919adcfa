/**
 * Splits a post into YAML front matter and body for rendering, through the shared front-matter reader, so the
 * preview and the CLI agree with the form and the post list on where the block ends and what it holds. Plain
 * timestamps become Dates here, as Liquid sees `page.date` in Jekyll.
 */
import type { ProblemWords } from '../front-matter/problem-words';
import { readFrontMatterBlock } from '../front-matter/read-block';

/** The result of splitting: `bodyLine` is the one-based file line the body starts on, for problem lines. */
export interface SplitPost {
  frontMatter: Record<string, unknown>;
  hasFrontMatter: boolean;
  body: string;
  bodyLine: number;
  /** Why the YAML could not be read; the body is still returned. */
  error: { message: string; words: ProblemWords; detail?: string; line?: number } | null;
}

/** Splits front matter from body; never throws (bad YAML becomes `error`). */
export function splitFrontMatter(source: string): SplitPost {
  const text = source.startsWith('\ufeff') ? source.slice(1) : source;
  const { split, problems, data } = readFrontMatterBlock(text, { dates: 'date' });
  const problem = problems[0];
  if (split.kind !== 'yaml') {
    // Like Jekyll, an unclosed or non-YAML block is no front matter; code is named, never run.
    const error = problem?.code === 'code-front-matter' ? errorOf(problem) : null;
    return { frontMatter: {}, hasFrontMatter: false, body: text, bodyLine: 1, error };
  }
  const error = problem ? errorOf(problem) : null;
  return { frontMatter: problem ? {} : data, hasFrontMatter: true, body: split.body, bodyLine: split.bodyLine, error };
}

function errorOf(problem: { message: string; words: ProblemWords; detail?: string; line: number }): NonNullable<SplitPost['error']> {
  return { message: problem.message, words: problem.words, ...(problem.detail ? { detail: problem.detail } : {}), line: problem.line };
}
