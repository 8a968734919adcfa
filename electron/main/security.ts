/**
 * Locks down every window: no permissions, no navigation away from the app, no new windows, no webviews,
 * and the strict web preferences. Links meant for the browser go to the link gate, which asks first.
 * Electron objects are described by minimal interfaces so the tests can pass fakes.
 */
import type { LinkGate } from './external-links';
import { isAppUrl } from './ipc';

/** Web preferences for every app window: the renderer gets no Node, runs sandboxed and isolated from the preload. */
export const SECURE_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const);

/** The secure preferences plus the preload script (dist/electron/preload.cjs, beside main.cjs). */
export function webPreferences(preloadPath: string): typeof SECURE_WEB_PREFERENCES & { preload: string } {
  return { ...SECURE_WEB_PREFERENCES, preload: preloadPath };
}

/** The part of Electron's `Session` that permissions are denied through. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler?(handler: (details: unknown) => boolean): void;
}

/** What navigation events carry: Electron ≥ 25 puts `url` and `isMainFrame` on the event itself. */
export interface NavigationEventLike {
  preventDefault(): void;
  readonly url?: string;
  readonly isMainFrame?: boolean;
}

/** The part of Electron's `WebContents` the hardening uses. */
export interface HardenableContentsLike {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: NavigationEventLike, ...args: never[]) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Denies every permission request and check (camera, notifications, clipboard reads, devices, …). */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

/** Targets the user may mean for the browser or mail program; the gate checks them again before asking. */
function isExternalCandidate(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url.trim());
}

/** Subframe targets a future preview iframe may load: blank documents and the app's own (blob) pages. */
function isAllowedSubframeTarget(url: string): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length));
  return isAppUrl(url);
}

function targetOf(event: NavigationEventLike, args: unknown[]): string {
  if (typeof event.url === 'string') return event.url;
  return typeof args[0] === 'string' ? args[0] : '';
}

/**
 * Hardens one webContents. The top frame never navigates (the app is one page; links for the browser go to
 * the gate, which asks the user); subframes may only load blank or app pages; redirects away from the app,
 * new windows and webviews are refused.
 */
export function hardenWebContents(contents: HardenableContentsLike, gate: LinkGate): void {
  const toGate = (url: string): void => {
    if (isExternalCandidate(url)) void gate(url).catch(() => false);
  };

  contents.on('will-navigate', (event: NavigationEventLike, ...args: unknown[]) => {
    event.preventDefault();
    toGate(targetOf(event, args));
  });

  // Fires for every frame; the top frame's navigation is also reported as will-navigate (which asks the gate),
  // so here only subframes are handed on, and the user is never asked twice for one click.
  contents.on('will-frame-navigate', (event: NavigationEventLike, ...args: unknown[]) => {
    const url = targetOf(event, args);
    if (event.isMainFrame === false && isAllowedSubframeTarget(url)) return;
    event.preventDefault();
    if (event.isMainFrame === false) toGate(url);
  });

  // A redirect is the server's choice, not the user's click: refused away from the app, never handed on.
  contents.on('will-redirect', (event: NavigationEventLike, ...args: unknown[]) => {
    if (!isAppUrl(targetOf(event, args))) event.preventDefault();
  });

  contents.on('will-attach-webview', (event: NavigationEventLike) => {
    event.preventDefault();
  });

  contents.setWindowOpenHandler(({ url }) => {
    toGate(url);
    return { action: 'deny' };
  });
}
