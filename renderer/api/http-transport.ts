/**
 * Browser mode's transport: calls as same-origin JSON POSTs, events as a server-sent event stream read with
 * fetch. Both carry the token in the `X-Pressroom-Token` header, never in a cookie (cookies ignore ports, so
 * every other server on 127.0.0.1 would get it too) and never in a URL that could be logged. EventSource cannot
 * send a header, hence fetch and a ReadableStream for the events.
 */
import { type Events, EVENT_NAMES } from '../../shared/contract/contract';
import { fail, type Result, messageOf } from '../../shared/contract/errors';
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, TOKEN_HEADER, TOKEN_QUERY, TOKEN_STORAGE_KEY } from '../../shared/contract/transport';
import { relayChecked, type Transport } from './transport';

/** What the HTTP transport may be given instead of the browser's globals (tests and other origins). */
export interface HttpTransportOptions {
  /** Prefix for the call and event paths; '' (the page's own origin) in the app. */
  base?: string;
  /** The browser-mode token, sent as a header on every call and on the event stream. */
  token?: string | null;
  fetch?: typeof fetch;
  /** How long to wait before the event stream is opened again after it ended (default 1 s). */
  reconnectMs?: number;
}

/** How many times longer the event stream waits before asking again after the server refused its token. */
const REFUSED_BACKOFF = 15;

/** The parts of the page the token pickup reads and writes, so tests can pass their own. */
export interface TokenScope {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/**
 * Takes the token from the page address (`?token=…`, as printed in the terminal) into this tab's sessionStorage
 * and strips it from the address bar, so it is neither shown, bookmarked nor kept in history; a reload then finds
 * it in the tab's storage. Returns the token, or null when neither the address nor the tab has one.
 */
export function pickUpToken(scope: TokenScope): string | null {
  let stored: string | null;
  try {
    stored = scope.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    stored = null;
  }
  const url = new URL(scope.location.href);
  const fromAddress = url.searchParams.get(TOKEN_QUERY);
  if (fromAddress === null) return stored;
  try {
    scope.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromAddress);
  } catch {
    // Storage may be off (a private window's policy); the token then lives as long as the page.
  }
  url.searchParams.delete(TOKEN_QUERY);
  scope.history.replaceState(scope.history.state, '', url.pathname + url.search + url.hash);
  return fromAddress;
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
 * Splits a server-sent event stream into events: `event:` and `data:` lines up to a blank line; comment lines
 * (`:` heartbeats) and unknown fields are skipped. Feed it text as it arrives; it keeps an unfinished tail.
 */
export function createSseParser(onEvent: (name: string, data: string) => void): (chunk: string) => void {
  let buffer = '';
  let name = '';
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) onEvent(name || 'message', data.join('\n'));
        name = '';
        data = [];
      } else if (line.startsWith('event:')) name = line.slice(6).trimStart();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
  };
}

/**
 * Creates the browser-mode transport; the event stream opens with the first listener and closes with the last,
 * and is opened again after it ends (a server restart, a dropped connection), as EventSource would.
 * Event payloads that are not JSON or do not fit the contract are dropped.
 */
export function createHttpTransport(opts: HttpTransportOptions = {}): Transport {
  const base = opts.base ?? '';
  const doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const reconnectMs = opts.reconnectMs ?? 1000;
  const authHeaders: Record<string, string> = opts.token ? { [TOKEN_HEADER]: opts.token } : {};
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const known = new Set<string>(EVENT_NAMES);
  let stream: AbortController | null = null;
  let count = 0;

  function dispatch(name: string, data: string): void {
    if (!known.has(name)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const l of [...(listeners.get(name) ?? [])]) {
      try {
        relayChecked(name as keyof Events, payload, l);
      } catch (error) {
        console.error('pressroom: event listener failed', error);
      }
    }
  }

  async function run(controller: AbortController): Promise<void> {
    while (!controller.signal.aborted) {
      // A refused token (the server was restarted) will not pass a second later: ask again far less often.
      let wait = reconnectMs;
      try {
        const response = await doFetch(base + HTTP_EVENTS_PATH, {
          headers: { ...authHeaders, Accept: 'text/event-stream' },
          credentials: 'omit',
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.ok && response.body) {
          const feed = createSseParser(dispatch);
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            feed(value);
          }
        } else {
          if (response.status === 401 || response.status === 403) wait = reconnectMs * REFUSED_BACKOFF;
          await response.body?.cancel().catch(() => undefined);
        }
      } catch {
        // Aborted, or the server is gone for now: wait and try again below.
      }
      if (controller.signal.aborted) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        controller.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  }

  function open(): void {
    if (stream) return;
    const controller = new AbortController();
    stream = controller;
    void run(controller);
  }

  return {
    async invoke(name, args) {
      let response: Response;
      try {
        response = await doFetch(base + HTTP_CALL_PREFIX + encodeURIComponent(name), {
          method: 'POST',
          credentials: 'omit',
          headers: { ...authHeaders, 'Content-Type': 'application/json' },
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
        if (--count === 0 && stream) {
          stream.abort();
          stream = null;
        }
      };
    },
  };
}
