/** The `export.*` calls: the post as standalone HTML (for printing) and written as HTML or PDF outside the site. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { AppFailure } from '../../../shared/contract/errors';
import type { CallContext } from './call-context';

/** Creates the export calls (placeholder until the engines land). */
export function createExportCalls(_ctx: CallContext): AreaHandlers<'export'> {
  const notYet = async (): Promise<never> => {
    throw new AppFailure('not-supported', 'Export is not built yet.');
  };
  return { 'export.defaults': notYet, 'export.html': notYet, 'export.write': notYet };
}
