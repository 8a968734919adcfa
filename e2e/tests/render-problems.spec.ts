/**
 * A quote whose `<cite>` is never closed swallows the rest of the release on the site. The press officer is told
 * where, in words, both in the preview's problem list and by a mark in the editor's gutter on that line; closing
 * the tag makes both go away.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningApp, startApp } from '../harness';
import { PostListPage } from '../pages/post-list-page';
import { PreviewPage } from '../pages/preview-page';

const SCS_SITE = path.join(__dirname, '..', 'fixtures', 'scs-site');
const RELEASE = '_i18n/en/_posts/2022/2022-09-21-all-good-things-come-in-threes.md';
const CITE = 'Peter Ganten, Chairman of the Board of the Open Source Business Alliance e.V.';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('an unclosed <cite> is named on its line in the preview and in the gutter, until it is closed', async () => {
  app = await startApp({
    site: SCS_SITE,
    prepareSite: async (dir) => {
      const file = path.join(dir, RELEASE);
      await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(`${CITE}</cite>`, CITE));
    },
  });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.selectLanguage('en');
  await list.openPost('Sovereign Cloud Stack: All good things come in threes');
  const preview = new PreviewPage(app.page);
  await preview.expectText('Technical highlights in SCS Release 3');

  await expect(preview.problems).toContainText('<cite> opened on line 45 is never closed; everything after it is inside it');
  const editor = app.page.getByRole('region', { name: /^Text of / });
  // The editor draws only the lines in view: scroll down as a reader does until the quote's last line shows.
  const line = editor.locator('.cm-line').filter({ hasText: CITE });
  for (let i = 0; i < 40 && (await line.count()) === 0; i++) await editor.locator('.cm-scroller').evaluate((el) => el.scrollBy(0, 300));
  await line.scrollIntoViewIfNeeded();
  // The gutter mark names the problem on hover (CodeMirror hides its gutters from screen readers; the line's title says it too).
  const marker = editor.getByRole('img', { name: /^Line 45: .*<cite> opened on line 45 is never closed/, includeHidden: true });
  await expect(marker).toHaveCount(1);
  // The mark sits on line 45: the gutter element lines up with the line that holds the cite.
  const [markBox, lineBox] = await Promise.all([marker.boundingBox(), line.boundingBox()]);
  const markMiddle = (markBox?.y ?? 0) + (markBox?.height ?? 0) / 2;
  expect(markMiddle, `mark at ${JSON.stringify(markBox)}, line at ${JSON.stringify(lineBox)}`).toBeGreaterThan(lineBox?.y ?? Infinity);
  expect(markMiddle).toBeLessThan((lineBox?.y ?? 0) + Math.min(lineBox?.height ?? 0, 30));
  await app.page.screenshot({ path: test.info().outputPath('unclosed-cite.png') });

  // Closing the tag clears both.
  await line.click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.type('</cite>');
  await expect(preview.problems).toHaveCount(0);
  await expect(marker).toHaveCount(0);
  expect(app.pageErrors).toEqual([]);
});
