/** What the renderer needs from a transport: the same two doors as the preload bridge, so both carry the app unchanged. */
import { type CallName, checkEvent, type Events } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/errors';

/** Subscribes to one of main's events; returns the function that unsubscribes. */
export type Subscribe = <K extends keyof Events>(event: K, listener: (payload: Events[K]) => void) => () => void;

/** A way to reach main: calls answer with a Result (never throw), events arrive through `on`. */
export interface Transport {
  invoke(name: CallName, args: unknown): Promise<Result<unknown>>;
  on: Subscribe;
}

/**
 * Hands an arriving event's payload to a listener only when it fits the contract's schema; anything else is
 * dropped with a console warning, so a screen never works on a payload of the wrong shape.
 */
export function relayChecked<K extends keyof Events>(name: K, payload: unknown, listener: (payload: Events[K]) => void): void {
  const checked = checkEvent(name, payload);
  if (!checked.ok) {
    console.warn(`pressroom: dropped a ${String(name)} event that does not fit the contract: ${checked.problems.slice(0, 5).join('; ')}`);
    return;
  }
  listener(checked.value);
}
