/** `fs.*`: help with typing folder paths (browser mode has no folder picker). */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { completePath } from '../../services/fs-complete';
import type { CallContext } from './call-context';

/** The `fs.*` calls. */
export function createFsCalls(ctx: CallContext): AreaHandlers<'fs'> {
  return {
    'fs.completePath': ({ partial }) => completePath(partial, ctx.info.homeDir),
  };
}
