/**
 * What a document call refuses before it touches a file: anything in a `.git` folder (its config names
 * programs git runs), and, for a save, a file that is read-only or hard-linked.
 */
import type { Stats } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';

/**
 * True for a path segment that names git's folder on some file system: `.git` in any case (macOS and Windows
 * fold case), with Windows' ignored trailing dots and spaces (`.git.`), or its 8.3 short name (`GIT~1`).
 */
function isGitSegment(segment: string): boolean {
  const folded = segment.toLowerCase().replace(/[. ]+$/, '');
  return folded === '.git' || /^git~\d+$/.test(folded);
}

/** True when a site-relative path (either slash) passes through a `.git` folder at any depth. */
export function isInGitFolder(rel: string): boolean {
  return rel.split(/[/\\]/).some(isGitSegment);
}

/**
 * Refuses a document call on anything inside `.git/`, by the path as named and by the real path it
 * resolves to (a symlink whose target lies in `.git` is refused as well). Without `real`, checks the name only.
 */
export function refuseGitPath(rel: string, realRoot: string, real: string = realRoot): void {
  const inside = path.relative(realRoot, real);
  if (!isInGitFolder(rel) && !isInGitFolder(inside)) return;
  throw new AppFailure('refused', `${rel} is inside the site's .git folder, which Pressroom never reads or changes: git keeps its own data there.`, {
    path: rel,
    retryable: false,
  });
}

/**
 * Refuses to save over a file that is read-only (replacing it would quietly drop the protection) or
 * hard-linked. A hard link is refused rather than written in place: an in-place write is not atomic (a crash
 * could leave half a post in both names), and whether the other name should change too is the user's
 * decision, not a guess. Git never checks out hard links, so in a site they come from a person or a
 * deduplicating tool; the message says how to go on.
 */
export function refuseUnsafeTarget(rel: string, stat: Stats): void {
  if ((stat.mode & 0o222) === 0) {
    throw new AppFailure('not-writable', `${rel} is read-only, so Pressroom did not change it. Make it writable (or save under another name) and save again.`, {
      path: rel,
      retryable: false,
    });
  }
  if (stat.nlink > 1) {
    throw new AppFailure(
      'refused',
      `${rel} is hard-linked to ${stat.nlink - 1} other name(s); saving here would either change them too or split them apart, so nothing was saved. Make it a separate copy (or a symbolic link) and save again.`,
      { path: rel, retryable: false },
    );
  }
}
