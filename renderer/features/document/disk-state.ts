/**
 * What happens to an open document when its file changes on disk, as pure decisions the tab store follows:
 * a clean document takes the new text, a document with unsaved changes keeps them and asks, a file that is
 * gone keeps its text; the app's own saves (same version as the document's) change nothing.
 */
import { type ChangeSpec, Text } from '@codemirror/state';
import type { Result } from '../../../shared/contract/errors';
import type { DocumentSnapshot } from '../../../shared/contract/models';

/** How the file on disk differs from the version a document was read or saved at (null on a tab: it does not). */
export type DiskConflict =
  /** Another version is on disk: its text and version, so "Keep mine" saves over exactly what was shown. */
  | { kind: 'changed'; text: string; version: string }
  /** The file was deleted or renamed away. */
  | { kind: 'removed' };

/** What the store does after reading the file again. */
export type DiskAction =
  | { kind: 'ignore' }
  /** The disk has the document's version again (a file restored as it was, or saved over from elsewhere to match). */
  | { kind: 'in-sync'; text: string }
  /** A clean document: show the disk's text, keeping cursor and scroll. */
  | { kind: 'reload'; text: string; version: string }
  /** Unsaved changes meet another version on disk, or the file is gone: keep the text, tell the user. */
  | { kind: 'conflict'; conflict: DiskConflict };

/** What the store knows of a document when its file changes on disk. */
export interface LocalDocument {
  dirty: boolean;
  /** The version it was read or last saved at. */
  version: string;
  /** A disk conflict already shown, if any. */
  conflict: DiskConflict | null;
}

/** Decides what a fresh `document.read` of a changed file means for an open document. */
export function diskAction(local: LocalDocument, read: Result<DocumentSnapshot>): DiskAction {
  if (!read.ok) {
    // Gone (deleted, renamed away, its folder too): the text stays and the user is told.
    if (read.error.code === 'not-found') return { kind: 'conflict', conflict: { kind: 'removed' } };
    // Unreadable for now (binary, too large, locked): keep everything; a save still checks the version.
    return { kind: 'ignore' };
  }
  const { version } = read.value;
  const text = editorText(read.value.text);
  if (version === local.version) return local.conflict ? { kind: 'in-sync', text } : { kind: 'ignore' };
  if (!local.dirty && local.conflict?.kind !== 'removed') return { kind: 'reload', text, version };
  if (local.conflict?.kind === 'changed' && local.conflict.version === version) return { kind: 'ignore' };
  return { kind: 'conflict', conflict: { kind: 'changed', text, version } };
}

/** A file's text with "\n" line breaks, as the editor holds it (a save writes the file's own line endings back). */
export function editorText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The editor document for a file's text. */
export function docOf(text: string): Text {
  return Text.of(editorText(text).split('\n'));
}

/**
 * The smallest single replacement that turns `from` into `to` (common start and end kept), so a cursor or
 * selection outside the changed stretch stays where it was and the view does not jump.
 */
export function minimalChange(from: Text | string, to: string): ChangeSpec | null {
  const old = typeof from === 'string' ? from : from.toString();
  if (old === to) return null;
  const max = Math.min(old.length, to.length);
  let start = 0;
  while (start < max && old.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  return { from: start, to: old.length - end, insert: to.slice(start, to.length - end) };
}

/** A site-relative path a user typed for "Save as…", tidied (slashes, no leading "./" or "/"), or null when it cannot name a file. */
export function saveAsPath(input: string): string | null {
  const path = input.trim().replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '').replace(/\/{2,}/g, '/');
  if (!path || path.endsWith('/')) return null;
  if (path.split('/').some((part) => part === '..' || part === '.')) return null;
  return path;
}
