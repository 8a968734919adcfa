/** The watch area's public face: noticing files of an open site that change on disk. */
export { type ChangeKind, type FileChange } from './coalesce';
export { type SiteWatch, type SiteWatchOptions, WATCH_MAX_PATHS, WATCH_WINDOW_MS, watchSite } from './site-watcher';
export { createSiteWatches, MAX_WATCHED_SITES, type SiteWatches } from './site-watches';
