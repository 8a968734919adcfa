/**
 * The session's watches, one per open site: opening a site again does not watch it twice, the least recently
 * opened site stops being watched once more than `MAX_WATCHED_SITES` are open (the session has no "close site"
 * call, so this bounds the watches a long session holds), and `closeAll` ends them when the host shuts down.
 */
import type { FileChange } from './coalesce';
import { type SiteWatch, type SiteWatchOptions, watchSite } from './site-watcher';

/** More open sites than this: the least recently opened one is no longer watched. */
export const MAX_WATCHED_SITES = 4;

/** The session's site watches. */
export interface SiteWatches {
  /** Starts watching `root` unless it is already watched (then it becomes the most recently used); resolves once ready. */
  watch(root: string): Promise<void>;
  /** Stops watching `root`, if it is watched. */
  unwatch(root: string): Promise<void>;
  /** The roots watched now, least recently opened first. */
  roots(): string[];
  /** Stops every watch. */
  closeAll(): Promise<void>;
}

/** Creates the session's watches; each batch of changes of a site goes to `onChanges` with the site's root. */
export function createSiteWatches(onChanges: (root: string, changes: FileChange[]) => void, opts: SiteWatchOptions & { max?: number } = {}): SiteWatches {
  const watches = new Map<string, SiteWatch>();
  const max = opts.max ?? MAX_WATCHED_SITES;
  const unwatch = async (root: string) => {
    const w = watches.get(root);
    watches.delete(root);
    await w?.close();
  };
  return {
    async watch(root) {
      const existing = watches.get(root);
      if (existing) {
        watches.delete(root);
        watches.set(root, existing);
        return existing.ready;
      }
      const w = watchSite(root, (changes) => onChanges(root, changes), opts);
      watches.set(root, w);
      while (watches.size > max) await unwatch(watches.keys().next().value as string);
      return w.ready;
    },
    unwatch,
    roots: () => [...watches.keys()],
    async closeAll() {
      await Promise.all([...watches.keys()].map(unwatch));
    },
  };
}
