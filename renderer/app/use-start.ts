/** Starting the app: what it needs before the first screen (facts about the app, the settings). */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../shared/contract/errors';
import type { AppInfo, Settings } from '../../shared/contract/models';
import { useApi } from '../api/api-context';

/** Loading, ready with what the screens need, or failed with the reason (e.g. a missing token in browser mode). */
export type StartState = { state: 'loading' } | { state: 'ready'; info: AppInfo; settings: Settings } | { state: 'failed'; error: AppError };

/** Reads `app.info` and `settings.get` together; `retry` tries again after a failure. */
export function useStart(): [StartState, () => void] {
  const api = useApi();
  const [start, setStart] = useState<StartState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void Promise.all([api['app.info']({}), api['settings.get']({})]).then(([info, settings]) => {
      if (!current) return;
      if (!info.ok) setStart({ state: 'failed', error: info.error });
      else if (!settings.ok) setStart({ state: 'failed', error: settings.error });
      else setStart({ state: 'ready', info: info.value, settings: settings.value });
    });
    return () => {
      current = false;
    };
  }, [api, attempt]);
  const retry = useCallback(() => {
    setStart({ state: 'loading' });
    setAttempt((a) => a + 1);
  }, []);
  return [start, retry];
}

/** The site named in the page address (`?site=<path>`, as `pressroom serve <site>` opens it), or null. */
export function siteFromAddress(search: string): string | null {
  const value = new URLSearchParams(search).get('site');
  return value && value.trim() ? value : null;
}
