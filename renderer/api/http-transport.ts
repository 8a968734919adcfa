/** Browser mode's transport: calls as same-origin JSON POSTs, events as server-sent events. */
import { type Events, EVENT_NAMES } from '../../shared/contract/contract';
import { fail, type Result, messageOf } from '../../shared/contract/errors';
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH } from '../../shared/contract/transport';
import { relayChecked, type Transport } from './transport';

/** The part of `EventSource` the transport uses, so tests can pass a fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

/** What the HTTP transport may be given instead of the browser's globals (tests and other origins). */
export interface HttpTransportOptions {
  /** Prefix for the call and event paths; '' (the page's own origin) in the app. */
  base?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
}


/** Turns one HTTP answer into a Result; the server answers every call with a JSON Result, anything else is a failure. */
async function readAnswer(response: Response): Promise<Result<unknown>> {
  if (response.status === 401 || response.status === 403) {
    const text = await response.text().catch(() => '');
    return fail('unauthorized', text.trim() || `The server refused the request (${response.status}).`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fail('io', `The server sent an answer that is not JSON (HTTP ${response.status}).`);
  }
  if (typeof body === 'object' && body !== null && 'ok' in body) return body as Result<unknown>;
  return fail('io', `The server sent an unexpected answer (HTTP ${response.status}).`);
}

/**
 * Creates the browser-mode transport; the event stream opens with the first listener and closes with the last.
 * Event payloads that are not JSON or do not fit the contract are dropped.
 */
export function createHttpTransport(opts: HttpTransportOptions = {}): Transport {
  const base = opts.base ?? '';
  const doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const createEventSource = opts.createEventSource ?? ((url: string) => new EventSource(url));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSourceLike | null = null;
  let count = 0;

  function open(): void {
    if (source) return;
    const s = createEventSource(base + HTTP_EVENTS_PATH);
    for (const name of EVENT_NAMES) {
      s.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse(String(event.data));
        } catch {
          return;
        }
        for (const l of [...(listeners.get(name) ?? [])]) {
          try {
            relayChecked(name, payload, l);
          } catch (error) {
            console.error('pressroom: event listener failed', error);
          }
        }
      });
    }
    source = s;
  }

  return {
    async invoke(name, args) {
      let response: Response;
      try {
        response = await doFetch(base + HTTP_CALL_PREFIX + encodeURIComponent(name), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args ?? {}),
        });
      } catch (error) {
        return fail('io', `Pressroom's server could not be reached: ${messageOf(error)}`);
      }
      return readAnswer(response);
    },
    on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const relay = listener as (payload: unknown) => void;
      set.add(relay);
      count++;
      open();
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(relay);
        if (--count === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
