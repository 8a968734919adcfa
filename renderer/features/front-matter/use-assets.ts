/**
 * The site's images for the picker and the thumbnails, from the site-data cache: the listing through
 * `asset.list`, each picture through `asset.read` (main checks every path) as a blob: URL that is held while a
 * thumbnail shows it and revoked once none does.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { AssetListing } from '../../../shared/contract/models';
import { ImageChoice } from '../../common/site-data/image-choice';
import { assetListingResource } from '../../common/site-data/site-resources';
import { useSiteData, useSiteResource } from '../../common/site-data/use-site-resource';

/** The images of the site's asset folders (asked again when `fresh`, e.g. each time the picker opens, showing the last listing meanwhile). */
export function useAssetListing(site: string, fresh = false): { listing: AssetListing | null; error: AppError | null; loading: boolean } {
  const state = useSiteResource(assetListingResource, site, undefined, { refresh: fresh });
  if (state.status === 'ready') return { listing: state.value, error: null, loading: false };
  if (state.status === 'failed') return { listing: null, error: state.error, loading: false };
  return { listing: null, error: null, loading: true };
}

/** The blob: URL of the first of `candidates` (site paths) that is an image of the site; null when none is (yet). Held while mounted. */
export function useThumbnail(site: string, candidates: readonly string[]): { url: string | null; done: boolean } {
  const data = useSiteData();
  const key = candidates.join('\u0000');
  const [state, setState] = useState<{ key: string; url: string | null; done: boolean }>({ key: '', url: null, done: false });
  useEffect(() => {
    const tell = (c: ImageChoice) => setState({ key, url: c.url, done: c.done });
    const choice = new ImageChoice(data, site, key ? key.split('\u0000') : [], tell);
    tell(choice);
    return () => choice.release();
  }, [data, site, key]);
  return state.key === key ? { url: state.url, done: state.done } : { url: null, done: false };
}
