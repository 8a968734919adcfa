/** `recent.*`: the sites the first screen offers again. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import type { CallContext } from './call-context';

/** The `recent.*` calls. */
export function createRecentCalls(ctx: CallContext): AreaHandlers<'recent'> {
  return {
    'recent.list': () => ctx.appState.listRecent(),
    'recent.remove': ({ path }) => ctx.appState.removeRecent(path),
  };
}
