/** `sample.*`: a copy of the bundled sample site to try Pressroom on. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { createSampleSite } from '../../services/sample';
import { type CallContext, expandHome } from './call-context';

/** The `sample.*` calls. */
export function createSampleCalls(ctx: CallContext): AreaHandlers<'sample'> {
  return {
    'sample.create': async ({ destination }) => {
      let parent = destination;
      if (!parent) parent = (await ctx.appState.getSettings()).sampleDestination || ctx.info.documentsDir;
      return { path: await createSampleSite(ctx.sampleDir, expandHome(parent, ctx.info.homeDir)) };
    },
  };
}
