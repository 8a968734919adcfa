/**
 * The PDF engine where Electron is absent (browser mode, the CLI, the e2e harness): the machine's Chromium driven
 * by playwright-core, JavaScript off, and every request except the document itself refused at the browser level.
 * The browser is started on first use and kept warm for the next export; one export runs at a time.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppFailure, messageOf } from '../../../shared/contract/errors';
import type { PdfPrintOptions } from '../../../shared/export/pdf-options';
import { requireChromium } from './find-chromium';
import type { PdfEngine } from './pdf-engine';

/** Flags for a quiet, inert browser: nothing phones home, nothing resolves a host name (the route refuses first; this is belt and braces). */
export const PDF_CHROMIUM_ARGS = [
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-quic',
  '--dns-prefetch-disable',
  '--metrics-recording-only',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=http://0.0.0.0:9',
  '--proxy-bypass-list=<-loopback>',
];

/** Where the document is served from: a made-up origin under `.invalid`, which no resolver answers. */
export const EXPORT_ORIGIN = 'http://pressroom-export.invalid';

/** How an engine is set up; every field has a default for the real thing. */
export interface ChromiumPdfEngineOptions {
  /** The browser's executable; by default the one `requireChromium('pdf')` finds (when the first export starts). */
  executablePath?: string;
  /** Closes the browser after this long without an export (ms); 0 keeps it until `dispose`. Default 60 s. */
  idleMs?: number;
  /** Told about every request the engine refused (tests list them; none is expected from an export's document). */
  onAborted?: (url: string) => void;
}

/** A PdfEngine over a system Chromium, with what tests and the producer string want to know. */
export interface ChromiumPdfEngine extends PdfEngine {
  /** The version of the running (or last run) browser, e.g. "156.0.8078.114"; '' before the first export. */
  browserVersion(): string;
  /** Starts the browser and opens a page in the background, so the first export does not wait for either (the CLI calls it first). */
  prepare(): void;
  /** Every URL refused since the engine was made, in order. */
  readonly aborted: readonly string[];
}

/** One export's browser context, its page and the one URL its route serves. */
interface Slot {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  docUrl: string;
  html: string | null;
}

