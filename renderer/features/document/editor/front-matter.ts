/**
 * The body of a post as Jekyll sees it, found with the shared front-matter splitter, so word count, outline,
 * the form and the preview agree on where the front matter ends.
 */
import { splitFrontMatter } from '../../../../shared/front-matter/split';

/** The body of a post: everything after a closed front matter block; the whole text otherwise. */
export function bodyOf(text: string): { body: string; offset: number; firstLine: number } {
  const split = splitFrontMatter(text);
  if (split.kind !== 'yaml') return { body: text, offset: 0, firstLine: 1 };
  return { body: split.body, offset: split.bodyStart, firstLine: split.bodyLine };
}
