/**
 * Finds a Chromium, Chrome or Edge already installed on this machine, for PDF export outside Electron and for the
 * e2e harness: `PRESSROOM_CHROMIUM` first, then the usual install places. Nothing is ever downloaded.
 */
import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';

/** What the browser is for: printing PDFs (a headless shell is best: starts fastest) or driving the app's UI (a full browser). */
export type ChromiumPurpose = 'pdf' | 'browse';

/** The environment a search looks at; the real one is `realChromiumProbe()`, tests pass their own. */
export interface ChromiumProbe {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  /** True when `file` is a regular file this process may execute. */
  isExecutable(file: string): boolean;
}

/** The environment variable that names the browser, checked before any install place. */
export const CHROMIUM_ENV = 'PRESSROOM_CHROMIUM';

const LINUX_HEADLESS = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'];
const LINUX_FULL = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge-stable',
  '/usr/bin/microsoft-edge',
  '/opt/microsoft/msedge/msedge',
];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
];

/** The install places to try, best first, for a platform and purpose. */
export function chromiumCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>, home: string, purpose: ChromiumPurpose = 'pdf'): string[] {
  if (platform === 'darwin') return MAC_APPS.flatMap((app) => [path.posix.join('/Applications', app), path.posix.join(home, 'Applications', app)]);
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
    return [...new Set(apps.flatMap((app) => roots.map((root) => path.win32.join(root, app))))];
  }
  // Linux and the BSDs: Debian's headless shell prints the same PDF as the full browser and starts in a third of the time.
  return purpose === 'pdf' ? [...LINUX_HEADLESS, ...LINUX_FULL] : [...LINUX_FULL, ...LINUX_HEADLESS];
}

/**
 * The browser to use: `PRESSROOM_CHROMIUM` when set (refused with a message naming it when it is not an
 * executable), else the first install place that holds one; null when there is none.
 */
export function findChromiumWith(probe: ChromiumProbe, purpose: ChromiumPurpose = 'pdf'): string | null {
  const named = probe.env[CHROMIUM_ENV];
  if (named !== undefined && named !== '') {
    if (!probe.isExecutable(named)) throw new AppFailure('no-pdf-engine', `${CHROMIUM_ENV} is set to ${named}, which is not an executable file: point it at a Chromium, Chrome or Edge, or unset it.`, { path: named });
    return named;
  }
  return chromiumCandidates(probe.platform, probe.env, probe.home, purpose).find((file) => probe.isExecutable(file)) ?? null;
}

/** One line saying what to install on this platform when no browser was found (for PDFs, or for the e2e tests). */
export function missingChromiumMessage(platform: NodeJS.Platform, purpose: ChromiumPurpose = 'pdf'): string {
  const debian = purpose === 'pdf' ? 'apt-get install chromium-headless-shell (or chromium)' : 'apt-get install chromium';
  const fix =
    platform === 'darwin'
      ? 'install Google Chrome, Chromium or Microsoft Edge'
      : platform === 'win32'
        ? 'install Microsoft Edge or Google Chrome'
        : `on Debian/Ubuntu: ${debian}; elsewhere install Chromium, Chrome or Edge`;
  return `No Chromium, Chrome or Edge found ${purpose === 'pdf' ? 'for PDF export' : 'for the end-to-end tests'}: ${fix}, or set ${CHROMIUM_ENV} to its executable.`;
}

/** The real machine: this process's environment, platform and home, with a file-system check. */
export function realChromiumProbe(): ChromiumProbe {
  return {
    env: process.env,
    platform: process.platform,
    home: os.homedir(),
    isExecutable(file) {
      try {
        if (!statSync(file).isFile()) return false;
        accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The browser on this machine, or null. */
export function findChromium(purpose: ChromiumPurpose = 'pdf'): string | null {
  return findChromiumWith(realChromiumProbe(), purpose);
}

/** The browser on this machine; `no-pdf-engine` with what to install when there is none. */
export function requireChromium(purpose: ChromiumPurpose = 'pdf'): string {
  const found = findChromium(purpose);
  if (!found) throw new AppFailure('no-pdf-engine', missingChromiumMessage(process.platform));
  return found;
}
