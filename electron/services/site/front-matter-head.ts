/**
 * The Node part of reading a post's front matter for the list: reads only the first bytes of the file (a huge
 * body is never loaded), and hands the text to the shared reader, which decides what front matter is for every
 * part of the app. Reads on, up to the shared limit, only when the block does not end within the head.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readFrontMatterHead } from '../../../shared/front-matter/read-block';
import { FRONT_MATTER_WINDOW, needsMoreText, splitFrontMatter } from '../../../shared/front-matter/split';
import { textProblemOf } from '../documents';

/** Bytes read from the start of each post: front matter lives there, and a huge body is never loaded. */
export const HEAD_BYTES = 64 * 1024;
/** Bytes that always hold FRONT_MATTER_WINDOW characters of UTF-8 (a UTF-16 unit takes at most three bytes). */
const WINDOW_BYTES = 3 * FRONT_MATTER_WINDOW;
/** Opening with O_NONBLOCK returns at once for a FIFO (plain open would wait for a writer, stalling every call). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What the list learns from one post file: its size and its front matter, or why it could not be read. */
export interface PostFileHead {
  size: number;
  data: Record<string, unknown>;
  /** A sentence for the list, with the file line appended when known; null when all is well. */
  error: string | null;
}

/** The list marks what the editor would refuse to open: binary files and text that is not UTF-8. */
function textProblem(bytes: Uint8Array, truncated: boolean): string | null {
  const problem = textProblemOf(bytes, truncated);
  if (problem === 'binary') return 'This file is not text (it looks binary).';
  if (problem === 'not-utf8') return 'This file is not UTF-8 text; save it as UTF-8 to edit it in Pressroom.';
  return null;
}

/**
 * Reads the front matter of the post at `abs` into what the list shows, using `buffer` (HEAD_BYTES long) for
 * the head. Synchronous on purpose: four thread-pool round trips per file cost several times more than the
 * reads themselves, and the scan yields to the event loop between short slices. Never throws.
 */
export function readPostFileHead(abs: string, buffer: Buffer): PostFileHead {
  let fd: number | undefined;
  let size = 0;
  let text: string;
  try {
    fd = openSync(abs, OPEN_FLAGS);
    const stat = fstatSync(fd);
    size = stat.size;
    if (!stat.isFile()) return { size, data: {}, error: 'This is not a regular file.' };
    let bytes: Uint8Array = buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
    text = buffer.toString('utf8', 0, bytes.length);
    // Rare: the block does not end within the head. Read on, so the list and the form agree on the verdict.
    if (bytes.length < size && needsMoreText(splitFrontMatter(text), text)) {
      const more = Buffer.allocUnsafe(Math.min(size, WINDOW_BYTES));
      bytes = more.subarray(0, readSync(fd, more, 0, more.length, 0));
      text = more.toString('utf8', 0, bytes.length);
    }
    const notText = textProblem(bytes, bytes.length < size);
    if (notText) return { size, data: {}, error: notText };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { size, data: {}, error: `The file could not be read (${code}).` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const head = readFrontMatterHead(text);
  const error = head.error !== null && head.line !== undefined ? `${head.error} (line ${head.line})` : head.error;
  return { size, data: head.data, error };
}
