/** Progress events of long tasks (a site scan, a clone, a full git status): throttled, and always a final one. */
import type { EventBus } from '../event-bus';

/** Progress events at most this often while a task runs, so a big site or repository does not flood the transport. */
export const PROGRESS_INTERVAL_MS = 100;

let progressCounter = 0;

/** A task's progress on the bus under `label`: `report` while it runs (throttled), `finish` once at the end (done = total unless given). */
export function progressOf(bus: EventBus, label: string, idPrefix: string): { report: (done: number, total: number | null) => void; finish: (total?: number) => void } {
  const id = `${idPrefix}-${Date.now().toString(36)}-${++progressCounter}`;
  let lastEmit = 0;
  let done = 0;
  let total: number | null = null;
  return {
    report(d, t) {
      done = Math.max(0, d || 0);
      total = t && t > 0 ? t : null;
      const now = Date.now();
      if (now - lastEmit < PROGRESS_INTERVAL_MS) return;
      lastEmit = now;
      bus.emit('progress', { id, label, done, total, finished: false });
    },
    finish(final) {
      if (final !== undefined) done = final;
      bus.emit('progress', { id, label, done, total: final ?? total ?? done, finished: true });
    },
  };
}
