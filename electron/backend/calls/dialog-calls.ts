/** `dialog.*`: the host's native dialogs, where there are any. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { AppFailure } from '../../../shared/contract/errors';
import type { CallContext } from './call-context';

/** The `dialog.*` calls. */
export function createDialogCalls(ctx: CallContext): AreaHandlers<'dialog'> {
  return {
    'dialog.pickFolder': async ({ purpose, defaultPath }) => {
      if (!ctx.pickFolder) throw new AppFailure('not-supported', 'There is no folder picker here; type the folder path instead.');
      return ctx.pickFolder(purpose, defaultPath ?? undefined);
    },
  };
}
