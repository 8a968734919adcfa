/** Wire names shared by both transports, so the Electron and browser sides cannot drift apart. */
import type { CallName, Events } from './contract';
import type { Result } from './errors';

/** IPC channel for calls (ipcRenderer.invoke / ipcMain.handle). */
export const IPC_CALL_CHANNEL = 'pressroom:call';
/** IPC channel for events main sends to the window. */
export const IPC_EVENT_CHANNEL = 'pressroom:event';

/** Browser mode: a call is `POST /api/call/<name>` with the JSON arguments as body; the answer is a JSON Result. */
export const HTTP_CALL_PREFIX = '/api/call/';
/** Browser mode: events arrive as server-sent events, `event: <name>` and `data: <json>`. */
export const HTTP_EVENTS_PATH = '/api/events';
/** Browser mode: the query parameter of the first address that carries the token. */
export const TOKEN_QUERY = 'token';
/**
 * Browser mode: the request header that carries the token on every call and on the event stream. Never a cookie:
 * cookies ignore ports, so the browser would also hand one to every other server on 127.0.0.1.
 */
export const TOKEN_HEADER = 'X-Pressroom-Token';
/** Browser mode: the tab's sessionStorage key that keeps the token, so a reload of the tab stays signed in. */
export const TOKEN_STORAGE_KEY = 'pressroom.token';
/** Largest JSON body a call may have (a whole post plus room). */
export const MAX_CALL_BODY_BYTES = 80 * 1024 * 1024;

/** What the preload script exposes as `window.pressroomBridge`: the only door from the window to main. */
export interface Bridge {
  invoke(name: CallName, args: unknown): Promise<Result<unknown>>;
  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void;
}

/** An event as it travels over a transport. */
export interface EventMessage<K extends keyof Events = keyof Events> {
  name: K;
  payload: Events[K];
}
