/**
 * The application menu: standard role items, plus the few commands the window carries out (sent to it as the
 * `menu.command` event through `onCommand`). Built as a plain template so it can be checked without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Events } from '../../shared/contract/contract';

/** What the menu depends on. */
export interface MenuOptions {
  isMac: boolean;
  /** Reload and developer tools appear only when running from source. */
  isDev: boolean;
  appName: string;
  /** Hands a command chosen in the menu to the window (main sends it as the `menu.command` event). */
  onCommand?: (command: MenuCommand) => void;
}

/** The commands the menu sends to the window: the `menu.command` event's, so the two cannot drift apart. */
export type MenuCommand = Events['menu.command']['command'];

/** The menu template: File, Edit, View, (Window on macOS) and Help, each made of roles Electron implements. */
export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (opts.isMac) {
    template.push({
      label: opts.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: 'File',
    submenu: [
      { label: 'Export as PDF…', click: () => opts.onCommand?.('export.pdf') },
      { label: 'Export as HTML…', click: () => opts.onCommand?.('export.html') },
      // Shown, not registered: the window's own Ctrl/Cmd+P prints the post (and leaves a key taken by a dialog alone).
      { label: 'Print…', accelerator: 'CmdOrCtrl+P', registerAccelerator: false, click: () => opts.onCommand?.('print') },
      { type: 'separator' },
      opts.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });
  template.push({ label: 'Insert', submenu: [{ label: 'Figure…', click: () => opts.onCommand?.('figure.insert') }] });
  const view: MenuItemConstructorOptions[] = [];
  if (opts.isDev) view.push({ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  view.push({ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' });
  template.push({ label: 'View', submenu: view });
  if (opts.isMac) template.push({ role: 'windowMenu' });
  template.push({ role: 'help', submenu: opts.isMac ? [] : [{ role: 'about', label: `About ${opts.appName}` }] });
  return template;
}
