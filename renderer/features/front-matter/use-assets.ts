/**
 * The site's images for the picker and the thumbnails: the listing through `asset.list`, each picture through
 * `asset.read` (main checks every path) as a blob: URL, asked for once per site and kept while the site is open.
 */
import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/contract/contract';
import type { AppError } from '../../../shared/contract/errors';
import type { AssetListing } from '../../../shared/contract/models';
import { useApi } from '../../api/api-context';

const listings = new Map<string, Promise<{ listing: AssetListing | null; error: AppError | null }>>();
const thumbs = new Map<string, Promise<string | null>>();

function toBlobUrl(base64: string, mime: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

function listingOf(api: Api, site: string, fresh: boolean): Promise<{ listing: AssetListing | null; error: AppError | null }> {
  let p = listings.get(site);
  if (!p || fresh) {
    p = api['asset.list']({ site }).then((r) => (r.ok ? { listing: r.value, error: null } : { listing: null, error: r.error }));
    listings.set(site, p);
  }
  return p;
}

/** The images of the site's asset folders (listed again when `fresh`, e.g. each time the picker opens). */
export function useAssetListing(site: string, fresh = false): { listing: AssetListing | null; error: AppError | null; loading: boolean } {
  const api = useApi();
  const [state, setState] = useState<{ listing: AssetListing | null; error: AppError | null; loading: boolean }>({ listing: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    void listingOf(api, site, fresh).then((r) => {
      if (live) setState({ ...r, loading: false });
    });
    return () => {
      live = false;
    };
  }, [api, site, fresh]);
  return state;
}

function thumbOf(api: Api, site: string, path: string): Promise<string | null> {
  const key = `${site}\u0000${path}`;
  let p = thumbs.get(key);
  if (!p) {
    p = api['asset.read']({ site, path }).then((r) => (r.ok ? toBlobUrl(r.value.base64, r.value.mime) : null));
    thumbs.set(key, p);
  }
  return p;
}

/** The blob: URL of the first of `candidates` (site paths) that is an image of the site; null when none is (yet). */
export function useThumbnail(site: string, candidates: readonly string[]): { url: string | null; done: boolean } {
  const api = useApi();
  const key = candidates.join('\u0000');
  const [state, setState] = useState<{ key: string; url: string | null; done: boolean }>({ key: '', url: null, done: false });
  useEffect(() => {
    let live = true;
    void (async () => {
      for (const path of key ? key.split('\u0000') : []) {
        const url = await thumbOf(api, site, path);
        if (!live) return;
        if (url) {
          setState({ key, url, done: true });
          return;
        }
      }
      if (live) setState({ key, url: null, done: true });
    })();
    return () => {
      live = false;
    };
  }, [api, site, key]);
  return state.key === key ? { url: state.url, done: state.done } : { url: null, done: false };
}