/** Whether Chromium's sandbox must be off: as root on Linux it refuses to start otherwise (containers, CI). */
function sandboxOff(): boolean {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Creates the engine; nothing starts until the first `print`. */
export function createChromiumPdfEngine(opts: ChromiumPdfEngineOptions = {}): ChromiumPdfEngine {
  const idleMs = opts.idleMs ?? 60_000;
  const aborted: string[] = [];
  let browser: Promise<Browser> | null = null;
  let current: Browser | null = null;
  let version = '';
  let queue: Promise<unknown> = Promise.resolve();
  let idleTimer: NodeJS.Timeout | null = null;
  let noSandbox = sandboxOff();
  let spare: Promise<Slot> | null = null;

  async function launch(): Promise<Browser> {
    const executablePath = opts.executablePath ?? requireChromium('pdf');
    // Loaded on the first PDF only: hosts that never print (most runs of the CLI, the app's start) skip it.
    const { chromium } = await import('playwright-core');
    // Without a sandbox the renderer process protects nothing the browser process does not, so it runs inside it:
    // that saves starting a renderer (about half of a one-off export's time). With a sandbox, it stays separate.
    const start = (sandbox: boolean) =>
      chromium.launch({ executablePath, headless: true, args: sandbox ? PDF_CHROMIUM_ARGS : [...PDF_CHROMIUM_ARGS, '--single-process'], chromiumSandbox: sandbox, timeout: 30_000 });
    let launched: Browser;
    try {
      launched = await start(!noSandbox);
    } catch (error) {
      // A Linux without user namespaces (some containers) cannot give Chromium its sandbox: the document runs no
      // script and loads nothing, so printing without it is still safe.
      if (noSandbox || !/sandbox/i.test(messageOf(error))) throw new AppFailure('no-pdf-engine', `The browser at ${executablePath} could not start: ${firstLine(error)}`, { path: executablePath });
      noSandbox = true;
      launched = await start(false).catch((again: unknown) => {
        throw new AppFailure('no-pdf-engine', `The browser at ${executablePath} could not start: ${firstLine(again)}`, { path: executablePath });
      });
    }
    version = launched.version();
    launched.on('disconnected', () => {
      // A crashed or closed browser is started again by the next export.
      if (current === launched) browser = null;
    });
    current = launched;
    return launched;
  }

  function browserNow(): Promise<Browser> {
    if (current && !current.isConnected()) browser = null;
    if (!browser) {
      const launching = launch();
      browser = launching;
      launching.catch(() => {
        if (browser === launching) browser = null;
      });
    }
    return browser;
  }

  async function close(): Promise<void> {
    const slot = spare;
    const closing = browser;
    spare = null;
    browser = null;
    current = null;
    if (slot) await slot.then((s) => s.context.close()).catch(() => undefined);
    if (!closing) return;
    const b = await closing.catch(() => null);
    await b?.close().catch(() => undefined);
  }

  function armIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (idleMs <= 0) return;
    idleTimer = setTimeout(() => void close(), idleMs);
    idleTimer.unref();
  }

  /** A context with its route and an open page, ready for one document: opening the page is most of an export's time. */
  async function makeSlot(b: Browser): Promise<Slot> {
    const context = await b.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false, offline: true });
    const slot: Slot = { browser: b, context, page: null as unknown as Page, docUrl: `${EXPORT_ORIGIN}/${randomUUID()}.html`, html: null };
    try {
      await context.route('**/*', async (route) => {
        const request = route.request();
        if (request.url() === slot.docUrl && request.method() === 'GET' && slot.html !== null) {
          await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: slot.html });
          return;
        }
        aborted.push(request.url());
        opts.onAborted?.(request.url());
        await route.abort('blockedbyclient');
      });
      slot.page = await context.newPage();
      // A new window (a target=_blank link cannot open one without script, but to be sure) is closed at once.
      context.on('page', (other) => {
        if (other !== slot.page) void other.close();
      });
      return slot;
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  /** The prepared slot when its browser still runs, else a new one. */
  async function takeSlot(): Promise<Slot> {
    const ready = spare ? await spare.catch(() => null) : null;
    spare = null;
    if (ready && ready.browser.isConnected() && ready.browser === current) return ready;
    if (ready) await ready.context.close().catch(() => undefined);
    return makeSlot(await browserNow());
  }

  async function printOnce(html: string, options: PdfPrintOptions): Promise<Uint8Array> {
    if (idleTimer) clearTimeout(idleTimer);
    const slot = await takeSlot();
    let reusable = false;
    try {
      slot.html = html;
      await slot.page.goto(slot.docUrl, { waitUntil: 'load', timeout: 60_000 });
      const m = options.margins;
      const pdf = await slot.page.pdf({
        format: options.pageSize,
        margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        printBackground: true,
        tagged: true,
        outline: true,
        preferCSSPageSize: false,
      });
      reusable = true;
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      slot.html = null;
      if (reusable && !spare && slot.browser === current && slot.browser.isConnected()) {
        // The page is kept for the next export under a new address (a page costs more to open than to reuse;
        // the document loaded nothing and ran nothing, so it leaves nothing behind).
        slot.docUrl = `${EXPORT_ORIGIN}/${randomUUID()}.html`;
        spare = Promise.resolve(slot);
      } else {
        await slot.context.close().catch(() => undefined);
      }
    }
  }

  /** Starts the browser and opens the next export's page ahead of time. */
  function prepare(): void {
    if (spare) return;
    const made = browserNow().then(makeSlot);
    made.catch(() => undefined);
    spare = made;
  }

  return {
    aborted,
    browserVersion: () => version,
    prepare,
    print(html, options) {
      const run = queue.then(() => printOnce(html, options));
      queue = run
        .catch(() => undefined)
        .finally(armIdle);
      return run;
    },
    async dispose() {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      await queue.catch(() => undefined);
      await close();
    },
  };
}

function firstLine(error: unknown): string {
  return messageOf(error).split('\n').find((l) => l.trim() !== '')?.trim() ?? 'unknown error';
}
