/**
 * Exporting a release as a press officer does (issue #20), in browser mode on a copy of the SCS-like site: the Export
 * menu and dialog write a PDF (A4 for the German release, Letter for the English one) or one standalone HTML file
 * outside the site, with the editor's unsaved text; poppler reads the PDF back as a reader's tools would, the HTML
 * opens offline with nothing requested, an existing file is replaced only when the user says so, and Ctrl+P prints
 * the post alone, without the app around it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Browser, expect, test, type TestInfo } from '@playwright/test';
import { launchChromium, makeTempDir, type RunningApp, snapshotTree, startApp } from '../harness';
import { pagePng, type PdfFacts, pdfLinks, pdfText, readPdf } from '../harness/pdf';
import { EditorPage } from '../pages/editor-page';
import { ExportDialogPage, printCalls, stubPrint } from '../pages/export-dialog-page';
import { PostListPage } from '../pages/post-list-page';

const SCS_SITE = path.join(__dirname, '..', 'fixtures', 'scs-site');
const DE_TITLE = 'Sovereign Cloud Stack Release 4 ist da';
const DE_FILE = '2023-03-22-release-4.md';
const EN_TITLE = 'Sovereign Cloud Stack Release 4 is out';
/** Typed into the German release and never saved: the export must carry it, with its footnote. */
const DE_UNSAVED = 'Die Pressestelle ergänzt diesen ungespeicherten Satz.';
const DE_NOTE = 'Eine Fußnote aus dem Editor.';
const EN_UNSAVED = 'An unsaved line for the HTML export.';

let app: RunningApp;
let out: string;

test.beforeAll(async () => {
  app = await startApp({ site: SCS_SITE });
  out = await makeTempDir('pressroom-export-out-');
  await new PostListPage(app.page).expectLoaded();
  // The browser's print dialog would block the page: record the call instead (the print test reads it). For this
  // page now and any page loaded later.
  await stubPrint(app.page);
});


test.afterAll(async () => {
  await app?.close();
  if (out) await fs.rm(out, { recursive: true, force: true });
});

/** Opens a release of the given language in the editor (a tab already open is just selected). */
async function openRelease(language: 'de' | 'en', title: string): Promise<EditorPage> {
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.selectLanguage(language);
  await list.openPost(title);
  const editor = new EditorPage(app.page);
  await expect(editor.region).toBeVisible();
  await expect(editor.content).toContainText(title);
  return editor;
}

/** Attaches the first page of a PDF as a PNG at 50 dpi, to look at as a reader would. */
async function attachFirstPage(testInfo: TestInfo, file: string, name: string): Promise<void> {
  const png = pagePng(file, 1, 50);
  await testInfo.attach(name, { body: png, contentType: 'image/png' });
  await fs.writeFile(testInfo.outputPath(name), png);
}

/** The PDF's paper is `width` × `height` points within 1.5 pt (device-pixel rounding), and poppler names it `paper`. */
function expectPaper(pdf: PdfFacts, width: number, height: number, paper: string): void {
  expect(Math.abs(pdf.size.width - width), `page width ${pdf.size.width} pt`).toBeLessThan(1.5);
  expect(Math.abs(pdf.size.height - height), `page height ${pdf.size.height} pt`).toBeLessThan(1.5);
  expect(pdf.paper).toBe(paper);
}

/** The text with every run of white space (line breaks of wrapped paragraphs included) as one space. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The page count the dialog reports ("Saved as x.pdf, 2 pages, 120 KB in /tmp/…"). */
function reportedPages(saved: string): number {
  const m = /, (\d+) pages?, /.exec(saved);
  if (!m) throw new Error(`no page count in ${JSON.stringify(saved)}`);
  return Number(m[1]);
}

