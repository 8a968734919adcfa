/** Runs autosave for one workspace from the live settings: every edit the editor reports restarts the idle wait. */
import { useEffect, useState } from 'react';
import type { EditorBridge } from '../../common/editor-bridge';
import { useSettings } from '../../common/settings-context';
import { Autosaver, type AutosaveTabs } from './autosave';

/** Saves unsaved tabs after `autosaveSeconds` without typing while the `autosave` setting is on. */
export function useAutosave(tabs: AutosaveTabs, bridge: EditorBridge): Autosaver {
  const { settings } = useSettings();
  const [saver] = useState(() => new Autosaver(tabs));
  useEffect(() => {
    saver.configure(settings.autosave ? settings.autosaveSeconds : null);
  }, [saver, settings.autosave, settings.autosaveSeconds]);
  // The bridge hears every change of the active editor (typing, the front-matter form, undo), synchronously
  // and cheaply: restarting a timer is all that happens on the keystroke path.
  useEffect(() => bridge.followText(() => saver.touched()), [saver, bridge]);
  useEffect(() => () => saver.cancel(), [saver]);
  return saver;
}
