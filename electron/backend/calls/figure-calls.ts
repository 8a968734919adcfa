/** `figure.*`: bringing images into a site and showing them; each group of calls lives in its own file. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import type { CallContext } from './call-context';
import { createFigureBrowseCalls } from './figure-browse-calls';
import { createFigureImportCalls } from './figure-import-calls';
import { createFigureSnippetCalls } from './figure-snippet-calls';

/** The `figure.*` calls. */
export function createFigureCalls(ctx: CallContext): AreaHandlers<'figure'> {
  return { ...createFigureImportCalls(ctx), ...createFigureSnippetCalls(ctx), ...createFigureBrowseCalls(ctx) };
}
