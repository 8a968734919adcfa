/** The default wiring of services, bus and handlers for browser mode and the CLI (no Electron involved). */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../shared/contract/contract';
import type { AppInfo } from '../../shared/contract/models';
import { checkExternalUrl } from '../../shared/security/external-url';
import { appDataDir, documentsDir } from '../services/app-state';
import { type AppState, createAppState } from '../services/app-state';
import { createChromiumPdfEngine, type PdfEngine } from '../services/export';
import { type EventBus, createEventBus } from './event-bus';
import { createHandlers, type HandlerDeps } from './handlers';
import { watchOpenedSites } from './calls/open-sites';
import { appRoot } from './app-paths';

/** What a host chooses; everything else has a default that works without Electron. */
export interface NodeHostOptions {
  /** Overrides the app-data folder (otherwise PRESSROOM_APP_DATA or the platform's folder). */
  appDataDir?: string;
  capabilities: { folderPicker: boolean };
  pickFolder?: HandlerDeps['pickFolder'];
  openExternal?: HandlerDeps['openExternal'];
  /** Overrides where the app's files are found (package.json, resources/); found by walking up otherwise. */
  appRoot?: string;
  /** Overrides the sample site's folder (a packaged app may keep it outside the app root). */
  sampleDir?: string;
  /** The operating system's encryption for remembered git tokens (Electron passes safeStorage; browser mode none). */
  secretBox?: HandlerDeps['secretBox'];
  /** Prints PDF exports (Electron's printToPDF in the app); by default the machine's Chromium, started on the first PDF. */
  pdfEngine?: PdfEngine;
}

/** A ready host: the transports take `handlers` and forward the events of `bus`. */
export interface NodeHost {
  handlers: Handlers;
  bus: EventBus;
  appState: AppState;
  /** Stops what the host runs in the background (the watches of open sites, the PDF engine's browser). */
  dispose(): Promise<void>;
}

/** The app's version from its package.json ("0.0.0" when unreadable), for the app info and the exports' generator. */
export function readVersion(root: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The operating system's language tag (e.g. "de-DE"), so 'system' in the settings means something. */
export function systemLanguage(env: NodeJS.ProcessEnv = process.env): string {
  let locale: string;
  try {
    locale = Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    locale = '';
  }
  if (locale && locale !== 'und') return locale;
  for (const value of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!value) continue;
    const m = /^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\d{3}))?/.exec(value);
    if (!m || value === 'C' || value.startsWith('C.') || value === 'POSIX') continue;
    return m[2] ? `${m[1].toLowerCase()}-${m[2].toUpperCase()}` : m[1].toLowerCase();
  }
  return 'en';
}

/** The operating system's opener for a URL; on Windows rundll32 rather than `cmd start`, so `&` in a URL is not read by a shell. */
function openerFor(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['rundll32.exe', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/** Opens a checked URL with the system's browser or mail program; false when it is refused or no opener could start. */
export function openWithSystem(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const checked = checkExternalUrl(url);
  if (!checked.ok) return Promise.resolve(false);
  const [command, args] = openerFor(platform, checked.url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true, shell: false });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

/** Wires app state, the event bus and the handlers with Node-only defaults. */
export function createNodeHost(opts: NodeHostOptions): NodeHost {
  const root = opts.appRoot ?? appRoot();
  const home = os.homedir();
  const docs = documentsDir(process.env, process.platform, home);
  const appState = createAppState(opts.appDataDir ?? appDataDir(), { sampleDestination: docs });
  const bus = createEventBus();
  const siteWatches = watchOpenedSites(bus);
  // Creating it starts nothing: the browser starts with the first PDF export.
  const pdfEngine = opts.pdfEngine ?? createChromiumPdfEngine();
  const info: AppInfo = {
    name: 'Pressroom',
    version: readVersion(root),
    platform: process.platform,
    systemLanguage: systemLanguage(),
    documentsDir: docs,
    homeDir: home,
    capabilities: { folderPicker: opts.capabilities.folderPicker },
  };
  const handlers = createHandlers({
    appState,
    bus,
    sampleDir: opts.sampleDir ?? path.join(root, 'resources', 'sample-site'),
    info,
    pickFolder: opts.pickFolder,
    openExternal: opts.openExternal ?? ((url) => openWithSystem(url)),
    secretBox: opts.secretBox,
    pdfEngine,
  });
  const dispose = async () => {
    await Promise.all([siteWatches.closeAll(), pdfEngine.dispose()]);
  };
  return { handlers, bus, appState, dispose };
}
