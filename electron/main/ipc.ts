/**
 * The Electron transport: one IPC channel for every contract call and one for events. A call is answered
 * only for the app's own top frame; everything else about it (name, arguments, errors) is the shared edge's job.
 */
import type { Handlers } from '../../shared/contract/contract';
import { fail, type Result } from '../../shared/contract/errors';
import { type EventMessage, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract/transport';
import type { EventBus } from '../backend/event-bus';
import { invokeCall } from '../backend/invoke';

/** The scheme and host the renderer is served from (see protocol.ts); the only origin IPC answers. */
export const APP_SCHEME = 'app';
/** Host part of the app's URLs; a standard scheme needs one. */
export const APP_HOST = 'pressroom';
/** The origin of the app's pages. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The frame that sent an IPC message, as much of Electron's `WebFrameMain` as the check needs. */
export interface FrameLike {
  readonly url: string;
  /** Null for a window's top frame; a subframe (e.g. a preview iframe) has a parent. */
  readonly parent: unknown;
}

/** The part of Electron's `IpcMainInvokeEvent` the transport reads. */
export interface IpcInvokeEventLike {
  readonly senderFrame?: FrameLike | null;
}

/** The part of Electron's `ipcMain` the transport uses, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
}

/** The part of Electron's `WebContents` that events are sent through. */
export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  getURL(): string;
}

/** A window, as far as event forwarding cares. */
export interface WindowLike {
  readonly webContents: WebContentsLike;
}

/** True for a URL served by the app's protocol, so only the app's own pages can reach main. */
export function isAppUrl(frameUrl: string | undefined): boolean {
  if (typeof frameUrl !== 'string' || frameUrl === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(frameUrl);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * Registers the one call handler. A sender that is not a trusted top frame gets `unauthorized` and no
 * handler runs; the rest goes through `invokeCall`, which validates the name and arguments.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: (frameUrl: string | undefined) => boolean,
): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcInvokeEventLike, name: unknown, args: unknown): Promise<Result<unknown>> => {
    let frame: FrameLike | null | undefined;
    try {
      frame = event?.senderFrame;
    } catch {
      frame = undefined;
    }
    const frameUrl = frame && typeof frame.url === 'string' ? frame.url : undefined;
    const isTopFrame = !!frame && frame.parent === null;
    if (!frame || !isTopFrame || !isTrustedSender(frameUrl)) {
      return fail('unauthorized', 'This call was refused because it did not come from the Pressroom window.');
    }
    return invokeCall(handlers, name, args);
  });
}

/**
 * Sends every bus event to every open app window; returns the unsubscribe. Windows that are gone or show
 * something other than the app's pages are skipped, so site paths never reach a foreign page.
 */
export function forwardEvents(bus: EventBus, getWindows: () => readonly WindowLike[]): () => void {
  return bus.subscribe((message: EventMessage) => {
    for (const win of getWindows()) {
      const contents = win.webContents;
      try {
        if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
        contents.send(IPC_EVENT_CHANNEL, message);
      } catch (error) {
        console.error('pressroom: could not send an event to a window', error);
      }
    }
  });
}