test('the German release with an unsaved edit exports to an A4 PDF with its text, figure, footnote, metadata and "Seite 1 von N"', async () => {
  const testInfo = test.info();
  const editor = await openRelease('de', DE_TITLE);
  await editor.cursorToEnd();
  await app.page.keyboard.type(`\n\n${DE_UNSAVED}[^1]\n\n[^1]: ${DE_NOTE}\n`);
  await expect(editor.tab(`${DE_FILE}, unsaved changes`)).toBeVisible();

  const exporter = new ExportDialogPage(app.page);
  await exporter.open('pdf');
  await expect(exporter.dialog).toContainText(`Export “${DE_TITLE}”`);
  await expect(exporter.pdf).toBeChecked();
  await exporter.a4.check();
  const saved = await exporter.exportTo(out, 'release-4-de.pdf');
  const file = path.join(out, 'release-4-de.pdf');
  expect(saved).toContain('Saved as release-4-de.pdf');
  expect(saved).toContain(out);
  expect(saved).toMatch(/\d+(\.\d+)?\s(KB|MB)/);
  await expect(exporter.warnings).toHaveCount(0);
  await exporter.close.click();
  await expect(exporter.result).toBeHidden();

  const pdf = readPdf(file);
  const text = flat(pdf.text);
  const pages = reportedPages(saved);
  expect(pdf.pages).toBe(pages);
  // A4 is 595.3 × 841.9 pt; Chromium rounds its paper to whole device pixels (595.9 × 842.9), which poppler still calls A4.
  expectPaper(pdf, 595.3, 841.9, 'A4');
  expect(text).toContain(DE_TITLE);
  expect(text).toContain('Release 4 der Referenzimplementierung von Sovereign Cloud Stack ist ab heute verfügbar.');
  expect(text).toContain(DE_UNSAVED);
  expect(text).toContain('Die Architektur');
  expect(text).toContain(DE_NOTE);
  expect(text).toContain(`Seite 1 von ${pages}`);
  expect(text).not.toContain('Page 1 of');
  // Nothing of the source shows: no front matter, no Liquid.
  expect(text).not.toContain('layout: post');
  expect(text).not.toContain('{%');
  expect(pdf.info.Title).toBe(DE_TITLE);
  expect(pdf.info.Author).toBe('Sovereign Cloud Stack');
  expect(`${pdf.info.Keywords ?? ''}${pdf.info.Subject ?? ''}`.trim()).not.toBe('');
  // The architecture figure (and the page image) are in the PDF as pictures, not links to them.
  expect(pdf.images.filter((i) => i.width >= 100).length).toBeGreaterThanOrEqual(1);
  expect(pdf.fonts.length).toBeGreaterThan(0);
  expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
  // The post itself is untouched: the edit is still unsaved.
  expect(await fs.readFile(path.join(app.siteDir, '_i18n/de/_posts/2023', DE_FILE), 'utf8')).not.toContain(DE_UNSAVED);
  await attachFirstPage(testInfo, file, 'release-4-de-a4-page-1.png');
  expect(app.pageErrors).toEqual([]);
  expect(app.dialogs).toEqual([]);
});

test('the English release exports to a Letter PDF with "Page 1 of N", its figure and its metadata', async () => {
  const testInfo = test.info();
  await openRelease('en', EN_TITLE);
  const exporter = new ExportDialogPage(app.page);
  await exporter.open('pdf');
  await exporter.letter.check();
  const saved = await exporter.exportTo(out, 'release-4-en.pdf');
  await exporter.close.click();
  const file = path.join(out, 'release-4-en.pdf');

  const pdf = readPdf(file);
  const text = flat(pdf.text);
  const pages = reportedPages(saved);
  expect(pdf.pages).toBe(pages);
  expectPaper(pdf, 612, 792, 'letter');
  expect(text).toContain(EN_TITLE);
  expect(text).toContain('Release 4 of the Sovereign Cloud Stack reference implementation is available today.');
  expect(text).toContain('The release banner');
  // The link to the release notes stays clickable on paper.
  expect(await pdfLinks(file)).toContain('https://docs.scs.community/docs/releases/Release4');
  expect(text).toContain(`Page 1 of ${pages}`);
  expect(text).not.toContain('Seite 1 von');
  expect(pdf.info.Title).toBe(EN_TITLE);
  expect(pdf.info.Author).toBe('Sovereign Cloud Stack');
  expect(pdf.images.filter((i) => i.width >= 100).length).toBeGreaterThanOrEqual(1);
  expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
  await attachFirstPage(testInfo, file, 'release-4-en-letter-page-1.png');
  expect(app.pageErrors).toEqual([]);
});

test('the HTML export is one file that opens offline: no script, no handler, images embedded, nothing requested', async () => {
  const editor = await openRelease('en', EN_TITLE);
  await editor.cursorToEnd();
  await app.page.keyboard.type(`\n\n${EN_UNSAVED}\n`);
  const exporter = new ExportDialogPage(app.page);
  await exporter.open('html');
  await expect(exporter.a4).toHaveCount(0);
  const saved = await exporter.exportTo(out, 'release-4-en.html');
  expect(saved).toContain('Saved as release-4-en.html');
  await exporter.close.click();
  const file = path.join(out, 'release-4-en.html');

  const html = await fs.readFile(file, 'utf8');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  const srcs = [...html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]);
  expect(srcs.length).toBeGreaterThanOrEqual(1);
  for (const src of srcs) expect(src.slice(0, 11)).toBe('data:image/');
  expect(html).not.toMatch(/\s(src|srcset|poster|background)\s*=\s*["']?\s*(https?:)?\/\//i);
  expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
  // A link of the post stays a link the reader can follow.
  expect(html).toContain('href="https://docs.scs.community/docs/releases/Release4"');

  // Opened as a reader would, offline: scripts off, every request other than the file itself refused and noted.
  const browser: Browser = await launchChromium();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const fileUrl = `file://${file}`;
    const requested: string[] = [];
    context.on('request', (r) => {
      if (r.url() !== fileUrl && !r.url().startsWith('data:')) requested.push(r.url());
    });
    await context.route('**/*', (route) => {
      if (route.request().url() === fileUrl) return route.continue();
      requested.push(route.request().url());
      return route.abort();
    });
    const reader = await context.newPage();
    await reader.goto(fileUrl);
    await expect(reader.getByRole('heading', { name: EN_TITLE })).toBeVisible();
    await expect(reader.getByText('The release banner')).toBeVisible();
    await expect(reader.getByText(EN_UNSAVED)).toBeVisible();
    await expect(reader.getByRole('link', { name: 'release notes' })).toHaveAttribute('href', 'https://docs.scs.community/docs/releases/Release4');
    const images = reader.locator('img');
    expect(await images.count()).toBe(srcs.length);
    for (const img of await images.all()) {
      await expect(img).toHaveJSProperty('complete', true);
      expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    }
    await reader.waitForTimeout(300);
    expect(requested).toEqual([]);
    await context.close();
  } finally {
    await browser.close();
  }
});

