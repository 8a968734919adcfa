/**
 * The asset browser's data from the site-data cache: the site's images with the posts that use them
 * (`figure.browse`, asked again each time the browser opens), each thumbnail (`figure.thumbnail`, main checks the
 * path and caches the preview in app data) as a blob: URL held while a tile shows it, and the posts' titles.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { FigureBrowse } from '../../../shared/contract/figure-models';
import { useApi } from '../../api/api-context';
import { toBlobUrl } from '../../common/site-data/blob-url';
import { createSiteResource, type SiteSignal } from '../../common/site-data/site-data';
import { useSiteResource } from '../../common/site-data/use-site-resource';

const IMAGE = /\.(png|jpe?g|gif|webp|avif|bmp|ico|svg)$/i;
const TEXT = /\.(md|markdown|html?)$/i;

function changedPath(signal: SiteSignal): string | null {
  return signal.type === 'file.changed' ? signal.path : null;
}

/** The site's images for the browser; stale when an image or a post changes (its uses may have). */
export const figureBrowseResource = createSiteResource<void, FigureBrowse>({
  name: 'figure browse',
  load: (api, site) => api['figure.browse']({ site }),
  invalidatedBy: (signal) => {
    if (signal.type === 'post.created') return true;
    const path = changedPath(signal);
    return path !== null && (IMAGE.test(path) || TEXT.test(path));
  },
});

/** One image's thumbnail as a blob: URL, revoked once no tile shows it; stale when that file changes. */
export const figureThumbnailResource = createSiteResource<string, string>({
  name: 'figure thumbnail',
  load: async (api, site, path) => {
    const r = await api['figure.thumbnail']({ site, path });
    return r.ok ? { ok: true, value: toBlobUrl(r.value.base64, r.value.mime) } : r;
  },
  invalidatedBy: (signal, path) => changedPath(signal) === path,
  dispose: (url) => URL.revokeObjectURL(url),
});

/** What the browser shows while it is open: the images (asked again on open), or why they could not be read. */
export function useFigureBrowse(site: string): { browse: FigureBrowse | null; error: AppError | null; loading: boolean } {
  const state = useSiteResource(figureBrowseResource, site, undefined, { refresh: true });
  if (state.status === 'ready') return { browse: state.value, error: null, loading: false };
  if (state.status === 'failed') return { browse: null, error: state.error, loading: false };
  return { browse: null, error: null, loading: true };
}

/** The site's post titles by path (main's current list, not rescanned), for "used in" lists; empty until known. */
export function usePostTitles(site: string): ReadonlyMap<string, string> {
  const api = useApi();
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void api['site.posts']({ site }).then((r) => {
      if (live && r.ok) setTitles(new Map(r.value.map((p) => [p.path, p.title])));
    });
    return () => {
      live = false;
    };
  }, [api, site]);
  return titles;
}
