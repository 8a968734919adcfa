/**
 * Starts Pressroom the way a user does in browser mode: a real `pressroom serve` child process on a fresh copy
 * of a site and a fresh app-data folder, and a Chromium page at the address it prints. Nothing a test does
 * can touch the sample site in the repository or the user's own app data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from '@playwright/test';
import { launchChromium } from './chromium';

export { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from './chromium';

/** The repository root (where package.json and dist/ are). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The sample site shipped with the app; tests only ever copy it. */
export const SAMPLE_SITE = path.join(REPO_ROOT, 'resources', 'sample-site');
/** The built CLI; `npm run test:e2e` builds before Playwright runs. */
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'electron', 'cli.cjs');

/** How long `pressroom serve` may take to print its address on a slow two-core machine. */
const START_TIMEOUT_MS = 30_000;

/** What `startApp` needs; with neither `site` nor `copySample` the app starts on its first screen. */
export interface StartAppOptions {
  /** A site folder to copy (symlinks stay symlinks) and open. */
  site?: string;
  /** Copy and open the bundled sample site. */
  copySample?: boolean;
  /** A browser to open a new context in; otherwise one is launched and closed with the app. */
  browser?: Browser;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  /** Runs on the fresh copy before the server starts (e.g. to add symlinks git cannot carry). */
  prepareSite?: (siteDir: string) => Promise<void>;
  /** Extra environment for the server (e.g. HOME, so the machine's own ~/.gitconfig is not read). */
  extraEnv?: NodeJS.ProcessEnv;
}

/** A running app: the page, the address and token it printed, and the temporary folders it uses. */
export interface RunningApp {
  page: Page;
  context: BrowserContext;
  url: string;
  origin: string;
  token: string;
  /** The copied site; without a site, an empty temporary folder the test may use (e.g. as a destination). */
  siteDir: string;
  appDataDir: string;
  /** Uncaught errors in the page, so a test can assert that none happened. */
  pageErrors: string[];
  /** Messages of every alert/confirm/prompt the page opened (each dismissed at once); should stay empty. */
  dialogs: string[];
  /** How many times the page asked before it was left (`beforeunload`); each is answered "leave", as a user who goes on. */
  leaveQuestions: number;
  /**
   * Ends the `pressroom serve` process with `signal` (SIGKILL: as a crash, nothing runs on the way out) and starts
   * a new one on the same site and app-data folder; its address is the new server's. `close` stops it.
   */
  restartServer(signal?: NodeJS.Signals): Promise<RunningServer>;
  /** What the server wrote to stderr, for failure messages. */
  serverLog(): string;
  close(): Promise<void>;
}

/** A running `pressroom serve` without a browser, for tests that speak HTTP directly. */
export interface RunningServer {
  child: ChildProcess;
  url: string;
  origin: string;
  token: string;
  port: number;
  stderr(): string;
  stop(): Promise<void>;
}

/** Creates a fresh temporary folder for one test; its real path, so it matches what the app reports. */
export async function makeTempDir(prefix = 'pressroom-e2e-'): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), prefix)));
}

