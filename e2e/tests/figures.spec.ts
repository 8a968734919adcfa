/**
 * Figures as a press officer brings them into a release (issue #19): a photo dropped on the editor, a picture pasted,
 * one of the site's images picked in the browser, and a hostile file. Each lands (or not) where a user would look:
 * the file in `_assets/images/blog/` with a safe name and a web-sized width, the snippet in the saved post, and the
 * picture loaded in the preview. Nothing is written outside the site.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { REPO_ROOT, type RunningApp, snapshotTree, startApp } from '../harness';
import { EditorPage } from '../pages/editor-page';
import { FigureDialogPage, pageFile } from '../pages/figure-dialog-page';
import { PostListPage } from '../pages/post-list-page';
import { PreviewPage } from '../pages/preview-page';

const SCS_SITE = path.join(__dirname, '..', 'fixtures', 'scs-site');
const RELEASE_TITLE = 'Sovereign Cloud Stack Release 4 is out';
const RELEASE_PATH = '_i18n/en/_posts/2023/2023-03-22-release-4.md';
const BLOG = '_assets/images/blog';
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

sharp.cache(false);

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A 3000 × 2000 photo of noise: several megabytes, so the dialog offers a web copy. */
async function largePhoto(): Promise<Buffer> {
  const width = 3000;
  const height = 2000;
  const raw = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = seed >> 16;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

/** A small PNG: a blue box with an orange bar, easy to recognise in a screenshot. */
async function smallPng(): Promise<Buffer> {
  const bar = await sharp({ create: { width: 320, height: 60, channels: 3, background: '#f08000' } }).png().toBuffer();
  return sharp({ create: { width: 320, height: 200, channels: 3, background: '#1060c0' } })
    .composite([{ input: bar, top: 120, left: 0 }])
    .png()
    .toBuffer();
}

/** Starts the app on a copy of the SCS-like site and opens the Release 4 post with its preview. */
async function openRelease(): Promise<{ a: RunningApp; editor: EditorPage; figures: FigureDialogPage; preview: PreviewPage; post: string }> {
  app = await startApp({ site: SCS_SITE });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.selectLanguage('en');
  await list.openPost(RELEASE_TITLE);
  const editor = new EditorPage(app.page);
  await expect(editor.content).toBeVisible();
  await editor.expectText('Release 4 of the Sovereign Cloud Stack');
  const preview = new PreviewPage(app.page);
  await preview.expectText('Release 4 of the Sovereign Cloud Stack');
  return { a: app, editor, figures: new FigureDialogPage(app.page), preview, post: path.join(app.siteDir, RELEASE_PATH) };
}

/** The files of the site's figure folder, sorted. */
async function blogFiles(siteDir: string): Promise<string[]> {
  return (await fs.readdir(path.join(siteDir, BLOG))).sort();
}

/** Saves and waits until the tab shows no unsaved mark. */
async function saveAndWait(editor: EditorPage): Promise<void> {
  await editor.save();
  await expect(editor.tabList.getByRole('tab', { name: /unsaved changes/ })).toHaveCount(0);
}

/** Where on the editor's text the end of the line holding `text` is (its last row when wrapped), relative to the text's box. */
async function endOfLine(editor: EditorPage, text: string): Promise<{ x: number; y: number }> {
  const line = editor.page.locator('.cm-line', { hasText: text }).first();
  const [lineBox, contentBox] = [await line.boundingBox(), await editor.page.locator('.cm-content').first().boundingBox()];
  if (!lineBox || !contentBox) throw new Error('the editor is not visible');
  return { x: lineBox.x + lineBox.width - 2 - contentBox.x, y: lineBox.y + lineBox.height - 5 - contentBox.y };
}

test('a photo dropped on the editor is named safely, made web-sized, inserted with its alt text and shown in the preview', async () => {
  test.setTimeout(180_000);
  const { a, editor, figures, preview, post } = await openRelease();
  const before = await blogFiles(a.siteDir);
  const photo = await largePhoto();
  expect(photo.length).toBeGreaterThan(1024 * 1024);

  await figures.drop([pageFile('Hafen am Morgen (1).JPG', 'image/jpeg', photo)], await endOfLine(editor, 'is available today.'));
  await figures.expectChecked();
  // The picture itself, its size, and the name it will have in the site.
  expect(await figures.pictureWidth()).toBe(3000);
  await expect(figures.pictureFacts).toContainText('Hafen am Morgen (1).JPG');
  await expect(figures.pictureFacts).toContainText('3,000 × 2,000 pixels');
  await expect(figures.pictureFacts).toContainText(/MB/);
  await expect(figures.fileName).toHaveValue('hafen-am-morgen-1.jpg');
  await expect(figures.dialog).toContainText(`It goes into the folder ${BLOG}`);
  await expect(figures.dialog).toContainText('This picture is large');
  await expect(figures.webCopy).toBeChecked();
  await expect(figures.keepOriginal).not.toBeChecked();
  await expect(figures.alt).toBeFocused();

  // Without alt text nothing goes in, and the dialog says why.
  await figures.insert.click();
  await expect(figures.alt).toHaveAttribute('aria-invalid', 'true');
  await expect(figures.dialog).toContainText('Please describe the picture: people who cannot see it depend on this text.');
  await expect(figures.dialog).toBeVisible();
  expect(await blogFiles(a.siteDir)).toEqual(before);

  const alt = 'Fishing boats in the harbour at sunrise';
  await figures.describe({ alt, caption: 'Morning in the harbour', credit: 'Photo: Jane Doe' });
  await expect(figures.alt).toHaveAttribute('aria-invalid', 'false');
  await fs.mkdir(SHOTS, { recursive: true });
  await figures.dialog.screenshot({ path: path.join(SHOTS, 'figures-drop-dialog.png') });
  await figures.insert.click();
  await expect(figures.dialog).toBeHidden({ timeout: 60_000 });

  // The web copy is in the site's figure folder, no wider than 2,000 px, and nothing else was added.
  expect(await blogFiles(a.siteDir)).toEqual([...before, 'hafen-am-morgen-1.jpg'].sort());
  const meta = await sharp(path.join(a.siteDir, BLOG, 'hafen-am-morgen-1.jpg')).metadata();
  expect(meta.format).toBe('jpeg');
  expect(meta.width).toBeLessThanOrEqual(2000);
  expect(meta.width).toBeGreaterThan(1000);
  expect(Math.round(((meta.height ?? 0) / (meta.width ?? 1)) * 3)).toBe(2);

  // The snippet is in the post where the photo was dropped, after the first paragraph.
  await editor.expectText('blog/hafen-am-morgen-1.jpg');
  await saveAndWait(editor);
  const text = await fs.readFile(post, 'utf8');
  expect(text).toMatch(/\{% asset ['"]blog\/hafen-am-morgen-1\.jpg['"][^%]*alt="Fishing boats in the harbour at sunrise"[^%]*%\}/);
  expect(text).toContain('Morning in the harbour');
  expect(text).toContain('Photo: Jane Doe');
  expect(text.indexOf('hafen-am-morgen-1.jpg')).toBeGreaterThan(text.indexOf('is available today.'));
  expect(text.indexOf('hafen-am-morgen-1.jpg')).toBeLessThan(text.indexOf('Release 4 banner'));

  // The preview shows the new picture, loaded, and no "Image not available".
  const size = await preview.loadedImageSize(`img[alt="${alt}"]`);
  expect(size).toEqual({ width: meta.width, height: meta.height });
  await expect(preview.article).toContainText('Morning in the harbour');
  await expect(preview.brokenImages).toHaveCount(0);
  await expect(preview.problems).toHaveCount(0);
  await preview.article.locator('figcaption', { hasText: 'Morning in the harbour' }).scrollIntoViewIfNeeded();
  await a.page.screenshot({ path: path.join(SHOTS, 'figures-drop-preview.png') });
  expect(a.pageErrors).toEqual([]);
  expect(a.dialogs).toEqual([]);
});

test('a pasted picture opens the dialog; pasting the same picture again reuses the file instead of copying it', async () => {
  test.setTimeout(150_000);
  const { a, editor, figures, preview, post } = await openRelease();
  const png = await smallPng();
  const before = await blogFiles(a.siteDir);

  await editor.cursorToEnd();
  await figures.paste([pageFile('image.png', 'image/png', png)]);
  await figures.expectChecked();
  await expect(figures.pictureFacts).toContainText('320 × 200 pixels');
  await expect(figures.fileName).toHaveValue('image.png');
  await expect(figures.webCopy).toHaveCount(0);
  await expect(figures.reuse).toHaveCount(0);
  await figures.describe({ alt: 'A blue box with an orange bar at the bottom' });
  await figures.insert.click();
  await expect(figures.dialog).toBeHidden({ timeout: 60_000 });
  expect(await blogFiles(a.siteDir)).toEqual([...before, 'image.png'].sort());
  const written = await fs.readFile(path.join(a.siteDir, BLOG, 'image.png'));
  expect(written.equals(png)).toBe(true);
  const firstStat = await fs.stat(path.join(a.siteDir, BLOG, 'image.png'));

  // The same picture again, under another name: the dialog says it is already there and reuses it.
  await editor.cursorToEnd();
  await figures.paste([pageFile('Screenshot 2024-05-01.png', 'image/png', png)]);
  await figures.expectChecked();
  await expect(figures.reuse).toContainText('already in the site');
  await expect(figures.reuse).toContainText('image.png');
  await expect(figures.reuse).toContainText('reused');
  await expect(figures.fileName).toHaveCount(0);
  await figures.describe({ alt: 'The same blue box, once more' });
  await figures.insert.click();
  await expect(figures.dialog).toBeHidden({ timeout: 60_000 });
  expect(await blogFiles(a.siteDir)).toEqual([...before, 'image.png'].sort());
  expect((await fs.stat(path.join(a.siteDir, BLOG, 'image.png'))).mtimeMs).toBe(firstStat.mtimeMs);

  await saveAndWait(editor);
  const text = await fs.readFile(post, 'utf8');
  expect(text.match(/\{% asset ['"]blog\/image\.png['"][^%]*alt="[^"]*"/g)?.length).toBe(2);
  expect(text).toContain('alt="A blue box with an orange bar at the bottom"');
  expect(text).toContain('alt="The same blue box, once more"');
  expect(await preview.loadedImageSize('img[alt="The same blue box, once more"]')).toEqual({ width: 320, height: 200 });
  await expect(preview.brokenImages).toHaveCount(0);
  expect(a.pageErrors).toEqual([]);
});

test('an image of the site is picked in the browser and inserted without copying anything', async () => {
  test.setTimeout(150_000);
  const { a, editor, figures, preview, post } = await openRelease();
  const tree = await snapshotTree(a.siteDir);

  await editor.cursorToEnd();
  await figures.openBrowser();
  // Every image of the fixture, each with a thumbnail that loaded.
  await expect(figures.tile('r3.jpg')).toBeVisible();
  await expect(figures.tile('201001-SCS-4c.png')).toBeVisible();
  const count = await figures.tiles.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) {
    const thumb = figures.tiles.nth(i).locator('img.asset-thumb-image');
    await expect(thumb).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => thumb.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  }
  await expect(figures.tile('r3.jpg')).toContainText('640 × 320 px');
  await figures.browser.screenshot({ path: path.join(SHOTS, 'figures-browser.png') });

  // Search narrows the grid.
  await figures.search.fill('r3');
  await expect(figures.tiles).toHaveCount(1);
  await expect(figures.tile('r3.jpg')).toBeVisible();
  await figures.search.fill('no-such-picture');
  await expect(figures.tiles).toHaveCount(0);
  await expect(figures.browser).toContainText('No image matches “no-such-picture”.');
  await figures.search.fill('blog');
  await expect(figures.tiles).toHaveCount(1);

  await expect(figures.browserInsert).toBeDisabled();
  await figures.tile('r3.jpg').click();
  await expect(figures.browser).toContainText(`Chosen: ${BLOG}/r3.jpg`);
  await figures.browserInsert.click();
  await expect(figures.browser).toBeHidden();

  await expect(figures.dialog).toBeVisible();
  await expect(figures.dialog).toContainText(`${BLOG}/r3.jpg`);
  expect(await figures.pictureWidth()).toBeGreaterThan(0);
  await expect(figures.fileName).toHaveCount(0);
  await figures.describe({ alt: 'The Release 3 banner', caption: 'From the last release' });
  await figures.insert.click();
  await expect(figures.dialog).toBeHidden({ timeout: 60_000 });

  await saveAndWait(editor);
  const text = await fs.readFile(post, 'utf8');
  expect(text).toMatch(/\{% asset ['"]blog\/r3\.jpg['"][^%]*alt="The Release 3 banner"[^%]*%\}/);
  expect(text).toContain('From the last release');
  expect(await preview.loadedImageSize('img[alt="The Release 3 banner"]')).toEqual({ width: 640, height: 320 });
  await expect(preview.brokenImages).toHaveCount(0);

  // Only the post changed: no image written, no thumbnail in the site.
  const after = await snapshotTree(a.siteDir);
  const changed = Object.keys({ ...tree, ...after }).filter((k) => tree[k] !== after[k]);
  expect(changed.filter((k) => !RELEASE_PATH.startsWith(k))).toEqual([]);
  expect(a.pageErrors).toEqual([]);
});

test('a text file named ../../evil.png is refused in plain words and nothing is written anywhere', async () => {
  test.setTimeout(120_000);
  const { a, editor, figures, post } = await openRelease();
  const tempRoot = path.dirname(a.siteDir);
  const siteBefore = await snapshotTree(a.siteDir);
  const outsideBefore = (await fs.readdir(tempRoot)).sort();
  const grandBefore = (await fs.readdir(path.dirname(tempRoot))).filter((n) => /evil/i.test(n));
  const postBefore = await fs.readFile(post, 'utf8');

  const hostile = Buffer.from('#!/bin/sh\necho this is not a picture\nrm -rf ~\n');
  await figures.drop([pageFile('../../evil.png', 'image/png', hostile)], await endOfLine(editor, 'is available today.'));
  await expect(figures.dialog).toBeVisible();
  await expect(figures.error).toBeVisible({ timeout: 60_000 });
  await expect(figures.error).toContainText('This file is not a picture Pressroom can use (JPEG, PNG, GIF, WebP, AVIF or SVG).');
  await expect(figures.insert).toBeDisabled();
  await expect(figures.fileName).toHaveCount(0);
  await figures.dialog.screenshot({ path: path.join(SHOTS, 'figures-hostile-dialog.png') });
  await figures.cancel.click();
  await expect(figures.dialog).toBeHidden();

  // Nothing in the site, nothing beside it, nothing staged in app data, the post untouched.
  expect(await snapshotTree(a.siteDir)).toEqual(siteBefore);
  expect((await fs.readdir(tempRoot)).sort()).toEqual(outsideBefore);
  expect((await fs.readdir(path.dirname(tempRoot))).filter((n) => /evil/i.test(n))).toEqual(grandBefore);
  const everything = Object.keys(await snapshotTree(tempRoot));
  expect(everything.filter((p) => /evil/i.test(p))).toEqual([]);
  await expect(editor.tabList.getByRole('tab', { name: /unsaved changes/ })).toHaveCount(0);
  expect(await fs.readFile(post, 'utf8')).toBe(postBefore);

  // A real picture under the same name: the path is dropped from the name, and it lands in the figure folder only.
  const blogBefore = await blogFiles(a.siteDir);
  await figures.drop([pageFile('../../evil.png', 'image/png', await smallPng())], await endOfLine(editor, 'is available today.'));
  await figures.expectChecked();
  await expect(figures.fileName).toHaveValue('evil.png');
  await figures.describe({ alt: 'A blue box' });
  await figures.insert.click();
  await expect(figures.dialog).toBeHidden({ timeout: 60_000 });
  expect(await blogFiles(a.siteDir)).toEqual([...blogBefore, 'evil.png'].sort());
  expect((await fs.readdir(tempRoot)).sort()).toEqual(outsideBefore);
  expect(Object.keys(await snapshotTree(tempRoot)).filter((p) => /evil/i.test(p))).toEqual([`${path.basename(a.siteDir)}/${BLOG}/evil.png`]);
  expect(a.pageErrors).toEqual([]);
});
