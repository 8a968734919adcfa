/**
 * Whether bytes are text Pressroom can edit: one rule for the post list's marks and for opening a post, so the
 * list never promises a post the editor then refuses.
 */

/** How much of a file's start is searched for NUL bytes, the mark of a binary file. */
export const BINARY_SNIFF_BYTES = 8 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True when the file's start holds a NUL byte: a binary file, whatever its name says. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/** Why the bytes are not editable text ('binary' or 'not-utf8'), or null when they are. `truncated`: a file's head. */
export function textProblemOf(bytes: Uint8Array, truncated = false): 'binary' | 'not-utf8' | null {
  if (looksBinary(bytes)) return 'binary';
  // A head cut off mid-character is not an error: drop the trailing bytes of an unfinished sequence.
  let end = bytes.length;
  if (truncated) {
    let back = 0;
    while (back < 3 && end - back > 0 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
    if (end - back > 0 && bytes[end - back - 1] >= 0xc0) end = end - back - 1;
  }
  try {
    strictUtf8.decode(bytes.subarray(0, end));
    return null;
  } catch {
    return 'not-utf8';
  }
}