test('exporting over an existing file asks first: Keep it leaves it as it was, Replace writes it; a folder in the site is refused', async () => {
  const editor = await openRelease('de', DE_TITLE);
  const exporter = new ExportDialogPage(app.page);
  await exporter.open('html');
  await exporter.exportTo(out, 'replace-me.html');
  await exporter.close.click();
  const file = path.join(out, 'replace-me.html');
  const first = await fs.readFile(file);
  const firstStat = await fs.stat(file);

  // A new edit, then the same file again: the dialog asks, and "Keep it" writes nothing.
  const second = 'Ein zweiter ungespeicherter Satz.';
  await editor.cursorToEnd();
  await app.page.keyboard.type(`\n${second}\n`);
  await exporter.open('html');
  await exporter.folder.fill(out);
  await exporter.fileName.fill('replace-me.html');
  await exporter.exportButton.click();
  const question = exporter.existsQuestion;
  await expect(question).toContainText(`“replace-me.html” already exists in ${out}.`);
  await expect(exporter.replace).toBeFocused();
  await exporter.keep.click();
  await expect(question).toBeHidden();
  await expect(exporter.fileName).toBeEnabled();
  expect(await fs.readFile(file)).toEqual(first);
  expect((await fs.stat(file)).mtimeMs).toBe(firstStat.mtimeMs);

  // Asked again, "Replace" writes the editor's text now.
  await exporter.exportButton.click();
  await expect(question).toBeVisible();
  await exporter.replace.click();
  await expect(exporter.result).toBeVisible({ timeout: 30_000 });
  await expect(exporter.result).toContainText('Saved as replace-me.html');
  await exporter.close.click();
  expect(await fs.readFile(file, 'utf8')).toContain(second);
  expect(first.toString('utf8')).not.toContain(second);

  // A folder inside the site: refused with the reason, and nothing is written anywhere in the site.
  const before = await snapshotTree(app.siteDir);
  const inside = path.join(app.siteDir, '_i18n');
  await exporter.open('pdf');
  await exporter.folder.fill(inside);
  await exporter.fileName.fill('inside.pdf');
  await exporter.exportButton.click();
  const refusal = exporter.refusal;
  await expect(refusal).toContainText('is inside the site');
  await expect(exporter.dialog).toBeVisible();
  await expect(exporter.result).toBeHidden();
  expect(await snapshotTree(app.siteDir)).toEqual(before);
  await exporter.cancel.click();
  await expect(exporter.dialog).toBeHidden();
  expect(app.dialogs).toEqual([]);
});

test('Ctrl+P prints the post alone, without the app around it, and the print container goes after printing', async () => {
  const testInfo = test.info();
  const editor = await openRelease('de', DE_TITLE);
  await editor.content.click();
  const calls = () => printCalls(app.page);
  const before = await calls();
  const container = app.page.locator('body > .pr-print-root');
  await expect(container).toHaveCount(0);
  await app.page.keyboard.press('Control+P');
  await expect.poll(calls).toBe(before + 1);
  await expect(container).toHaveCount(1);
  await expect(container).toContainText(DE_TITLE);

  // What the browser's print gives: Playwright prints with print media, as the print dialog would.
  const printed = await app.page.pdf({ format: 'A4' });
  const printedFile = testInfo.outputPath('ctrl-p-print.pdf');
  await fs.writeFile(printedFile, printed);
  await attachFirstPage(testInfo, printedFile, 'ctrl-p-print-page-1.png');
  const text = flat(pdfText(printed));
  expect(text).toContain(DE_TITLE);
  expect(text).toContain('Release 4 der Referenzimplementierung von Sovereign Cloud Stack ist ab heute verfügbar.');
  expect(text).toContain('Die Architektur');
  expect(text).not.toMatch(/\bPosts\b/);
  expect(text).not.toMatch(/\bChanges\b/);
  expect(text).not.toContain('Insert figure');
  expect(text).not.toContain('layout: post');
  expect(text).not.toContain('title: ');
  expect(text).not.toContain('{%');

  // Chromium's print ends with `afterprint`, which takes the container away.
  await expect(container).toHaveCount(0);

  // The same with a print dialog that the user closes: the container stays until `afterprint`, then goes.
  await editor.content.click();
  await app.page.keyboard.press('Control+P');
  await expect.poll(calls).toBe(before + 2);
  await expect(container).toHaveCount(1);
  await expect(container).toContainText(DE_TITLE);
  await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(container).toHaveCount(0);
  await expect(editor.content).toBeVisible();
  expect(app.pageErrors).toEqual([]);
  expect(app.dialogs).toEqual([]);
});
