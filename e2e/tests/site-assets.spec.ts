/**
 * A real release on a site laid out like the Sovereign Cloud Stack website: its figures come from jekyll-assets'
 * default folders (`_assets/images/`, not listed in `assets.sources`), by file name, by logical path without an
 * extension, and the front matter's `image` heads the article. A press officer sees every picture, never the
 * "Image not available" box, and the preview never asks the network for anything.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningApp, startApp } from '../harness';
import { PostListPage } from '../pages/post-list-page';
import { PreviewPage } from '../pages/preview-page';

const SCS_SITE = path.join(__dirname, '..', 'fixtures', 'scs-site');

let app: RunningApp | undefined;
/** Every request the page made to anywhere but the app's own server (blob: and data: images are local). */
let external: string[] = [];

/** Starts the app on the SCS-like site (optionally changed first), opens a release in `language` and waits for its preview. */
async function openRelease(title: string, shows: string, prepareSite?: (dir: string) => Promise<void>, language = 'en'): Promise<PreviewPage> {
  app = await startApp({ site: SCS_SITE, prepareSite });
  const origin = app.origin;
  app.page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(blob|data):/.test(r.url())) external.push(r.url());
  });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.selectLanguage(language);
  await list.openPost(title);
  const preview = new PreviewPage(app.page);
  await preview.expectText(shows);
  return preview;
}

test.afterEach(async () => {
  await app?.close();
  app = undefined;
  external = [];
});

test('shows the release figure from _assets/images and the page image above the article', async () => {
  const preview = await openRelease('Sovereign Cloud Stack: All good things come in threes', 'Technical highlights in SCS Release 3');

  // The architecture figure: `{% asset '201001-SCS-4c.png' class="figure-img w-100" %}`, file in _assets/images/.
  expect(await preview.loadedImageSize('figure:not(.pr-page-image) img.figure-img')).toEqual({ width: 480, height: 270 });
  // The front matter's `image: "blog/r3.jpg"` (a jekyll-assets path) shown above the body, as the layout does.
  expect(await preview.loadedImageSize('.pr-page-image img')).toEqual({ width: 640, height: 320 });
  await expect(preview.brokenImages).toHaveCount(0);
  await expect(preview.problems).toHaveCount(0);
  await preview.page.screenshot({ path: test.info().outputPath('scs-release-3.png') });
  expect(external).toEqual([]);
  expect(app!.pageErrors).toEqual([]);
});

test('resolves a logical path without extension and keeps processor arguments out of the picture', async () => {
  const preview = await openRelease('Sovereign Cloud Stack Release 4 is out', 'Release 4 of the Sovereign Cloud Stack');

  // `{% asset blog/r3 alt="…" vips:format=".webp" vips:resize="800x" %}`: the one file named r3 in blog/.
  expect(await preview.loadedImageSize('figure img[alt="Release 4 banner"]')).toEqual({ width: 640, height: 320 });
  const attributes = await preview.article
    .locator('figure img[alt="Release 4 banner"]')
    .evaluate((img) => img.getAttributeNames().filter((n) => n.includes(':') || n.startsWith('vips')));
  expect(attributes).toEqual([]);
  // `image: "blog/r3"` heads the article too.
  expect(await preview.loadedImageSize('.pr-page-image img')).toEqual({ width: 640, height: 320 });
  await expect(preview.brokenImages).toHaveCount(0);
});

test('names a page image that does not exist instead of leaving a hole', async () => {
  const preview = await openRelease('Sovereign Cloud Stack Release 4 is out', 'Release 4 of the Sovereign Cloud Stack', async (dir) => {
    const file = path.join(dir, '_i18n/en/_posts/2023/2023-03-22-release-4.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('image: "blog/r3"', 'image: "blog/r9.jpg"'));
  });
  await expect(preview.brokenImages).toHaveCount(1);
  await expect(preview.brokenImages.first()).toContainText('blog/r9.jpg');
  await expect(preview.problems).toContainText('blog/r9.jpg');
});

test('a German release finds the same figure, and a page image given as a site path', async () => {
  const preview = await openRelease('Sovereign Cloud Stack Release 4 ist da', 'Release 4 der Referenzimplementierung', undefined, 'de');
  expect(await preview.loadedImageSize('figure:not(.pr-page-image) img.figure-img')).toEqual({ width: 480, height: 270 });
  // `image: "/assets/img/SCS_logo.png"`: where the site serves it, found in jekyll-assets' default `assets/img`.
  expect(await preview.loadedImageSize('.pr-page-image img')).toEqual({ width: 80, height: 80 });
  await expect(preview.brokenImages).toHaveCount(0);
});
