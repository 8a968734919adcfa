/** `shell.*`: handing checked web links to the operating system. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { AppFailure } from '../../../shared/contract/errors';
import { checkExternalUrl } from '../../../shared/security/external-url';
import type { CallContext } from './call-context';

/** The `shell.*` calls. */
export function createShellCalls(ctx: CallContext): AreaHandlers<'shell'> {
  return {
    'shell.openExternal': async ({ url }) => {
      const checked = checkExternalUrl(url);
      if (!checked.ok) throw new AppFailure('refused', checked.reason);
      return { opened: await ctx.openExternal(checked.url) };
    },
  };
}
