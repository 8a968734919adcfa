/**
 * The site's render context for the preview, asked for once per site and asked again when `_config.yml` or a
 * `_data/` file changes on disk, so Liquid in the preview sees what Jekyll would.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { SiteRenderContext } from '../../../shared/contract/models';
import { useApi, useEvent } from '../../api/api-context';
import { EMPTY_RENDER_CONTEXT } from './site-context';

const cache = new Map<string, Promise<{ context: SiteRenderContext; error: AppError | null }>>();

/** True for the files the render context is made of. */
export function affectsRenderContext(path: string): boolean {
  return /^_config\.ya?ml$/.test(path) || path.startsWith('_data/');
}

/** The render context of `site` (null until it arrives; empty when it could not be read, with the error). */
export function useRenderContext(site: string): { context: SiteRenderContext | null; error: AppError | null } {
  const api = useApi();
  const [generation, setGeneration] = useState(0);
  const [value, setValue] = useState<{ site: string; loaded: boolean; context: SiteRenderContext; error: AppError | null }>({
    site,
    loaded: false,
    context: EMPTY_RENDER_CONTEXT,
    error: null,
  });

  useEvent('file.changed', (event) => {
    if (event.site !== site || !affectsRenderContext(event.path)) return;
    cache.delete(site);
    setGeneration((g) => g + 1);
  });

  useEffect(() => {
    let live = true;
    let pending = cache.get(site);
    if (!pending) {
      pending = api['site.renderContext']({ site }).then((r) => (r.ok ? { context: r.value, error: null } : { context: EMPTY_RENDER_CONTEXT, error: r.error }));
      cache.set(site, pending);
    }
    void pending.then((got) => {
      if (!live) return;
      if (got.error) cache.delete(site);
      setValue({ site, loaded: true, ...got });
    });
    return () => {
      live = false;
    };
  }, [api, site, generation]);

  return value.site === site && value.loaded ? value : { context: null, error: null };
}
