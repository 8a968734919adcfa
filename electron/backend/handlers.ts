/**
 * Implements every call of the contract by composing one file per area (`calls/<area>-calls.ts`). Each area
 * file implements exactly its own `area.*` calls (its type says so), and the result must be `Handlers`, so
 * the compiler refuses a call that is missing or implemented twice. A new area adds a file and one line here.
 */
import path from 'node:path';
import type { Handlers } from '../../shared/contract/contract';
import { createRecoveryStore } from '../services/recovery';
import { createAppCalls } from './calls/app-calls';
import { createAssetCalls } from './calls/asset-calls';
import type { CallContext, HandlerDeps } from './calls/call-context';
import { createDialogCalls } from './calls/dialog-calls';
import { createDocumentCalls } from './calls/document-calls';
import { createExportCalls } from './calls/export-calls';
import { createFigureCalls } from './calls/figure-calls';
import { createFsCalls } from './calls/fs-calls';
import { createGitCalls } from './calls/git-calls';
import { createOpenSites } from './calls/open-sites';
import { createPostCalls } from './calls/post-calls';
import { createRecentCalls } from './calls/recent-calls';
import { createRecoveryCalls } from './calls/recovery-calls';
import { createSessionCalls } from './calls/session-calls';
import { createSampleCalls } from './calls/sample-calls';
import { createSettingsCalls } from './calls/settings-calls';
import { createShellCalls } from './calls/shell-calls';
import { createSiteCalls } from './calls/site-calls';

export type { HandlerDeps } from './calls/call-context';
export { PROGRESS_INTERVAL_MS, SCANNING_LABEL } from './calls/open-sites';

/** Creates the handlers; the set of sites opened through them lives as long as they do. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const ctx: CallContext = { ...deps, sites: createOpenSites(deps.bus), recovery: createRecoveryStore(path.join(deps.appState.dir, 'recovery')) };
  return {
    ...createAppCalls(ctx),
    ...createSettingsCalls(ctx),
    ...createRecentCalls(ctx),
    ...createDialogCalls(ctx),
    ...createFsCalls(ctx),
    ...createSiteCalls(ctx),
    ...createSampleCalls(ctx),
    ...createDocumentCalls(ctx),
    ...createShellCalls(ctx),
    ...createPostCalls(ctx),
    ...createAssetCalls(ctx),
    ...createRecoveryCalls(ctx),
    ...createSessionCalls(ctx),
    ...createFigureCalls(ctx),
    ...createGitCalls(ctx),
    ...createExportCalls(ctx),
  };
}
