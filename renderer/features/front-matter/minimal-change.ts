/**
 * Turns "the whole new text" into the one small change CodeMirror should apply: the common start and end are
 * left alone, so the cursor, the selection and the undo history see only the field's lines change.
 */

/** One replacement: characters `from`..`to` of the old text become `insert`. */
export interface MinimalChange {
  from: number;
  to: number;
  insert: string;
}

/** The smallest single replacement that turns `before` into `after`; null when they are equal. */
export function minimalChange(before: string, after: string): MinimalChange | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair: step back to its first half.
  if (start > 0 && start < max && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { from: start, to: endBefore, insert: after.slice(start, endAfter) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
