/**
 * The site's render context for the preview, from the site-data cache: asked for once per site and again when
 * `_config.yml` or a `_data/` file changes on disk (or a post is created), so Liquid in the preview sees what
 * Jekyll would.
 */
import type { AppError } from '../../../shared/contract/errors';
import type { SiteRenderContext } from '../../../shared/contract/models';
import { renderContextResource } from '../../common/site-data/site-resources';
import { useSiteResource } from '../../common/site-data/use-site-resource';
import { EMPTY_RENDER_CONTEXT } from '../../../shared/render/site-context';

/** The render context of `site` (null until it arrives; empty when it could not be read, with the error). */
export function useRenderContext(site: string): { context: SiteRenderContext | null; error: AppError | null } {
  const state = useSiteResource(renderContextResource, site);
  if (state.status === 'ready') return { context: state.value, error: null };
  if (state.status === 'failed') return { context: EMPTY_RENDER_CONTEXT, error: state.error };
  return { context: null, error: null };
}
