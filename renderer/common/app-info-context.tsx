/** Facts about the running app (name, capabilities, folders) for the screens that adapt to them. */
import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/contract/models';

/** Provided once the app has started; never null below the provider. */
export const AppInfoContext = createContext<AppInfo | null>(null);

/** The app's facts: e.g. whether a native folder picker exists. */
export function useAppInfo(): AppInfo {
  const info = useContext(AppInfoContext);
  if (!info) throw new Error('useAppInfo needs an AppInfoContext provider above it');
  return info;
}
