/**
 * The preview shows hostile posts without running or loading anything: a canary HTTP server that every vector
 * of the hostile preview post points at sees no request while the post is previewed, scrolled and clicked; no
 * dialog opens, nothing sets `window.__pwned`, links never navigate the app. After "Load remote content" the
 * post's web images (and only they) reach the canary, and still nothing runs.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { HOSTILE_SITE, prepareHostileSite } from '../fixtures/hostile-site';
import { HOSTILE_PREVIEW_PATH, HOSTILE_PREVIEW_TITLE, HOSTILE_REMOTE_IMAGES, hostilePreviewPost } from '../fixtures/hostile-preview-post';
import { type RunningApp, startApp } from '../harness';
import { type Canary, startCanary } from '../harness/canary';
import { EditorPage } from '../pages/editor-page';
import { PostListPage } from '../pages/post-list-page';
import { PreviewPage } from '../pages/preview-page';

let app: RunningApp | undefined;
let canary: Canary | undefined;
test.afterEach(async () => {
  await app?.close();
  await canary?.close();
  app = undefined;
  canary = undefined;
});

/** Nothing ran anywhere: no dialog, no `__pwned` in the app or any frame. */
async function expectNothingRan(a: RunningApp): Promise<void> {
  expect(a.dialogs).toEqual([]);
  for (const frame of a.page.frames()) {
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined), frame.url()).toBeUndefined();
  }
}

test('a hostile post in the preview runs nothing and loads nothing until the user allows web images', async () => {
  canary = await startCanary();
  const origin = canary.origin;
  app = await startApp({
    site: HOSTILE_SITE,
    prepareSite: async (dir) => {
      await prepareHostileSite(dir);
      await fs.writeFile(path.join(dir, HOSTILE_PREVIEW_PATH), hostilePreviewPost(origin));
    },
  });
  const page = app.page;
  const list = new PostListPage(page);
  await list.expectLoaded();
  await list.filter('attack vectors');
  await list.openPost(HOSTILE_PREVIEW_TITLE);
  const editor = new EditorPage(page);
  await expect(editor.content).toBeVisible();
  const preview = new PreviewPage(page);

  // The frame is sandboxed without scripts and sends no referrer.
  await expect(preview.frameElement).toHaveAttribute('sandbox', 'allow-same-origin');
  await expect(preview.frameElement).toHaveAttribute('referrerpolicy', 'no-referrer');

  await preview.expectText('The first paragraph is harmless.');
  await preview.expectText('Paragraph 40 of the tail');
  const appUrl = page.url();
  // Frames, media and objects show as notes; a climbing path and refused sources as broken images.
  await expect(preview.article.locator('.pr-embed').first()).toBeVisible();
  await expect(preview.article.locator('.pr-broken-image').first()).toBeVisible();
  await expect(preview.article.locator('.pr-broken-image', { hasText: 'etc/passwd' }).first()).toBeVisible();
  // The SVG asset with a script is shown as a picture (an image never runs its script).
  await expect(preview.article.locator('img[alt="evil svg"]')).toHaveJSProperty('complete', true);
  expect(await preview.article.locator('img[alt="evil svg"]').evaluate((img: HTMLImageElement) => img.src)).toMatch(/^blob:/);
  // The bar offers the web images.
  await expect(preview.loadRemoteButton).toBeVisible();
  await expect(preview.pane.getByRole('status')).toContainText(`${HOSTILE_REMOTE_IMAGES.length} images on the web`);

  // Scrolling the preview and the editor, hovering and clicking around loads nothing.
  await preview.wheel(1500);
  await preview.wheel(-700);
  await editor.content.click();
  await page.keyboard.press('Control+End');
  await page.mouse.move(900, 400);
  await preview.frame.locator('div', { hasText: 'hover me' }).last().hover();
  await preview.frame.locator('summary').first().click();

  // A javascript: link does nothing; the app does not navigate.
  await preview.frame.locator('#js-link').click();
  await preview.frame.locator('text=tab-obfuscated').click();
  await preview.frame.locator('text=data link').click();
  await preview.frame.locator('#site-link').click();
  await page.waitForTimeout(300);
  expect(page.url()).toBe(appUrl);
  expect(page.frames().length).toBe(2);
  expect(await preview.frameElement.evaluate((f: HTMLIFrameElement) => f.contentDocument?.URL)).toBe('about:srcdoc');

  // A web link asks first (the app's link gate) and never pings the canary.
  await preview.frame.locator('#web-link').click();
  const gate = page.getByRole('alertdialog');
  await expect(gate).toContainText(`${origin}/link`);
  await gate.getByRole('button', { name: 'Cancel' }).click();
  await expect(gate).toBeHidden();

  // An in-page footnote link scrolls the frame to the note.
  await preview.frame.locator('a[href="#fn:1"]').first().click();
  await expect(preview.frame.locator('li[id="fn:1"]')).toBeInViewport();

  await page.waitForTimeout(1000);
  expect(canary.requests, 'the canary saw no request before consent').toEqual([]);
  expect(canary.connections, 'nothing even connected to the canary').toBe(0);
  expect(page.url()).toBe(appUrl);
  await expectNothingRan(app);

  // The positive control: after consent the web images load from the canary, and only they.
  await preview.loadRemoteButton.click();
  await expect(preview.loadRemoteButton).toBeHidden();
  await expect.poll(() => canary!.requests.includes('/remote-ok.png'), { timeout: 10_000 }).toBe(true);
  await expect(preview.frame.locator('img[alt="remote image"]')).toHaveJSProperty('naturalWidth', 1);
  await preview.wheel(2000);
  await page.waitForTimeout(500);
  for (const url of canary.requests) expect(HOSTILE_REMOTE_IMAGES, `only web images are requested (${url})`).toContain(url);
  expect(page.url()).toBe(appUrl);
  await expectNothingRan(app);
  expect(app.pageErrors).toEqual([]);
});