/** Copies a site folder the way a user's checkout looks: symlinks verbatim (relative ones stay relative). */
export async function copySite(source: string, destination: string): Promise<void> {
  await fs.cp(source, destination, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
}

/**
 * Spawns `node dist/electron/cli.cjs serve [site] --no-open` (no `--port`: the server picks a free one) with
 * its own app-data folder and resolves with the address from the first line it prints.
 */
export async function startServer(opts: { siteDir?: string; appDataDir: string; extraEnv?: NodeJS.ProcessEnv }): Promise<RunningServer> {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: build first (npm run build, or npm run test:e2e).`);
  const args = [CLI_PATH, 'serve', ...(opts.siteDir ? [opts.siteDir] : []), '--no-open'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, PRESSROOM_APP_DATA: opts.appDataDir, BROWSER: 'none', ...opts.extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 200_000) stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const firstLine = await new Promise<string>((resolve, reject) => {
    let out = '';
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`pressroom serve printed no address within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    function fail(error: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\nstdout: ${out}\nstderr: ${stderr}`));
    }
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (out.length < 100_000) out += chunk;
      const nl = out.indexOf('\n');
      if (nl !== -1 && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve(out.slice(0, nl).trim());
      }
    });
    child.once('error', (error) => fail(error));
    child.once('exit', (code, signal) => fail(new Error(`pressroom serve exited (code ${code}, signal ${signal}) before printing an address`)));
  });

  let parsed: URL;
  try {
    parsed = new URL(firstLine);
  } catch {
    child.kill('SIGKILL');
    throw new Error(`The first line pressroom serve printed is not an address: ${JSON.stringify(firstLine)}\nstderr: ${stderr}`);
  }
  const token = parsed.searchParams.get('token') ?? '';
  if (!token) {
    child.kill('SIGKILL');
    throw new Error(`The address pressroom serve printed has no token: ${firstLine}`);
  }
  return {
    child,
    url: firstLine,
    origin: parsed.origin,
    token,
    port: Number(parsed.port),
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Starts browser mode on a fresh copy of a site (or on the first screen) and opens it in Chromium. */
export async function startApp(opts: StartAppOptions = {}): Promise<RunningApp> {
  const root = await makeTempDir();
  const appDataDir = path.join(root, 'app-data');
  await fs.mkdir(appDataDir);
  const source = opts.copySample ? SAMPLE_SITE : opts.site;
  let siteDir: string;
  if (source) {
    siteDir = path.join(root, path.basename(path.resolve(source)));
    await copySite(source, siteDir);
    if (opts.prepareSite) await opts.prepareSite(siteDir);
  } else {
    siteDir = path.join(root, 'work');
    await fs.mkdir(siteDir);
  }

  let server: RunningServer | undefined;
  let ownBrowser: Browser | undefined;
  let context: BrowserContext | undefined;
  const cleanup = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    await ownBrowser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await fs.rm(root, { recursive: true, force: true }).catch(() => undefined);
  };

  try {
    server = await startServer({ siteDir: source ? siteDir : undefined, appDataDir, extraEnv: opts.extraEnv });
    const browser = opts.browser ?? (ownBrowser = await launchChromium());
    context = await browser.newContext({
      colorScheme: opts.colorScheme ?? 'light',
      locale: opts.locale ?? 'en-US',
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const dialogs: string[] = [];
    let leaveQuestions = 0;
    page.on('dialog', (dialog) => {
      if (dialog.type() === 'beforeunload') {
        leaveQuestions += 1;
        void dialog.accept().catch(() => undefined);
        return;
      }
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    await page.goto(server.url);
    let running = server;
    const restartServer = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<RunningServer> => {
      const old = running;
      const exited = new Promise<void>((resolve) => (old.child.exitCode !== null || old.child.signalCode !== null ? resolve() : old.child.once('exit', () => resolve())));
      old.child.kill(signal);
      await exited;
      server = running = await startServer({ siteDir: source ? siteDir : undefined, appDataDir, extraEnv: opts.extraEnv });
      return running;
    };
    return {
      page,
      context,
      url: server.url,
      origin: server.origin,
      token: server.token,
      siteDir,
      appDataDir,
      pageErrors,
      dialogs,
      get leaveQuestions() {
        return leaveQuestions;
      },
      restartServer,
      serverLog: () => running.stderr(),
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** A listing of every entry under `dir` with its kind, size and modification time, to prove nothing was written. */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(rel: string): Promise<void> {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const st = await fs.lstat(path.join(dir, childRel));
      if (entry.isDirectory()) {
        out[childRel] = `dir ${st.mtimeMs}`;
        await walk(childRel);
      } else if (entry.isSymbolicLink()) {
        out[childRel] = `link ${await fs.readlink(path.join(dir, childRel))} ${st.mtimeMs}`;
      } else {
        out[childRel] = `file ${st.size} ${st.mtimeMs}`;
      }
    }
  }
  await walk('');
  return out;
}
