/**
 * What `npm start` runs: the desktop window when Electron's binary is installed and can start here,
 * otherwise browser mode, with one line saying why. It never requires 'electron', because that module
 * downloads the binary on first use, which is exactly what a blocked network cannot do.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
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

/** How an Electron start ended within the early window: it runs, or why browser mode takes over. */
export type ElectronOutcome = { started: true } | { started: false; reason: string };

/** What the launcher needs of the started process; a real ChildProcess or a test's fake. */
export interface LaunchedProcess {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  kill(signal?: NodeJS.Signals): unknown;
}

/** Seams of runElectron, so tests can check each outcome without an Electron binary. */
export interface RunElectronOptions {
  /** Starts the process (default: child_process.spawn with the terminal inherited). */
  spawn?: (command: string, args: string[], options: SpawnOptions) => LaunchedProcess;
  /** The early window (default EARLY_EXIT_MS). */
  earlyExitMs?: number;
  /** Called with Electron's exit code once it ran past the early window (default: process.exit). */
  exit?: (code: number) => void;
}

/** Runs Electron; resolves 'started' once it ran past the early window, or the reason it failed early. */
export function runElectron(binary: string, args: string[], opts: RunElectronOptions = {}): Promise<ElectronOutcome> {
  const start = opts.spawn ?? ((command, argv, options) => spawn(command, argv, options));
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    let child: LaunchedProcess;
    try {
      child = start(binary, [path.join(appRoot(), 'dist', 'electron', 'main.cjs'), ...args], { stdio: 'inherit', env });
    } catch (error) {
      resolve({ started: false, reason: `Electron could not be started (${messageOf(error)})` });
      return;
    }
    let early = true;
    const timer = setTimeout(() => {
      early = false;
      resolve({ started: true });
    }, opts.earlyExitMs ?? EARLY_EXIT_MS);
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
      exit(code ?? 0);
    });
  });
}

/** Where the launcher ended up: Electron runs (with this binary), or browser mode for the reason shown. */
export type LaunchDecision = { mode: 'electron'; binary: string } | { mode: 'browser'; reason: string };

/**
 * The launcher's decision, with detection and the Electron run passed in (main passes the real ones), so each
 * branch is tested on any machine: `--browser` skips detection, a failed detection or an Electron that cannot
 * start falls back to browser mode with the reason, and a found binary that starts means Electron.
 */
export async function decideLaunch(
  args: LaunchArgs,
  deps: { detect: () => ElectronDetection; run: (binary: string, args: string[]) => Promise<ElectronOutcome> },
): Promise<LaunchDecision> {
  if (args.browser) return { mode: 'browser', reason: 'browser mode was asked for (--browser)' };
  const detection = deps.detect();
  if (!detection.ok) return { mode: 'browser', reason: detection.reason };
  const outcome = await deps.run(detection.binary, args.passThrough);
  return outcome.started ? { mode: 'electron', binary: detection.binary } : { mode: 'browser', reason: outcome.reason };
}

/** The launcher: Electron if possible, else browser mode until Ctrl+C. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const args = parseLaunchArgs(argv);
  const decision = await decideLaunch(args, { detect: () => detectElectron(), run: (binary, rest) => runElectron(binary, rest) });
  if (decision.mode === 'electron') return;
  process.stdout.write(`Pressroom: ${decision.reason}; starting in browser mode instead.\n`);
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
