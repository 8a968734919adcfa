// The hostile post exported end to end, as HTML and as PDF through the real Chromium (the command line's run is in
// electron/cli/export-command.test.ts): a canary server on 127.0.0.1 that every payload points at must see nothing, and the text around the
// payloads must survive into the PDF a reader gets.
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PREVIEW_PATH, hostilePreviewPost } from '../../../e2e/fixtures/hostile-preview-post';
import { type ChromiumPdfEngine, createChromiumPdfEngine } from './chromium-pdf-engine';
import { exportPost } from './export-post';
import { copySite, exportSitePost } from './export-site-testing';
import { pdfText } from './poppler-testing';

let server: http.Server;
let canary = '';
const hits: string[] = [];
let base: string;
let root: string;
let out: string;
let text: string;
let engine: ChromiumPdfEngine;
const aborted: string[] = [];

/** The post plus what the fixture lacks for an export: a file: link, a meta refresh and CSS url() outside a style attribute. */
function hostileText(c: string): string {
  return `${hostilePreviewPost(c)}
Extra payloads follow.

<link rel="icon" href="${c}/favicon.ico"><meta http-equiv="refresh" content="1;url=${c}/refresh-two">
<p style="list-style-image: url(${c}/bullet.png); border-image: url(${c}/border.png) 30">Styled paragraph survives.</p>
<a href="file:///etc/shadow">a file link</a> and <img src="file:///etc/hostname" alt="file image">

The last words of the release.
`;
}

/** Waits a moment so a request that slipped out would have reached the canary, then returns what it saw. */
async function canaryAfterAMoment(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return [...hits];
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end('canary');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  canary = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ base, root } = await copySite('e2e/fixtures/hostile-site'));
  out = path.join(base, 'out');
  await fs.mkdir(out);
  text = hostileText(canary);
  await fs.mkdir(path.dirname(path.join(root, HOSTILE_PREVIEW_PATH)), { recursive: true });
  await fs.writeFile(path.join(root, HOSTILE_PREVIEW_PATH), text);
  engine = createChromiumPdfEngine({ idleMs: 0, onAborted: (url) => aborted.push(url) });
});
afterAll(async () => {
  await engine.dispose();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await fs.rm(base, { recursive: true, force: true });
});

describe('a hostile post, exported', () => {
  it('as HTML and as PDF: the canary sees nothing, the route refused nothing but what it lists, the text survives', async () => {
    const doc = await exportSitePost(root, HOSTILE_PREVIEW_PATH, text);
    const source = path.join(root, HOSTILE_PREVIEW_PATH);
    const html = await exportPost({ doc, format: 'html', destination: path.join(out, 'hostile.html'), root, sourcePath: source, pageSize: 'A4' });
    const written = await fs.readFile(html.path, 'utf8');
    // The canary may only be named as text (the notes saying what was left out) and as a link a reader may click.
    expect(written).not.toMatch(new RegExp(`(src|srcset|poster|data|action|background|content)=["']?[^"'>]*${canary.replace(/[.:/]/g, '\\$&')}`, 'i'));
    expect(written).not.toMatch(/url\s*\(/i);
    expect(written).not.toMatch(/file:|<script|<meta http-equiv="refresh"/i);

    const pdf = await exportPost({ doc, format: 'pdf', destination: path.join(out, 'hostile.pdf'), root, sourcePath: source, engine, pageSize: 'Letter' });
    expect(await canaryAfterAMoment()).toEqual([]);
    console.log(`requests the PDF engine refused: ${aborted.length === 0 ? 'none' : aborted.join(', ')}`);
    for (const url of aborted) expect(url).not.toMatch(/^http:\/\/pressroom-export\.invalid\/[0-9a-f-]{36}\.html$/);

    const words = pdfText(await fs.readFile(pdf.path));
    for (const kept of ['The first paragraph is harmless.', 'CSS background', 'Paragraph 40 of the tail', 'The note at the end.', 'Styled paragraph survives.', 'a file link', 'The last words of the release.']) {
      expect(words.replace(/\s+/g, ' ')).toContain(kept);
    }
    expect(words).not.toMatch(/pwned|root:x:0/);
  });

});
