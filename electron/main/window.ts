/**
 * The main window: hidden until its first paint (no white flash), a background that matches the system theme,
 * the secure web preferences and the app's own page. Only main.ts calls this.
 */
import path from 'node:path';
import { BrowserWindow, nativeTheme } from 'electron';
import { appRoot } from '../backend/app-paths';
import { APP_ENTRY_URL } from './protocol';
import { webPreferences } from './security';

/** Background colours shown before the renderer paints; close to the renderer's own light and dark surfaces. */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#1e1f22' } as const;

/** The preload bundle, beside main.cjs in dist/electron. */
export function preloadPath(): string {
  return path.join(appRoot(), 'dist', 'electron', 'preload.cjs');
}

/** Opens the app window and loads the renderer from the app protocol. */
export function createMainWindow(opts: { icon?: string } = {}): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Pressroom',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    icon: opts.icon,
    autoHideMenuBar: false,
    webPreferences: webPreferences(preloadPath()),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('pressroom: the window could not load the app', error);
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });
  return win;
}
