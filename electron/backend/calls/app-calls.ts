/** `app.*`: what the renderer learns about the app at start. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import type { CallContext } from './call-context';

/** The `app.*` calls. */
export function createAppCalls(ctx: CallContext): AreaHandlers<'app'> {
  return {
    'app.info': async () => ctx.info,
  };
}
