/**
 * Runs the real Electron entry against a fake 'electron' module (there is no Electron binary here): checks
 * the order of start-up and that the pieces are wired to each other, as a user of the window would rely on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/contract/errors';
import { IPC_CALL_CHANNEL } from '../../shared/contract/transport';

type Fn = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    lock: true,
    isReady: false,
    readyResolve: (): void => {},
    calls: [] as { what: string; args: unknown[]; ready: boolean }[],
    appListeners: new Map<string, Fn>(),
    protocolHandlers: new Map<string, Fn>(),
    ipcHandlers: new Map<string, Fn>(),
    windows: [] as unknown[],
    messageBoxResponse: 1,
    messageBoxSyncResponse: 1,
    opened: [] as string[],
  };
  const record = (what: string) => (...args: unknown[]) => void state.calls.push({ what, args, ready: state.isReady });
  class FakeWindow {
    options: Record<string, unknown>;
    listeners = new Map<string, Fn>();
    loaded: string[] = [];
    shown = false;
    contentsListeners = new Map<string, Fn>();
    webContents = {
      send: () => {},
      isDestroyed: () => false,
      getURL: () => 'app://pressroom/index.html',
      on: (event: string, fn: Fn) => void this.contentsListeners.set(event, fn),
    };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    once(event: string, fn: Fn) {
      this.listeners.set(event, fn);
      return this;
    }
    on(event: string, fn: Fn) {
      this.listeners.set(event, fn);
      return this;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return false;
    }
    isVisible() {
      return this.shown;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      record('window.focus')();
    }
    static getAllWindows() {
      return state.windows;
    }
    static getFocusedWindow() {
      return null;
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      setPath: record('app.setPath'),
      enableSandbox: record('app.enableSandbox'),
      requestSingleInstanceLock: () => state.lock,
      quit: record('app.quit'),
      on: (event: string, fn: Fn) => void state.appListeners.set(event, fn),
      whenReady: () => new Promise<void>((resolve) => (state.readyResolve = () => ((state.isReady = true), resolve()))),
      setAboutPanelOptions: record('app.setAboutPanelOptions'),
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
      handle: (scheme: string, fn: Fn) => void state.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
        setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
      },
    },
    ipcMain: { handle: (channel: string, fn: Fn) => void state.ipcHandlers.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: record('Menu.setApplicationMenu') },
    BrowserWindow: FakeWindow,
    nativeTheme: { shouldUseDarkColors: true },
    dialog: {
      showMessageBox: async (...args: unknown[]) => (record('dialog.showMessageBox')(...args), { response: state.messageBoxResponse }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showMessageBoxSync: (...args: unknown[]) => (record('dialog.showMessageBoxSync')(...args), state.messageBoxSyncResponse),
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
  };
  return { state, electron, FakeWindow };
});

vi.mock('electron', () => fake.electron);

let appData: string;
const savedAppData = process.env.PRESSROOM_APP_DATA;

beforeAll(async () => {
  appData = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pressroom-main-'));
  process.env.PRESSROOM_APP_DATA = appData;
  await import('./main');
  fake.state.readyResolve();
  await new Promise((r) => setTimeout(r, 0));
});

afterAll(async () => {
  if (savedAppData === undefined) delete process.env.PRESSROOM_APP_DATA;
  else process.env.PRESSROOM_APP_DATA = savedAppData;
  await fs.promises.rm(appData, { recursive: true, force: true });
});

const callsOf = (what: string) => fake.state.calls.filter((c) => c.what === what);
const top = { senderFrame: { url: 'app://pressroom/index.html', parent: null } };
const ipcCall = (event: unknown, name: string, args: unknown) => fake.state.ipcHandlers.get(IPC_CALL_CHANNEL)!(event, name, args) as Promise<Result<unknown>>;

describe('the Electron entry', () => {
  it('makes the app and export schemes privileged, sandboxes renderers and keeps its profile in the app-data folder, all before ready', () => {
    const [schemes] = callsOf('protocol.registerSchemesAsPrivileged');
    expect(schemes.ready).toBe(false);
    expect(schemes.args[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      // The PDF window's document scheme: parsed like http, nothing more (no fetch, no CSP bypass).
      { scheme: 'pressroom-export', privileges: { standard: true, secure: true } },
    ]);
    expect(callsOf('app.enableSandbox')[0].ready).toBe(false);
    expect(callsOf('app.setPath')[0].args).toEqual(['userData', appData]);
  });

  it('denies permissions, serves the renderer with the CSP and installs a menu once ready', async () => {
    expect(callsOf('session.setPermissionRequestHandler')).toHaveLength(1);
    expect(callsOf('session.setPermissionCheckHandler')).toHaveLength(1);
    const res = (await fake.state.protocolHandlers.get('app')!(new Request('app://pressroom/index.html'))) as Response;
    expect([200, 404]).toContain(res.status);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(callsOf('Menu.setApplicationMenu')).toHaveLength(1);
  });

  it('opens one hidden, sandboxed window on the app page and shows it when ready to show', () => {
    expect(fake.state.windows).toHaveLength(1);
    const win = fake.state.windows[0] as InstanceType<typeof fake.FakeWindow>;
    expect(win.options).toMatchObject({ show: false, minWidth: 900, minHeight: 600, backgroundColor: '#1e1f22' });
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/dist[\\/]electron[\\/]preload\.cjs$/);
    expect(win.loaded).toEqual(['app://pressroom/index.html']);
    expect(win.shown).toBe(false);
    win.listeners.get('ready-to-show')!();
    expect(win.shown).toBe(true);
  });

  it('answers calls from the app window with the real handlers and refuses others', async () => {
    const info = await ipcCall(top, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { name: 'Pressroom', capabilities: { folderPicker: true } } });
    const forged = await ipcCall({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info', {});
    expect(forged).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const picked = await ipcCall(top, 'dialog.pickFolder', { purpose: 'open-site' });
    expect(picked).toEqual({ ok: true, value: null });
  });

  it('asks before opening a link from the window, and does not open it when the user says Cancel', async () => {
    fake.state.messageBoxResponse = 1;
    const declined = await ipcCall(top, 'shell.openExternal', { url: 'https://example.org/' });
    expect(declined).toEqual({ ok: true, value: { opened: false } });
    const asked = callsOf('dialog.showMessageBox').at(-1)!.args.at(-1) as { message: string; detail: string };
    expect(asked.message).toBe('Open this link in your browser?');
    expect(asked.detail).toBe('https://example.org/');
    expect(fake.state.opened).toEqual([]);
    fake.state.messageBoxResponse = 0;
    const agreed = await ipcCall(top, 'shell.openExternal', { url: 'https://example.org/' });
    expect(agreed).toEqual({ ok: true, value: { opened: true } });
    expect(fake.state.opened).toEqual(['https://example.org/']);
  });

  it('hardens every new webContents and quits when the last window closes (not on macOS)', () => {
    let openHandler: Fn | null = null;
    const contents = { on: () => contents, setWindowOpenHandler: (h: Fn) => void (openHandler = h) };
    fake.state.appListeners.get('web-contents-created')!({}, contents);
    expect(openHandler!({ url: 'app://pressroom/x' })).toEqual({ action: 'deny' });
    const quitsBefore = callsOf('app.quit').length;
    fake.state.appListeners.get('window-all-closed')!();
    expect(callsOf('app.quit').length).toBe(quitsBefore + (process.platform === 'darwin' ? 0 : 1));
  });

  it('asks before the window closes (or the app quits) while the page says work is unsaved, and stays on Cancel', () => {
    const win = fake.state.windows[0] as InstanceType<typeof fake.FakeWindow>;
    const refuseUnload = () => {
      let leaves = false;
      win.contentsListeners.get('will-prevent-unload')!({ preventDefault: () => (leaves = true) });
      return leaves;
    };
    fake.state.messageBoxSyncResponse = 1;
    expect(refuseUnload()).toBe(false);
    const [parent, question] = callsOf('dialog.showMessageBoxSync').at(-1)!.args as [unknown, { message: string }];
    expect(parent).toBe(win);
    expect(question.message).toBe('You have unsaved changes.');
    fake.state.messageBoxSyncResponse = 0;
    expect(refuseUnload()).toBe(true);
  });

  it('focuses the existing window when a second instance starts', () => {
    fake.state.appListeners.get('second-instance')!();
    expect(callsOf('window.focus')).toHaveLength(1);
  });
});
