/**
 * What `npm start` runs: the desktop window when Electron's binary is installed and can start here,
 * otherwise browser mode, with one line saying why. It never requires 'electron', because that module
 * downloads the binary on first use, which is exactly what a blocked network cannot do.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { messageOf } from '../../shared/contract/errors';
import { appRoot } from '../backend/app-paths';

/** Whether Electron can start, and if so which binary; the reason is shown to the user as is. */
export type ElectronDetection = { ok: true; binary: string } | { ok: false; reason: string };

/** The reason when path.txt is missing: Electron's install step did not download the binary. */
export const NOT_INSTALLED_REASON = "Electron's binary is not installed (its download is blocked or has not run)";

/** If Electron exits this soon with an error, it could not start here and browser mode takes over. */
export const EARLY_EXIT_MS = 3000;

/** The executable's place inside Electron's dist folder, as electron's own install writes to path.txt. */
function defaultExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** Finds Electron's binary the way electron's index.js does, but without its download fallback. */
export function detectElectron(
  opts: { appRoot?: string; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {},
): ElectronDetection {
  const root = opts.appRoot ?? appRoot();
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const electronDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) return { ok: false, reason: 'Electron is not installed (run npm install)' };
  let executable: string | undefined;
  try {
    executable = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim() || undefined;
  } catch {
    executable = undefined;
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary: string;
  if (override) binary = path.join(override, executable ?? defaultExecutable(platform));
  else if (executable) binary = path.join(electronDir, 'dist', executable);
  else return { ok: false, reason: NOT_INSTALLED_REASON };
  if (!fs.existsSync(binary)) return { ok: false, reason: `${NOT_INSTALLED_REASON}: ${binary} is missing` };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: 'no display' };
  return { ok: true, binary };
}

/** The launcher's own options, read from its command line; anything else goes to the app. */
export interface LaunchArgs {
  open: boolean;
  browser: boolean;
  site?: string;
  passThrough: string[];
}

/** Reads `--no-open`, `--browser` (skip Electron) and an optional site folder. */
export function parseLaunchArgs(argv: string[]): LaunchArgs {
  const passThrough = argv.filter((a) => a !== '--browser');
  return {
    open: !argv.includes('--no-open'),
    browser: argv.includes('--browser'),
    site: argv.find((a) => !a.startsWith('-')),
    passThrough,
  };
}

/** Runs Electron; resolves 'started' once it ran past the early window, or the reason it failed early. */
function runElectron(binary: string, args: string[]): Promise<{ started: true } | { started: false; reason: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(binary, [path.join(appRoot(), 'dist', 'electron', 'main.cjs'), ...args], { stdio: 'inherit', env });
    let early = true;
    const timer = setTimeout(() => {
      early = false;
      resolve({ started: true });
    }, EARLY_EXIT_MS);
    // Ctrl+C reaches Electron through the terminal; the launcher waits for it instead of dying first.
    const onSignal = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    child.on('error', (error) => {
      clearTimeout(timer);
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      if (early) resolve({ started: false, reason: `Electron could not be started (${error.message})` });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      const failed = (code !== null && code !== 0) || (signal !== null && signal !== 'SIGINT' && signal !== 'SIGTERM');
      if (early && failed) {
        early = false;
        resolve({ started: false, reason: `Electron exited at start (${signal ?? `code ${code}`})` });
        return;
      }
      process.exit(code ?? 0);
    });
  });
}

/** The launcher: Electron if possible, else browser mode until Ctrl+C. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const args = parseLaunchArgs(argv);
  let reason: string;
  const detection: ElectronDetection = args.browser ? { ok: false, reason: 'browser mode was asked for (--browser)' } : detectElectron();
  if (detection.ok) {
    const outcome = await runElectron(detection.binary, args.passThrough);
    if (outcome.started) return;
    reason = outcome.reason;
  } else {
    reason = detection.reason;
  }
  process.stdout.write(`Pressroom: ${reason}; starting in browser mode instead.\n`);
  try {
    // Loaded only now: the Electron path never loads the backend, and tests of detection stay light.
    const { startBrowserMode } = await import('../server/start-browser-mode');
    const running = await startBrowserMode({ open: args.open, site: args.site });
    process.stdout.write(`Pressroom is running at ${running.url}\n(Press Ctrl+C to stop.)\n`);
    const stop = (): void => {
      running.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const message = messageOf(error);
    process.stderr.write(`Pressroom could not start: ${message}\n`);
    process.exit(1);
  }
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  void main();
}
