/**
 * Main's events go through one bus; each transport subscribes and forwards them to its windows or clients.
 * Every payload is checked against the contract's event schema first: an invalid one is a bug in main, so it
 * is logged and never reaches a window.
 */
import { checkEvent, type Events } from '../../shared/contract/contract';
import type { EventMessage } from '../../shared/contract/transport';

/** Publish/subscribe for the contract's events. */
export interface EventBus {
  emit<K extends keyof Events>(name: K, payload: Events[K]): void;
  subscribe(listener: (message: EventMessage) => void): () => void;
}

/** Creates an in-process event bus. A listener that throws does not stop the others; `log` receives the bugs. */
export function createEventBus(log: (message: string, detail?: unknown) => void = (...parts) => console.error(...parts)): EventBus {
  const listeners = new Set<(message: EventMessage) => void>();
  return {
    emit(name, payload) {
      const checked = checkEvent(name, payload);
      if (!checked.ok) {
        log(`pressroom: event ${String(name)} not sent, its payload does not fit the contract: ${checked.problems.slice(0, 5).join('; ')}`);
        return;
      }
      for (const l of [...listeners]) {
        try {
          l({ name, payload: checked.value } as EventMessage);
        } catch (error) {
          log('pressroom: event listener failed', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
