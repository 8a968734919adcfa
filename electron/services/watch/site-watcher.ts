/**
 * Watches one open site's folder and reports what changed on disk, in coalesced batches, within a second.
 *
 * Why chokidar (4, pure JavaScript) and not @parcel/watcher: @parcel/watcher is a native module, shipped as one
 * prebuilt binary per platform (optional dependencies) with an install script that compiles it from source when
 * none fits; the packaged app would carry, sign and load a native addon per platform. chokidar needs no binary
 * and no install step. (This checkout's npm does not set `ignore-scripts`; the choice rests on the native
 * addon, not on a blocked script.) Its cost: on Linux one inotify watch per file and folder, so the generated
 * folders are ignored (never descended into), not merely filtered.
 *
 * - Latency: chokidar reports a change a few milliseconds after it happens; batches go out `windowMs` (100 ms)
 *   later. `awaitWriteFinish` is off: it polls sizes for its threshold (2 s by default) before reporting, too slow,
 *   and a document is read whole and version-checked anyway. `atomic` (chokidar's default) makes a
 *   delete-then-recreate within 100 ms one change, as editors and our own atomic save do it.
 * - A branch switch: `.git/HEAD` changing sends one site-wide change (path ''), as does a burst once more than
 *   the cap of paths went out within a second; the post list and caches reload everything once, not per file.
 * - Symlinked posts (a German post linking to the English file): chokidar follows links and watches the target
 *   through the link path, so a change of the target is reported for both the target and the link. Links to
 *   folders and links out of the site are never followed (a link to `..` loops, a link to `/` watches the disk).
 * - Our own saves are seen too (the rename of the temporary file over the document is a change): the renderer
 *   compares the file's version with the one it saved and ignores its own writes.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { type ChangeKind, createCoalescer, type FileChange } from './coalesce';
import { GIT_HEAD, isIgnoredPath } from './ignore';
import { isInside } from '../paths';

/** How a site watcher batches (defaults: 100 ms, 100 paths a second). */
export interface SiteWatchOptions {
  windowMs?: number;
  maxPaths?: number;
  /** Receives watcher errors (a folder that vanished, too many watches); the watch goes on where it can. */
  log?: (message: string, detail?: unknown) => void;
}

/** A running watch of one site. */
export interface SiteWatch {
  /** Resolves once the initial walk is done; changes before it may go unreported. */
  ready: Promise<void>;
  /** Stops watching and drops pending changes; safe to call twice. */
  close(): Promise<void>;
}

/** The default coalescing window: well inside the one second the user may wait. */
export const WATCH_WINDOW_MS = 100;
/** The default cap of paths reported within a second before the rest of a burst becomes one site-wide change. */
export const WATCH_MAX_PATHS = 100;

// A removed folder is reported itself (chokidar does not list its files), so a list showing files below it reloads.
const KIND_OF: Record<string, ChangeKind | undefined> = { add: 'added', change: 'changed', unlink: 'removed', unlinkDir: 'removed' };

/** The site path (`/` separators) of an absolute path under `root`; null outside it. */
function relativeTo(root: string, abs: string): string | null {
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/**
 * True when `abs` is a symlink the watcher must not follow: one whose real target lies outside the real site folder
 * `root` (a link to `/` would watch the whole disk), one to a folder (a link to `..` loops; the post scan does not
 * follow folder links either), or one that cannot be resolved. Links to files inside the site (translations) are kept.
 */
function unfollowedLink(root: string, abs: string): boolean {
  try {
    if (!lstatSync(abs).isSymbolicLink()) return false;
    return !isInside(root, realpathSync(abs)) || statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/** Starts watching `root` (an absolute, real folder path); `onChanges` receives each coalesced batch. */
export function watchSite(root: string, onChanges: (changes: FileChange[]) => void, opts: SiteWatchOptions = {}): SiteWatch {
  const log = opts.log ?? ((...parts: unknown[]) => console.error(...parts));
  const coalescer = createCoalescer(onChanges, { windowMs: opts.windowMs ?? WATCH_WINDOW_MS, maxPaths: opts.maxPaths ?? WATCH_MAX_PATHS });
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    awaitWriteFinish: false,
    ignored: (abs: string) => {
      const rel = relativeTo(root, abs);
      return rel === null ? false : isIgnoredPath(rel) || unfollowedLink(root, abs);
    },
  });
  let closed = false;
  watcher.on('all', (event, abs) => {
    const kind = KIND_OF[event];
    const rel = relativeTo(root, abs);
    if (closed || !kind || rel === null || isIgnoredPath(rel)) return;
    coalescer.push(rel === GIT_HEAD ? '' : rel, kind);
  });
  watcher.on('error', (error) => log('pressroom: watching the site failed in part', error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (closed) return;
      closed = true;
      coalescer.cancel();
      await watcher.close();
    },
  };
}
