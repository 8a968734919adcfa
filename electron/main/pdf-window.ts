/**
 * The PDF engine of the desktop app: Electron's printToPDF in a hidden window with its own in-memory session,
 * JavaScript off, the document served for exactly one address, and every other request, navigation, window and
 * permission refused. Electron objects are described by minimal interfaces so the tests can pass fakes.
 */
import { randomUUID } from 'node:crypto';
import type { PdfEngine } from '../services/export';
import type { PdfPrintOptions } from '../../shared/export/pdf-options';
import { hardenSession, SECURE_WEB_PREFERENCES, type SessionLike } from './security';

/** The scheme the document is served under, in the export session only. */
export const PDF_SCHEME = 'pressroom-export';
/**
 * The scheme's privileges, registered before ready: `standard` so its URLs are parsed (and compared) like http
 * URLs; `secure` so the document is a secure context. No fetch, no CSP bypass, no service workers, no storage use.
 */
export const PDF_SCHEME_PRIVILEGES = Object.freeze({ standard: true, secure: true });

/** The session's partition: without `persist:` it lives in memory and shares nothing with the app's windows. */
export const PDF_PARTITION = 'pressroom-export';

/** Web preferences of the hidden window: the app windows' locked-down ones, plus no script at all. */
export const PDF_WEB_PREFERENCES = Object.freeze({
  ...SECURE_WEB_PREFERENCES,
  javascript: false,
  images: true,
  backgroundThrottling: false,
} as const);

/** The part of Electron's Session the export uses. */
export interface PdfSessionLike extends SessionLike {
  protocol: { handle(scheme: string, handler: (request: { url: string; method: string }) => Response | Promise<Response>): void };
  webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void };
}

/** What navigation events carry (Electron ≥ 25 puts the url on the event). */
export interface PdfNavigationEvent {
  preventDefault(): void;
  readonly url?: string;
}

/** The options of Electron's printToPDF the export sets (margins in inches). */
export interface ElectronPrintOptions {
  pageSize: 'A4' | 'Letter';
  margins: { top: number; bottom: number; left: number; right: number };
  landscape: false;
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  printBackground: true;
  generateTaggedPDF: true;
  generateDocumentOutline: true;
  preferCSSPageSize: false;
}

/** The part of Electron's BrowserWindow (and its webContents) the export uses. */
export interface PdfWindowLike {
  webContents: {
    on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: PdfNavigationEvent) => void): unknown;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
    loadURL(url: string): Promise<void>;
    printToPDF(options: ElectronPrintOptions): Promise<Uint8Array>;
  };
  isDestroyed(): boolean;
  destroy(): void;
}

/** What the engine needs from Electron (`S` is Electron's Session, which the window's preferences name). */
export interface ElectronPdfDeps<S extends PdfSessionLike> {
  /** `session.fromPartition(PDF_PARTITION)`. */
  session: () => S;
  /** `new BrowserWindow(options)`. */
  createWindow: (options: { show: false; width: number; height: number; paintWhenInitiallyHidden: boolean; webPreferences: typeof PDF_WEB_PREFERENCES & { session: S } }) => PdfWindowLike;
  /** `process.versions.chrome`, for the PDF's producer. */
  chromeVersion: string;
  /**
   * Keeps the hidden window this long after an export (ms) for the next one. Default 0: closed at once, since a
   * hidden window counts as open for Electron ('window-all-closed' would wait for it, 'activate' would not reopen).
   */
  idleMs?: number;
}

const MM_PER_INCH = 25.4;

/** The shared print options as Electron's printToPDF takes them. */
export function electronPrintOptions(options: PdfPrintOptions): ElectronPrintOptions {
  const m = options.margins;
  return {
    pageSize: options.pageSize,
    margins: { top: m.top / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH, left: m.left / MM_PER_INCH, right: m.right / MM_PER_INCH },
    landscape: false,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    printBackground: true,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
    preferCSSPageSize: false,
  };
}

/** Creates the app's PDF engine; the session is set up on the first export, the window kept for the next. */
export function createElectronPdfEngine<S extends PdfSessionLike>(deps: ElectronPdfDeps<S>): PdfEngine & { browserVersion(): string; readonly refused: readonly string[] } {
  const idleMs = deps.idleMs ?? 0;
  const refused: string[] = [];
  let ses: S | null = null;
  let win: PdfWindowLike | null = null;
  let current: { url: string; html: string } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let idleTimer: NodeJS.Timeout | null = null;
  /** Exports queued behind the running one: the window stays open for them. */
  let waiting = 0;

  function sessionNow(): S {
    if (ses) return ses;
    const s = deps.session();
    hardenSession(s);
    s.protocol.handle(PDF_SCHEME, (request) => {
      if (current && request.url === current.url && request.method === 'GET') {
        return new Response(current.html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
      }
      refused.push(request.url);
      return new Response(null, { status: 404 });
    });
    s.webRequest.onBeforeRequest((details, callback) => {
      // The document itself, and the images it carries inline; anything else never leaves.
      const allowed = (current !== null && details.url === current.url) || details.url.startsWith('data:');
      if (!allowed) refused.push(details.url);
      callback({ cancel: !allowed });
    });
    ses = s;
    return s;
  }

  function windowNow(): PdfWindowLike {
    if (win && !win.isDestroyed()) return win;
    const session = sessionNow();
    const w = deps.createWindow({ show: false, width: 794, height: 1123, paintWhenInitiallyHidden: true, webPreferences: { ...PDF_WEB_PREFERENCES, session } });
    const refuse = (event: PdfNavigationEvent) => {
      // The engine loads the document with loadURL, which emits none of these: anything that does is the page's own doing.
      event.preventDefault();
      if (event.url) refused.push(event.url);
    };
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'] as const) w.webContents.on(name, refuse);
    w.webContents.setWindowOpenHandler(({ url }) => {
      refused.push(url);
      return { action: 'deny' };
    });
    win = w;
    return w;
  }

  function close(): void {
    if (win && !win.isDestroyed()) win.destroy();
    win = null;
  }

  async function printOnce(html: string, options: PdfPrintOptions): Promise<Uint8Array> {
    if (idleTimer) clearTimeout(idleTimer);
    const w = windowNow();
    current = { url: `${PDF_SCHEME}://document/${randomUUID()}.html`, html };
    try {
      await w.webContents.loadURL(current.url);
      return await w.webContents.printToPDF(electronPrintOptions(options));
    } finally {
      current = null;
      // Closed before the caller hears of the PDF, unless the window is kept or another export waits for it.
      if (idleMs <= 0 && waiting === 0) close();
    }
  }

  return {
    refused,
    browserVersion: () => deps.chromeVersion,
    print(html, options) {
      waiting++;
      const run = queue.then(() => {
        waiting--;
        return printOnce(html, options);
      });
      queue = run
        .catch(() => undefined)
        .finally(() => {
          if (idleTimer) clearTimeout(idleTimer);
          idleTimer = null;
          if (idleMs <= 0) return;
          idleTimer = setTimeout(close, idleMs);
          idleTimer.unref();
        });
      return run;
    },
    async dispose() {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      await queue.catch(() => undefined);
      close();
    },
  };
}
