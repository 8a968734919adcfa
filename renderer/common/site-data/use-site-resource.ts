/**
 * The React side of the site-data cache: a component holds the values it shows (and lets go of them when it
 * unmounts or asks for another key), and the site screen feeds the cache main's file events and closes it.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useApi, useEvent } from '../../api/api-context';
import { type SiteData, siteDataFor, type SiteDataState, type SiteResource } from './site-data';

/** The cache of this app's connection, for code that signals or holds values outside a component's render. */
export function useSiteData(): SiteData {
  return siteDataFor(useApi());
}

/** The value of `resource` for `site` and `key` while this component is mounted; `refresh` asks main again on mount. */
export function useSiteResource<V>(resource: SiteResource<void, V>, site: string, key?: void, options?: { refresh?: boolean }): SiteDataState<V>;
/** The value of a keyed resource (e.g. one image) while this component is mounted. */
export function useSiteResource<K, V>(resource: SiteResource<K, V>, site: string, key: K, options?: { refresh?: boolean }): SiteDataState<V>;
export function useSiteResource<K, V>(resource: SiteResource<K, V>, site: string, key: K, options: { refresh?: boolean } = {}): SiteDataState<V> {
  const data = useSiteData();
  const id = resource.keyOf(key);
  const refresh = options.refresh ?? false;
  useEffect(() => {
    const lease = data.acquire(resource, site, key, { refresh });
    return () => lease.release();
    // `id` stands for `key`: a new key object naming the same value must not load it again.
  }, [data, resource, site, id, refresh]);
  const subscribe = useCallback(
    (listener: () => void) => data.watch(resource, site, key, listener),
    [data, resource, site, id],
  );
  return useSyncExternalStore(subscribe, () => data.peek(resource, site, key));
}

/** Mounted by the site screen: main's file events make cached data stale, and closing the screen lets go of it all. */
export function useSiteDataScope(site: string): void {
  const data = useSiteData();
  useEvent('file.changed', (event) => data.signal({ type: 'file.changed', site: event.site, path: event.path }));
  useEffect(() => () => data.closeSite(site), [data, site]);
}
