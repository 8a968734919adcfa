/** Hands the Api and the event subscription to every screen through React context, never through globals. */
import { createContext, type ReactNode, useContext, useEffect, useRef } from 'react';
import type { Api, Events } from '../../shared/contract/contract';
import type { Subscribe } from './transport';

interface Connection {
  api: Api;
  on: Subscribe;
}

const ApiContext = createContext<Connection | null>(null);

/** Provides the app's connection to main. */
export function ApiProvider({ api, on, children }: Connection & { children: ReactNode }) {
  return <ApiContext.Provider value={{ api, on }}>{children}</ApiContext.Provider>;
}

function useConnection(): Connection {
  const c = useContext(ApiContext);
  if (!c) throw new Error('useApi needs an ApiProvider above it');
  return c;
}

/** The typed calls to main. */
export function useApi(): Api {
  return useConnection().api;
}

/** Listens to one of main's events while the component is mounted; the latest listener is always used. */
export function useEvent<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): void {
  const { on } = useConnection();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => on(event, (payload) => latest.current(payload)), [on, event]);
}
