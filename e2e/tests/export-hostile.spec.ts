/**
 * A hostile post exported and printed as a user would (issue #20): every vector of the hostile preview post, `file:`
 * links and a Liquid include that climbs out of the site point at a canary server on 127.0.0.1 or at the machine's
 * files. Exporting to PDF and to HTML through the dialog and printing with Ctrl+P run nothing in the app, send no
 * request to the canary, read nothing outside the site, name the left-out web images, and keep the text around the
 * payloads.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { HOSTILE_SITE, prepareHostileSite } from '../fixtures/hostile-site';
import { HOSTILE_PREVIEW_PATH, HOSTILE_PREVIEW_TITLE, hostilePreviewPost } from '../fixtures/hostile-preview-post';
import { type Canary, startCanary } from '../harness/canary';
import { makeTempDir, type RunningApp, startApp } from '../harness';
import { pagePng, pdfText, readPdf } from '../harness/pdf';
import { EditorPage } from '../pages/editor-page';
import { ExportDialogPage, printCalls, stubPrint } from '../pages/export-dialog-page';
import { PostListPage } from '../pages/post-list-page';

/** Text before the payloads and at the very end: both must reach every export. */
const FIRST = 'The first paragraph is harmless.';
const LAST = 'Paragraph 40 of the tail, with enough words to take a line or two in the preview.';
/** Web images of the hostile post the export leaves out and names (their paths on the canary). */
const NAMED_IMAGES = ['/remote-ok.png', '/img.png', '/picture-img.png', '/md.png'];
/** What /etc/passwd starts with: never in any export. */
const PASSWD = 'root:x:0:0';
/** How long a late request (a lazy image, a prefetch) gets to reach the canary before the test looks. */
const SETTLE_MS = 500;

let app: RunningApp;
let canary: Canary;
let out: string;

/** The hostile preview post with `file:` links and an include that climbs out of the site, before its long tail. */
function hostilePost(origin: string): string {
  const extra = [
    `File links: [a file link](file:///etc/passwd), <a href="file:///etc/hosts" id="file-anchor">file anchor</a>, <img src="file:///etc/hostname" alt="file image">.`,
    '',
    '{% include ../../../../etc/passwd %}',
    '',
    '',
  ].join('\n');
  return hostilePreviewPost(origin).replace('A long tail so the preview can scroll.', `${extra}A long tail so the preview can scroll.`);
}

test.beforeAll(async () => {
  canary = await startCanary();
  const origin = canary.origin;
  out = await makeTempDir('pressroom-export-hostile-');
  app = await startApp({
    site: HOSTILE_SITE,
    prepareSite: async (dir) => {
      await prepareHostileSite(dir);
      await fs.writeFile(path.join(dir, HOSTILE_PREVIEW_PATH), hostilePost(origin));
    },
  });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.filter('attack vectors');
  await list.openPost(HOSTILE_PREVIEW_TITLE);
  const editor = new EditorPage(app.page);
  await expect(editor.content).toBeVisible();
  await editor.expectText(FIRST);
  await stubPrint(app.page);
});

test.afterAll(async () => {
  await app?.close();
  await canary?.close();
  if (out) await fs.rm(out, { recursive: true, force: true });
});

/** Nothing ran in the app and nothing reached the canary, after a moment for late requests. */
async function expectNothingHappened(): Promise<void> {
  await app.page.waitForTimeout(SETTLE_MS);
  expect(canary.requests).toEqual([]);
  expect(canary.connections).toBe(0);
  for (const frame of app.page.frames()) {
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined), frame.url()).toBeUndefined();
  }
  expect(app.dialogs).toEqual([]);
  expect(app.pageErrors).toEqual([]);
}

