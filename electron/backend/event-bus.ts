/** Main's events go through one bus; each transport subscribes and forwards them to its windows or clients. */
import type { Events } from '../../shared/contract/contract';
import type { EventMessage } from '../../shared/contract/transport';

/** Publish/subscribe for the contract's events. */
export interface EventBus {
  emit<K extends keyof Events>(name: K, payload: Events[K]): void;
  subscribe(listener: (message: EventMessage) => void): () => void;
}

/** Creates an in-process event bus. A listener that throws does not stop the others. */
export function createEventBus(): EventBus {
  const listeners = new Set<(message: EventMessage) => void>();
  return {
    emit(name, payload) {
      for (const l of [...listeners]) {
        try {
          l({ name, payload } as EventMessage);
        } catch (error) {
          console.error('pressroom: event listener failed', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
