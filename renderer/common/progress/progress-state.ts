/** The pure part of progress reporting: which work is running and what to say about it. */
import type { ProgressEvent } from '../../../shared/contract/models';
import type { MessageKey } from '../../i18n/en';
import { isMessageKey, type MessageParams } from '../../i18n/translate';

/** Work the renderer started itself (a call it awaits), named by a message key. */
export interface BusyTask {
  id: number;
  label: MessageKey;
}

/** Everything that is running now: main's progress events by id and the renderer's own tasks. */
export interface ProgressState {
  events: ReadonlyMap<string, ProgressEvent>;
  tasks: readonly BusyTask[];
}

/** Nothing running. */
export const IDLE: ProgressState = { events: new Map(), tasks: [] };

/** Records a progress event; a finished one leaves the state. */
export function applyProgressEvent(state: ProgressState, event: ProgressEvent): ProgressState {
  const events = new Map(state.events);
  if (event.finished) events.delete(event.id);
  else events.set(event.id, event);
  return { ...state, events };
}

/** True while anything runs. */
export function isBusy(state: ProgressState): boolean {
  return state.events.size > 0 || state.tasks.length > 0;
}

/** What the indicator says: main's latest progress wins (it has numbers), else the newest task's label. */
export function describeProgress(state: ProgressState): { key: MessageKey; params: MessageParams; fraction: number | null } | null {
  const events = [...state.events.values()];
  const event = events.at(-1);
  if (event) {
    const base = isMessageKey(event.label) ? event.label : 'progress.working';
    const noTotal = `${base}.noTotal`;
    if (event.total === null || event.total === 0) {
      return { key: isMessageKey(noTotal) ? noTotal : base, params: { done: event.done }, fraction: null };
    }
    return { key: base, params: { done: event.done, total: event.total }, fraction: Math.min(1, event.done / event.total) };
  }
  const task = state.tasks.at(-1);
  return task ? { key: task.label, params: {}, fraction: null } : null;
}
