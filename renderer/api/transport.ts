/** What the renderer needs from a transport: the same two doors as the preload bridge, so both carry the app unchanged. */
import type { CallName, Events } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/errors';

/** Subscribes to one of main's events; returns the function that unsubscribes. */
export type Subscribe = <K extends keyof Events>(event: K, listener: (payload: Events[K]) => void) => () => void;

/** A way to reach main: calls answer with a Result (never throw), events arrive through `on`. */
export interface Transport {
  invoke(name: CallName, args: unknown): Promise<Result<unknown>>;
  on: Subscribe;
}
