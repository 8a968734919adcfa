/** The user's settings for every component, and one way to change them: saved through `settings.set` at once. */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../shared/contract/errors';
import type { Settings } from '../../shared/contract/models';
import { useApi } from '../api/api-context';

/** The settings and how to change them; `update` applies the change at once and resolves to an error or null. */
export interface SettingsValue {
  settings: Settings;
  update(patch: Partial<Settings>): Promise<AppError | null>;
}

const SettingsContext = createContext<SettingsValue | null>(null);

/** Holds the settings read at start; a change shows immediately and is replaced by what main stored. */
export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const api = useApi();
  const [settings, setSettings] = useState(initial);
  const serial = useRef(0);
  const update = useCallback(
    async (patch: Partial<Settings>) => {
      const mine = ++serial.current;
      setSettings((s) => ({ ...s, ...patch }));
      const r = await api['settings.set']({ patch });
      if (!r.ok) return r.error;
      // Only the latest answer wins, so fast typing is not undone by an older reply.
      if (mine === serial.current) setSettings(r.value);
      return null;
    },
    [api],
  );
  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

/** The current settings and `update`. */
export function useSettings(): SettingsValue {
  const v = useContext(SettingsContext);
  if (!v) throw new Error('useSettings needs a SettingsProvider above it');
  return v;
}
