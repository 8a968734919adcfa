/** Picks the transport once at start: the preload's bridge in the desktop window, HTTP otherwise. The app never asks which. */
import { createHttpTransport, pickUpToken, type TokenScope } from './http-transport';
import { createIpcTransport, findBridge } from './ipc-transport';
import type { Transport } from './transport';

/** The bridge when the preload exposed one, else the browser-mode server on this page's origin, with the tab's token. */
export function selectTransport(scope: unknown = globalThis): Transport {
  const bridge = findBridge(scope);
  return bridge ? createIpcTransport(bridge) : createHttpTransport({ token: pickUpToken(scope as TokenScope) });
}
