import { describe, expect, it } from 'vitest';
import { type HardenableContentsLike, hardenSession, hardenWebContents, type NavigationEventLike, SECURE_WEB_PREFERENCES, type SessionLike, webPreferences } from './security';

type AnyListener = (event: NavigationEventLike, ...args: unknown[]) => void;

/** A fake webContents that can replay the navigation events Electron would emit. */
function fakeContents() {
  const listeners = new Map<string, AnyListener[]>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: HardenableContentsLike = {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as AnyListener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  /** Emits an event the way Electron ≥ 25 does (url and isMainFrame on the event); returns whether it was prevented. */
  const emit = (name: string, url: string, isMainFrame = true): boolean => {
    let prevented = false;
    const event = { url, isMainFrame, preventDefault: () => void (prevented = true) };
    for (const l of listeners.get(name) ?? []) l(event, url);
    return prevented;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url });
  };
  return { contents, emit, open };
}

function recordingGate() {
  const handed: string[] = [];
  return { handed, gate: async (url: string) => (handed.push(url), false) };
}

describe('hardenWebContents', () => {
  it('keeps the window on the app: every top-frame navigation is prevented, links for the browser go to the gate', () => {
    const { contents, emit } = fakeContents();
    const { handed, gate } = recordingGate();
    hardenWebContents(contents, gate);
    expect(emit('will-navigate', 'https://example.org/')).toBe(true);
    expect(emit('will-navigate', 'mailto:press@example.org')).toBe(true);
    expect(emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(emit('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(emit('will-navigate', 'app://pressroom/other.html')).toBe(true);
    expect(handed).toEqual(['https://example.org/', 'mailto:press@example.org']);
  });

  it('prevents frame navigations away from the app and lets a preview frame load blank or app pages', () => {
    const { contents, emit } = fakeContents();
    const { handed, gate } = recordingGate();
    hardenWebContents(contents, gate);
    expect(emit('will-frame-navigate', 'https://example.org/', false)).toBe(true);
    expect(emit('will-frame-navigate', 'file:///etc/passwd', false)).toBe(true);
    expect(emit('will-frame-navigate', 'blob:https://evil.example/123', false)).toBe(true);
    expect(emit('will-frame-navigate', 'about:blank', false)).toBe(false);
    expect(emit('will-frame-navigate', 'about:srcdoc', false)).toBe(false);
    expect(emit('will-frame-navigate', 'blob:app://pressroom/1b2c', false)).toBe(false);
    // The top frame's navigation was already handed on by will-navigate: prevented, not asked twice.
    expect(emit('will-frame-navigate', 'https://example.org/top', true)).toBe(true);
    expect(handed).toEqual(['https://example.org/']);
  });

  it('prevents redirects away from the app without asking about them', () => {
    const { contents, emit } = fakeContents();
    const { handed, gate } = recordingGate();
    hardenWebContents(contents, gate);
    expect(emit('will-redirect', 'https://example.org/')).toBe(true);
    expect(emit('will-redirect', 'app://pressroom/index.html')).toBe(false);
    expect(handed).toEqual([]);
  });

  it('denies every new window and hands only browser links to the gate', () => {
    const { contents, open } = fakeContents();
    const { handed, gate } = recordingGate();
    hardenWebContents(contents, gate);
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open('app://pressroom/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(handed).toEqual(['https://example.org/']);
  });

  it('refuses to attach a webview', () => {
    const { contents, emit } = fakeContents();
    hardenWebContents(contents, recordingGate().gate);
    expect(emit('will-attach-webview', '')).toBe(true);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const granted: boolean[] = [];
    let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] | null = null;
    let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] | null = null;
    let device: ((details: unknown) => boolean) | null = null;
    hardenSession({
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
      setDevicePermissionHandler: (h) => void (device = h),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      request!({}, permission, (g) => granted.push(g));
      expect(check!({}, permission)).toBe(false);
    }
    expect(granted).toEqual([false, false, false, false, false, false]);
    expect(device!({ deviceType: 'usb' })).toBe(false);
  });
});

describe('webPreferences', () => {
  it('isolates and sandboxes the renderer without Node, webviews or spellcheck, with the preload set', () => {
    const prefs = webPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
  });
});
