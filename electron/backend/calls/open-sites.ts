/**
 * The sites opened in this session, shared by the areas' calls. Only a site opened here can be named by a
 * document, asset or post call, so no call can reach a folder the user did not open.
 */
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import type { PostEntry, SiteSummary } from '../../../shared/contract/models';
import { openSite } from '../../services/site';
import { createSiteWatches, type SiteWatches, type SiteWatchOptions } from '../../services/watch';
import type { EventBus } from '../event-bus';
import { progressOf } from './progress';

export { PROGRESS_INTERVAL_MS } from './progress';

/** The label of the scan's progress events (a key of the renderer's message catalogue). */
export const SCANNING_LABEL = 'progress.scanning';

/** A site as this session knows it: its summary and the posts its last scan found. */
export interface OpenSite {
  summary: SiteSummary;
  posts: PostEntry[];
}

/** The session's open sites: scanning, remembering and the check every site-bound call goes through. */
export interface OpenSites {
  /** Scans a site, reporting progress (throttled) and always a final event, also when the scan fails. */
  scan(sitePath: string): Promise<OpenSite>;
  /** Remembers a scanned site under a root path. */
  set(root: string, site: OpenSite): void;
  /** The root and state of a site opened in this session; anything else is refused with `not-found`, whatever the path. */
  require(site: string): { root: string; opened: OpenSite };
}

const watchesByBus = new WeakMap<EventBus, SiteWatches>();

/**
 * Makes every site opened through handlers on `bus` watched, its changes on disk sent there as `file.changed`
 * (both transports forward the bus). The host calls this once and closes the result when it shuts down;
 * handlers on a bus nobody called it for (most tests) watch nothing.
 */
export function watchOpenedSites(bus: EventBus, opts?: SiteWatchOptions & { max?: number }): SiteWatches {
  const watches = createSiteWatches((site, changes) => {
    for (const { path: rel, kind } of changes) bus.emit('file.changed', { site, path: rel, kind });
  }, opts);
  watchesByBus.set(bus, watches);
  return watches;
}

/** Creates the session's (empty) set of open sites; progress (and, see `watchOpenedSites`, file changes) go out on `bus`. */
export function createOpenSites(bus: EventBus): OpenSites {
  const sites = new Map<string, OpenSite>();
  return {
    async scan(sitePath) {
      const progress = progressOf(bus, SCANNING_LABEL, 'scan');
      let lastDone = 0;
      const onProgress = (done: number, total: number | null) => {
        lastDone = done;
        progress.report(done, total);
      };
      try {
        const result = await openSite(sitePath, onProgress);
        lastDone = result.posts.length;
        return result;
      } finally {
        progress.finish(lastDone);
      }
    },
    set(root, site) {
      sites.set(root, site);
      // Not awaited: opening a big site must not wait for the watcher's first walk (tens of milliseconds for a small one).
      watchesByBus.get(bus)?.watch(root).catch((error: unknown) => console.error('pressroom: could not watch the site', error));
    },
    require(site) {
      for (const root of [site, path.resolve(site)]) {
        const opened = sites.get(root);
        if (opened) return { root, opened };
      }
      throw new AppFailure('not-found', 'This site is not open.', { path: site });
    },
  };
}
