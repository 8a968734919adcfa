/**
 * Decides how a post can be edited safely before an editor is made for it: lines too long to lay out open
 * read-only without highlighting, mixed line endings open read-only (a save would change lines the user
 * never touched), and everything else opens for editing.
 */
import type { DocumentSnapshot } from '../../../../shared/contract/models';
import type { EditorMode } from './editor-setup';

/** Lines longer than this would freeze the layout; such files open read-only and plain. */
export const MAX_EDITABLE_LINE = 100_000;

/** Why a post opened read-only, for the message shown above it. */
export type ReadOnlyReason = 'long-line' | 'mixed-eol' | null;

/** The longest line of a text, counting any of \r\n, \n, \r as a break; stops early once past `limit`. */
export function longestLine(text: string, limit = Infinity): number {
  let longest = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 10 : text.charCodeAt(i);
    if (c === 10 || c === 13) {
      longest = Math.max(longest, i - start);
      if (longest > limit) return longest;
      start = i + 1;
    }
  }
  return longest;
}

/** The editor mode and the reason for a read-only one. */
export function modeFor(doc: Pick<DocumentSnapshot, 'text' | 'eol'>): { mode: EditorMode; reason: ReadOnlyReason } {
  if (longestLine(doc.text, MAX_EDITABLE_LINE) > MAX_EDITABLE_LINE) return { mode: 'plain', reason: 'long-line' };
  if (doc.eol === 'mixed') return { mode: 'read-only', reason: 'mixed-eol' };
  return { mode: 'edit', reason: null };
}
