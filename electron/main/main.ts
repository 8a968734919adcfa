/**
 * The Electron entry (bundled to dist/electron/main.cjs): one instance, the privileged app scheme, a locked
 * session, the IPC transport over the shared handlers, the menu and the window. Everything that is not glue
 * lives in the backend and services, which never import electron.
 */
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type MessageBoxOptions,
  type OpenDialogOptions,
  protocol,
  safeStorage,
  session,
  shell,
  type WebContents,
} from 'electron';
import { appDataDir } from '../services/app-state';
import { resourcesDir, rendererDir } from '../backend/app-paths';
import { createNodeHost } from '../backend/node-host';
import { createLinkGate, type LinkGate } from './external-links';
import { APP_SCHEME, forwardEvents, isAppUrl, registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, loadRendererFiles, registerAppProtocol } from './protocol';
import { guardUnload, LEAVE_QUESTION } from './leave-guard';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { createSafeStorageBox } from './safe-storage-box';
import { createElectronPdfEngine, PDF_PARTITION, PDF_SCHEME, PDF_SCHEME_PRIVILEGES } from './pdf-window';
import { messageOf } from '../../shared/contract/errors';

// Electron's own profile (cache, storage) lives with Pressroom's state, so PRESSROOM_APP_DATA isolates both
// and the single-instance lock is per app-data folder.
app.setPath('userData', appDataDir());
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  { scheme: PDF_SCHEME, privileges: { ...PDF_SCHEME_PRIVILEGES } },
]);

let mainWindow: BrowserWindow | null = null;

function focusedOrMainWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? mainWindow;
}

function openWindow(): BrowserWindow {
  const win = createMainWindow({ icon: path.join(resourcesDir(), 'icon.png') });
  // Close, quit and reload with unsaved work: the page refuses to unload, and the user is asked here.
  guardUnload(win.webContents, () => !win.isDestroyed() && dialog.showMessageBoxSync(win, LEAVE_QUESTION) === 0);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  return win;
}

/** Asks before any link leaves the app; the dialog is modal to the window the user is looking at. */
async function confirmExternal(url: string): Promise<boolean> {
  const options: MessageBoxOptions = {
    type: 'question',
    buttons: ['Open', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Pressroom',
    message: 'Open this link in your browser?',
    detail: url,
  };
  const parent = focusedOrMainWindow();
  const answer = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return answer.response === 0;
}

/** The native folder picker behind `dialog.pickFolder`. */
async function pickFolder(purpose: 'open-site' | 'sample-destination' | 'clone-destination' | 'export-destination', defaultPath?: string): Promise<string | null> {
  const titles = { 'open-site': 'Open a Jekyll site', 'clone-destination': 'Choose where the site is copied to', 'sample-destination': 'Choose where the sample site goes', 'export-destination': 'Choose where the export goes' };
  const options: OpenDialogOptions = {
    title: titles[purpose],
    buttonLabel: purpose === 'open-site' ? 'Open' : 'Choose',
    defaultPath,
    properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
  };
  const parent = focusedOrMainWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return null;
  return result.filePaths[0];
}

/**
 * In a packaged app the sample site is unpacked beside app.asar (see electron-builder.yml), so copying it
 * works with plain fs calls; from source the host finds it under resources/.
 */
function packagedSampleDir(): string | undefined {
  if (!app.isPackaged) return undefined;
  return path.join(process.resourcesPath, 'app.asar.unpacked', 'resources', 'sample-site');
}

/** Everything that needs `ready`: the locked session, the protocol, the host behind IPC, the menu, the window. */
function start(gate: LinkGate): void {
  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, loadRendererFiles(rendererDir()));

  const pdfEngine = createElectronPdfEngine({ session: () => session.fromPartition(PDF_PARTITION), createWindow: (options) => new BrowserWindow(options), chromeVersion: process.versions.chrome });
  const host = createNodeHost({ capabilities: { folderPicker: true }, pickFolder, openExternal: gate, sampleDir: packagedSampleDir(), secretBox: createSafeStorageBox(safeStorage), pdfEngine });
  registerIpc(ipcMain, host.handlers, isAppUrl);
  forwardEvents(host.bus, () => BrowserWindow.getAllWindows());

  app.setAboutPanelOptions({ applicationName: 'Pressroom', applicationVersion: app.getVersion() });
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isMac, isDev: !app.isPackaged, appName: 'Pressroom', onCommand: (command) => host.bus.emit('menu.command', { command }) })));

  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const gate = createLinkGate({ confirm: confirmExternal, open: (url) => shell.openExternal(url) });

  app.on('second-instance', () => {
    const win = mainWindow;
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Every webContents (the window, and anything that might ever be created) is hardened before it loads.
  app.on('web-contents-created', (_event, contents: WebContents) => hardenWebContents(contents, gate));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app
    .whenReady()
    .then(() => start(gate))
    .catch((error: unknown) => {
      // Without this the process would live on with no window; say why and leave.
      const message = messageOf(error);
      console.error('pressroom: start-up failed', error);
      dialog.showErrorBox('Pressroom could not start', message);
      app.quit();
    });
}
