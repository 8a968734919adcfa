/**
 * Browser mode: the same renderer and backend as the desktop window, served to the default browser over
 * loopback HTTP. Used when Electron cannot start (no binary, no display) and by the end-to-end tests.
 */
import { spawn as nodeSpawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppFailure } from '../../shared/contract/errors';
import { appRoot, rendererDir } from '../backend/app-paths';
import { createNodeHost } from '../backend/node-host';
import { startHttpServer } from './http-server';
import { type OpenerFile, writeOpenerFile } from './opener-file';

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
  const opener = opts.open ? openInBrowser(url) : null;
  return {
    url,
    origin: server.origin,
    port: server.port,
    token: server.token,
    close: async () => {
      opener?.remove();
      await server.close();
      const dispose = (host as unknown as { dispose?: () => unknown }).dispose;
      if (typeof dispose === 'function') await dispose.call(host);
    },
  };
}

/** Seams of openInBrowser, so tests can watch the spawn and the opener file without starting a browser. */
export interface OpenInBrowserOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  spawn?: (command: string, args: string[], options: SpawnOptions) => { on(event: 'error', listener: () => void): unknown; unref(): unknown };
  /** Where the opener file's private folder goes (default: the system's temporary folder). */
  tempDir?: string;
}

/**
 * Opens `url` in the default browser if there is one: detached, never blocking, errors ignored (the address
 * is printed anyway). The browser is given only the path of a private opener file that leads on to `url`, so
 * the token never appears on a command line. On Windows rundll32 is used rather than `cmd /c start`, because
 * cmd would read some characters of a path as commands. Returns the opener file (remove it on stop), or null.
 */
export function openInBrowser(url: string, opts: OpenInBrowserOptions = {}): OpenerFile | null {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  const spawn = opts.spawn ?? nodeSpawn;
  // Without a display xdg-open would start a text browser in a terminal we do not own.
  if (platform !== 'darwin' && platform !== 'win32' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  let opener: OpenerFile;
  try {
    opener = writeOpenerFile(url, opts.tempDir);
  } catch {
    return null;
  }
  const target = pathToFileURL(opener.filePath).href;
  let command: string;
  let args: string[];
  if (platform === 'darwin') [command, args] = ['open', [target]];
  else if (platform === 'win32') [command, args] = ['rundll32', ['url.dll,FileProtocolHandler', target]];
  else [command, args] = ['xdg-open', [target]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
    return opener;
  } catch {
    opener.remove();
    return null;
  }
}