/** Exports the open post through the dialog and returns the warnings it lists. */
async function exportThroughDialog(format: 'pdf' | 'html', fileName: string): Promise<string[]> {
  const exporter = new ExportDialogPage(app.page);
  await exporter.open(format);
  await expect(exporter.dialog).toContainText(`Export “${HOSTILE_PREVIEW_TITLE}”`);
  const saved = await exporter.exportTo(out, fileName);
  expect(saved).toContain(`Saved as ${fileName}`);
  const warnings = await exporter.warningTexts();
  await exporter.close.click();
  await expect(exporter.result).toBeHidden();
  return warnings;
}

/** The web images the export left out are each named in a warning. */
function expectWebImagesNamed(warnings: string[]): void {
  for (const image of NAMED_IMAGES) {
    expect(warnings.some((w) => w.startsWith('A web image was left out') && w.includes(`${canary.origin}${image}`)), `a warning names ${image}`).toBe(true);
  }
}

test('the hostile post exports to PDF without a request or a script, names the web images it left out and keeps its text', async () => {
  const warnings = await exportThroughDialog('pdf', 'hostile.pdf');
  expectWebImagesNamed(warnings);
  await expectNothingHappened();

  const file = path.join(out, 'hostile.pdf');
  const pdf = readPdf(file);
  const text = pdf.text.replace(/\s+/g, ' ');
  expect(text).toContain(FIRST);
  expect(text).toContain(LAST);
  // The footnote comes after the last paragraph; every page is numbered out of the total.
  expect(text.indexOf('The note at the end.')).toBeGreaterThan(text.indexOf(LAST));
  expect(pdf.pages).toBeGreaterThan(1);
  for (let n = 1; n <= pdf.pages; n++) expect(text).toContain(`Page ${n} of ${pdf.pages}`);
  // A file: link keeps its words (not its target), and the include is not run.
  expect(text).toContain('File links: a file link, file anchor');
  expect(text).not.toContain(PASSWD);
  expect(text).not.toContain('__pwned');
  const png = test.info().outputPath('hostile-pdf-page-1.png');
  await fs.writeFile(png, pagePng(file, 1, 50));
  await test.info().attach('hostile-pdf-page-1.png', { path: png, contentType: 'image/png' });
});

test('the hostile post exports to HTML with no script, no handler, no web or file reference, and nothing requested', async () => {
  const warnings = await exportThroughDialog('html', 'hostile.html');
  expectWebImagesNamed(warnings);
  await expectNothingHappened();

  const html = await fs.readFile(path.join(out, 'hostile.html'), 'utf8');
  expect(html).toContain(FIRST);
  expect(html).toContain(LAST);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  // The head has only the document's own meta tags (a CSP that refuses everything but data: among them).
  const body = html.slice(html.search(/<body\b/i));
  expect(body).not.toMatch(/<(iframe|object|embed|meta|base|link|form|style)\b/i);
  await fs.writeFile(test.info().outputPath('hostile.html'), html);
  expect(html).not.toMatch(/\s(src|srcset|poster|background|data|action|formaction)\s*=\s*["']?\s*(https?:|file:)?\/\//i);
  expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
  expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*(file|javascript|vbscript):/i);
  for (const src of [...html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1])) expect(src.slice(0, 11)).toBe('data:image/');
  expect(html).not.toContain(PASSWD);
});

test('Ctrl+P prints the hostile post alone without a request or a script, keeping its text', async () => {
  const editor = new EditorPage(app.page);
  await editor.content.click();
  const calls = () => printCalls(app.page);
  const before = await calls();
  await app.page.keyboard.press('Control+P');
  await expect.poll(calls).toBe(before + 1);
  const container = app.page.locator('body > .pr-print-root');
  await expect(container).toContainText(FIRST);
  const printed = await app.page.pdf({ format: 'A4' });
  const text = pdfText(printed).replace(/\s+/g, ' ');
  expect(text).toContain(FIRST);
  expect(text).toContain(LAST);
  expect(text).not.toContain('Insert figure');
  expect(text).not.toContain(PASSWD);
  await expect(container).toHaveCount(0);
  await expectNothingHappened();
});
