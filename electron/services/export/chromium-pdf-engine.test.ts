import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import type { PdfPrintOptions } from '../../../shared/export/pdf-options';
import { createChromiumPdfEngine } from './chromium-pdf-engine';
import { pdfFonts, pdfInfo, pdfText } from './poppler-testing';

const OPTIONS: PdfPrintOptions = {
  pageSize: 'A4',
  margins: { top: 20, right: 15, bottom: 20, left: 15 },
  headerTemplate: '<div style="font-size:8px;width:100%;text-align:center">Header line</div>',
  footerTemplate: '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
};

function doc(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test release</title>${head}</head><body>${body}</body></html>`;
}

/** A server on 127.0.0.1 that records every request: an export must never reach it. */
let canary: http.Server;
let canaryOrigin = '';
const canaryHits: string[] = [];

beforeAll(async () => {
  canary = http.createServer((req, res) => {
    canaryHits.push(`${req.method} ${req.url}`);
    res.end('x');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryOrigin = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => canary.close(resolve));
});

/** The browser processes this test process started (children of it), by pid. */
function browserPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => /chrom/i.test(l))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

describe('the Chromium PDF engine', () => {
  it('prints a document with the header, footer and page size asked for, tagged, fonts embedded', async () => {
    const engine = createChromiumPdfEngine({ idleMs: 0 });
    try {
      const long = Array.from({ length: 60 }, (_, i) => `<p>Paragraph number ${i + 1} of the release.</p>`).join('');
      const a4 = await engine.print(doc(`<h1>Release title</h1>${long}`), OPTIONS);
      const info = pdfInfo(a4);
      expect(info['Page size']).toContain('(A4)');
      expect(Number(info.Pages)).toBeGreaterThanOrEqual(2);
      expect(info.Tagged).toBe('yes');
      const text = pdfText(a4);
      expect(text).toContain('Release title');
      expect(text).toContain('Paragraph number 60 of the release.');
      expect(text).toContain(`Page 1 of ${info.Pages}`);
      expect(text).toContain('Header line');
      const fonts = pdfFonts(a4);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded)).toBe(true);
      const letter = await engine.print(doc('<p>Short</p>'), { ...OPTIONS, pageSize: 'Letter' });
      expect(pdfInfo(letter)['Page size']).toContain('(letter)');
      expect(engine.browserVersion()).toMatch(/^\d+\.\d+/);
    } finally {
      await engine.dispose();
    }
  });

  it('runs no script and lets no request leave: the canary on 127.0.0.1 sees nothing, the route lists what it refused', async () => {
    const engine = createChromiumPdfEngine({ idleMs: 0 });
    try {
      const head = `<link rel="stylesheet" href="${canaryOrigin}/style.css"><style>body{background:url(${canaryOrigin}/bg.png)}</style><meta http-equiv="refresh" content="0;url=${canaryOrigin}/refresh"><link rel="prefetch" href="${canaryOrigin}/prefetch">`;
      const body = `<p>Before the payloads.</p><img src="${canaryOrigin}/img.png" alt=""><iframe src="${canaryOrigin}/frame"></iframe><object data="${canaryOrigin}/object"></object>
        <script>document.body.insertAdjacentHTML('beforeend','<p>SCRIPT RAN</p>'); fetch('${canaryOrigin}/fetch')</script>
        <img src="x" onerror="this.insertAdjacentHTML('afterend','HANDLER RAN')"><a href="file:///etc/passwd">a file link</a><p>After the payloads.</p>`;
      const pdf = await engine.print(doc(body, head), OPTIONS);
      const text = pdfText(pdf);
      expect(text).toContain('Before the payloads.');
      expect(text).toContain('After the payloads.');
      expect(text).not.toContain('SCRIPT RAN');
      expect(text).not.toContain('HANDLER RAN');
      // Give anything that slipped through time to arrive.
      await new Promise((r) => setTimeout(r, 300));
      expect(canaryHits).toEqual([]);
      console.log(`refused by the route: ${engine.aborted.join(', ')}`);
      expect(engine.aborted.length).toBeGreaterThan(0);
      // The document itself was served, never refused; everything it asked for was.
      for (const url of engine.aborted) expect(url).not.toMatch(/\/[0-9a-f-]{36}\.html$/);
      expect(engine.aborted).toContain(`${canaryOrigin}/img.png`);
    } finally {
      await engine.dispose();
    }
  });

  it('keeps the browser for the next export, runs exports one at a time, and closes it on dispose', async () => {
    const engine = createChromiumPdfEngine({ idleMs: 60_000 });
    try {
      const results = await Promise.all([1, 2, 3].map((n) => engine.print(doc(`<p>Document ${n}</p>`), OPTIONS)));
      results.forEach((pdf, i) => expect(pdfText(pdf)).toContain(`Document ${i + 1}`));
      expect(browserPids()).toHaveLength(1);
    } finally {
      await engine.dispose();
    }
    expect(browserPids()).toEqual([]);
  });

  it('starts the browser again after it crashed', async () => {
    const engine = createChromiumPdfEngine({ idleMs: 0 });
    try {
      await engine.print(doc('<p>Before the crash</p>'), OPTIONS);
      const [pid] = browserPids();
      expect(pid).toBeGreaterThan(0);
      process.kill(pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 300));
      const pdf = await engine.print(doc('<p>After the crash</p>'), OPTIONS);
      expect(pdfText(pdf)).toContain('After the crash');
    } finally {
      await engine.dispose();
    }
  });

  it('says which browser could not start', async () => {
    const engine = createChromiumPdfEngine({ executablePath: '/nonexistent/chromium', idleMs: 0 });
    const error = await engine.print(doc('<p>x</p>'), OPTIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).error.code).toBe('no-pdf-engine');
    expect((error as AppFailure).message).toContain('/nonexistent/chromium');
    await engine.dispose();
  });
});
