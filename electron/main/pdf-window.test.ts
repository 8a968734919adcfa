import { describe, expect, it } from 'vitest';
import type { PdfPrintOptions } from '../../shared/export/pdf-options';
import { createElectronPdfEngine, type ElectronPrintOptions, PDF_PARTITION, type PdfNavigationEvent, type PdfSessionLike, type PdfWindowLike } from './pdf-window';

const OPTIONS: PdfPrintOptions = { pageSize: 'Letter', margins: { top: 25.4, right: 12.7, bottom: 50.8, left: 12.7 }, headerTemplate: '<div>head</div>', footerTemplate: '<div>foot</div>' };

/** A fake Electron: a session that records its handlers, windows that "load" through the session as Chromium would. */
function fakeElectron() {
  const partitions: string[] = [];
  let protocolHandler: ((request: { url: string; method: string }) => Response | Promise<Response>) | null = null;
  let beforeRequest: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null = null;
  let permissionRequest: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  const session: PdfSessionLike = {
    setPermissionRequestHandler: (h) => void (permissionRequest = h),
    setPermissionCheckHandler: () => undefined,
    protocol: { handle: (scheme, handler) => void (scheme === 'pressroom-export' && (protocolHandler = handler)) },
    webRequest: { onBeforeRequest: (listener) => void (beforeRequest = listener) },
  };
  /** What the session does with a request: the webRequest filter first, then the protocol handler for our scheme. */
  const request = async (url: string): Promise<{ cancelled: boolean; status?: number; body?: string }> => {
    let cancelled = false;
    beforeRequest?.({ url }, (r) => void (cancelled = r.cancel));
    if (cancelled || !url.startsWith('pressroom-export:')) return { cancelled };
    const response = await protocolHandler!({ url, method: 'GET' });
    return { cancelled, status: response.status, body: await response.text() };
  };
  const windows: Array<{ options: unknown; win: PdfWindowLike; listeners: Map<string, (e: PdfNavigationEvent) => void>; printed: ElectronPrintOptions[]; loaded: string[]; served: string[]; destroyed: boolean; openHandler: ((d: { url: string }) => { action: 'deny' }) | null }> = [];
  const log: string[] = [];
  const createWindow = (options: unknown): PdfWindowLike => {
    const record = { options, listeners: new Map(), printed: [] as ElectronPrintOptions[], loaded: [] as string[], served: [] as string[], destroyed: false, openHandler: null } as (typeof windows)[number];
    record.win = {
      webContents: {
        on: (event, listener) => void record.listeners.set(event, listener),
        setWindowOpenHandler: (h) => void (record.openHandler = h),
        async loadURL(url) {
          log.push(`load ${url.slice(0, 27)}`);
          record.loaded.push(url);
          const got = await request(url);
          if (got.cancelled || got.status !== 200) throw new Error(`ERR_FAILED ${url}`);
          record.served.push(got.body!);
        },
        async printToPDF(options) {
          await new Promise((r) => setTimeout(r, 5));
          log.push('print');
          record.printed.push(options);
          return new TextEncoder().encode(`%PDF ${record.served.at(-1)}`);
        },
      },
      isDestroyed: () => record.destroyed,
      destroy: () => void (record.destroyed = true),
    };
    windows.push(record);
    return record.win;
  };
  return {
    deps: { session: () => (partitions.push(PDF_PARTITION), session), createWindow, chromeVersion: '130.0.1', idleMs: 60_000 },
    windows,
    partitions,
    request,
    log,
    permission: (name: string) => new Promise<boolean>((resolve) => permissionRequest!(null, name, resolve)),
  };
}

describe('the Electron PDF engine', () => {
  it('prints in a hidden window without script, in its own session, with the shared options in inches', async () => {
    const fake = fakeElectron();
    const engine = createElectronPdfEngine(fake.deps);
    const pdf = await engine.print('<p>Hello</p>', OPTIONS);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF <p>Hello</p>');
    expect(fake.partitions).toEqual(['pressroom-export']);
    const [w] = fake.windows;
    expect(w.options).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, images: true, spellcheck: false },
    });
    expect(w.loaded[0]).toMatch(/^pressroom-export:\/\/document\/[0-9a-f-]{36}\.html$/);
    expect(w.printed[0]).toEqual({
      pageSize: 'Letter',
      margins: { top: 1, right: 0.5, bottom: 2, left: 0.5 },
      landscape: false,
      displayHeaderFooter: true,
      headerTemplate: '<div>head</div>',
      footerTemplate: '<div>foot</div>',
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      preferCSSPageSize: false,
    });
    expect(engine.browserVersion()).toBe('130.0.1');
    await engine.dispose();
    expect(w.destroyed).toBe(true);
  });

  it('serves the document at its one address only while it prints; every other request is cancelled', async () => {
    const fake = fakeElectron();
    const engine = createElectronPdfEngine(fake.deps);
    await engine.print('<p>One</p>', OPTIONS);
    const docUrl = fake.windows[0].loaded[0];
    expect(await fake.request(docUrl)).toEqual({ cancelled: true });
    for (const url of ['http://127.0.0.1:8080/canary.png', 'https://example.com/a.css', 'file:///etc/passwd', 'pressroom-export://document/other.html']) {
      expect((await fake.request(url)).cancelled).toBe(true);
    }
    expect((await fake.request('data:image/png;base64,iVBORw0KGgo=')).cancelled).toBe(false);
    expect(engine.refused).toContain('http://127.0.0.1:8080/canary.png');
    expect(engine.refused).toContain('file:///etc/passwd');
    await engine.dispose();
  });

  it('refuses navigation, new windows and permissions', async () => {
    const fake = fakeElectron();
    const engine = createElectronPdfEngine(fake.deps);
    await engine.print('<p>x</p>', OPTIONS);
    const [w] = fake.windows;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      w.listeners.get(name)!({ url: 'https://example.com/', preventDefault: () => void (prevented = true) });
      expect(prevented).toBe(true);
    }
    expect(w.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(await fake.permission('media')).toBe(false);
    await engine.dispose();
  });

  it('runs exports one at a time in one kept window, and opens a new one when it was closed', async () => {
    const fake = fakeElectron();
    const engine = createElectronPdfEngine(fake.deps);
    const [a, b] = await Promise.all([engine.print('<p>A</p>', OPTIONS), engine.print('<p>B</p>', OPTIONS)]);
    expect(new TextDecoder().decode(a)).toBe('%PDF <p>A</p>');
    expect(new TextDecoder().decode(b)).toBe('%PDF <p>B</p>');
    expect(fake.log.map((l) => l.split(' ')[0])).toEqual(['load', 'print', 'load', 'print']);
    expect(fake.windows).toHaveLength(1);
    fake.windows[0].win.destroy();
    await engine.print('<p>C</p>', OPTIONS);
    expect(fake.windows).toHaveLength(2);
    expect(fake.partitions).toHaveLength(1);
    await engine.dispose();
  });

  it('by default closes the hidden window after each export, so it never keeps the app from quitting', async () => {
    const fake = fakeElectron();
    const engine = createElectronPdfEngine({ ...fake.deps, idleMs: undefined });
    await Promise.all([engine.print('<p>A</p>', OPTIONS), engine.print('<p>B</p>', OPTIONS)]);
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0].destroyed).toBe(true);
    await engine.print('<p>C</p>', OPTIONS);
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1].destroyed).toBe(true);
  });
});
