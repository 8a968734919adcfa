/**
 * Browser mode: the same renderer and backend as the desktop window, served to the default browser over
 * loopback HTTP. Used when Electron cannot start (no binary, no display) and by the end-to-end tests.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../shared/contract/errors';
import { appRoot, rendererDir } from '../backend/app-paths';
import { createNodeHost } from '../backend/node-host';
import { startHttpServer } from './http-server';

/** What starting browser mode needs: a site to open at once, a fixed port, whether to open a browser. */
export interface BrowserModeOptions {
  site?: string;
  port?: number;
  open: boolean;
  appDataDir?: string;
  log?: (message: string) => void;
  /** Overrides the built renderer's folder (tests); normally dist/renderer under the app root. */
  rendererDir?: string;
}

/** A running browser mode: the address to open (with token) and how to stop it. */
export interface BrowserMode {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Starts the server over the Node host; throws AppFailure('not-found') when the renderer is not built. */
export async function startBrowserMode(opts: BrowserModeOptions): Promise<BrowserMode> {
  const dir = opts.rendererDir ?? rendererDir();
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) {
    throw new AppFailure('not-found', `The app is not built yet (${index} is missing); run "npm run build" first.`, { path: index });
  }
  const host = createNodeHost({ appDataDir: opts.appDataDir, capabilities: { folderPicker: false }, appRoot: appRoot() });
  const server = await startHttpServer({ handlers: host.handlers, bus: host.bus, rendererDir: dir, port: opts.port, log: opts.log });
  const url = opts.site ? `${server.url}&site=${encodeURIComponent(path.resolve(opts.site))}` : server.url;
  if (opts.open) openInBrowser(url);
  return {
    url,
    origin: server.origin,
    port: server.port,
    token: server.token,
    close: async () => {
      await server.close();
      const dispose = (host as unknown as { dispose?: () => unknown }).dispose;
      if (typeof dispose === 'function') await dispose.call(host);
    },
  };
}

/**
 * Opens `url` in the default browser if there is one: detached, never blocking, errors ignored (the address
 * is printed anyway). On Windows rundll32 is used rather than `cmd /c start`, because cmd would read the
 * `&` in the address as a command separator.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  let command: string;
  let args: string[];
  if (platform === 'darwin') [command, args] = ['open', [url]];
  else if (platform === 'win32') [command, args] = ['rundll32', ['url.dll,FileProtocolHandler', url]];
  else {
    // Without a display xdg-open would start a text browser in a terminal we do not own.
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
    [command, args] = ['xdg-open', [url]];
  }
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
