/**
 * The preload script: the only door from the window to main. It exposes `window.pressroomBridge` with exactly
 * `invoke` and `on`, and never hands out `ipcRenderer`, its events or any Node object. It runs sandboxed, so
 * at run time it may only require 'electron'; esbuild bundles the contract constants in.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CallName, Events } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/errors';
import { type Bridge, type EventMessage, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract/transport';

/** The name the bridge has in the window. */
export const BRIDGE_NAME = 'pressroomBridge';

/** The part of Electron's `ipcRenderer` the bridge uses, so tests can pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The part of Electron's `contextBridge` the preload uses. */
export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

function isEventMessage(value: unknown): value is EventMessage {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

/**
 * Builds the bridge over an ipcRenderer. Listeners get only the payload, never the IPC event (whose `sender`
 * would be ipcRenderer itself); `on` returns the function that unsubscribes.
 */
export function createBridge(ipc: IpcRendererLike): Bridge {
  return Object.freeze({
    invoke(name: CallName, args: unknown): Promise<Result<unknown>> {
      return ipc.invoke(IPC_CALL_CHANNEL, name, args) as Promise<Result<unknown>>;
    },
    on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('pressroomBridge.on needs a listener function');
      const wanted = String(event);
      const relay = (_ipcEvent: unknown, message: unknown): void => {
        if (isEventMessage(message) && message.name === wanted) listener(message.payload as Events[K]);
      };
      ipc.on(IPC_EVENT_CHANNEL, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(IPC_EVENT_CHANNEL, relay);
      };
    },
  });
}

/** Exposes the bridge under its one name; called once when the preload runs. */
export function exposeBridge(bridge: ContextBridgeLike, ipc: IpcRendererLike): void {
  bridge.exposeInMainWorld(BRIDGE_NAME, createBridge(ipc));
}

exposeBridge(contextBridge, ipcRenderer);
