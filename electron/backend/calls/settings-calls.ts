/** `settings.*`: the user's settings, kept by the app state. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import type { Settings } from '../../../shared/contract/models';
import type { CallContext } from './call-context';

/** The `settings.*` calls. */
export function createSettingsCalls(ctx: CallContext): AreaHandlers<'settings'> {
  return {
    'settings.get': () => ctx.appState.getSettings(),
    // The app state drops values it does not accept (null, wrong kinds), so the patch passes as it came.
    'settings.set': ({ patch }) => ctx.appState.updateSettings(patch as Partial<Settings>),
  };
}
