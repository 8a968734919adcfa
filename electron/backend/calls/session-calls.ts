/** `session.*`: which site and tabs were open, so the next start (after a crash or a reload too) reopens them. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import type { CallContext } from './call-context';

/** The `session.*` calls. */
export function createSessionCalls({ appState, sites }: CallContext): AreaHandlers<'session'> {
  return {
    'session.get': () => appState.getSession(),
    'session.put': async ({ site, tabs, active }) => {
      // Only a site opened in this session is recorded, under the root `site.open` gave it.
      await appState.putSession(site === null ? null : { site: sites.require(site).root, tabs, active });
      return null;
    },
  };
}
