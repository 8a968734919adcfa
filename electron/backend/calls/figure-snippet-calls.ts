/** `figure.snippet`: the text a post gets for an image of the site, in the site's own figure style. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { figureSnippet } from '../../../shared/figures/figure-snippet';
import { loadFigureSettings } from '../../services/figures';
import { normalizeRel, resolveInside } from '../../services/paths';
import type { CallContext } from './call-context';

/** The `figure.snippet` call: the image must be a file inside the site (by its real path); 'outside-site' otherwise. */
export function createFigureSnippetCalls({ sites }: CallContext): Pick<AreaHandlers<'figure'>, 'figure.snippet'> {
  return {
    'figure.snippet': async ({ site, path, alt, caption, credit }) => {
      const { root } = sites.require(site);
      const rel = normalizeRel(path);
      await resolveInside(root, rel);
      const settings = await loadFigureSettings(root);
      return { text: figureSnippet(settings, { reference: settings.referenceOf(rel), alt, caption, credit }) };
    },
  };
}
