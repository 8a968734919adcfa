/**
 * Files changed on disk while a site is open, as a user sees them: a post file added by another program (git,
 * a file manager) shows up in the post list by itself, and a post deleted on disk disappears, without a reload.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningApp, startApp } from '../harness';
import { PostListPage } from '../pages/post-list-page';

const POSTS = '_i18n/en/_posts/2024';
const NEW_TITLE = 'Written by another program while Pressroom was open';
const MEMBERS_TITLE = 'Welcome to four new member organisations';
const MEMBERS_PATH = `${POSTS}/2024-06-10-welcome-new-members.md`;
/** The watcher reports within a second; the list then rescans the site once. */
const NOTICED_MS = 3000;

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('a post file added on disk appears in the list, and one deleted on disk disappears', async () => {
  app = await startApp({ copySample: true });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await expect(list.item(NEW_TITLE)).toHaveCount(0);

  await fs.writeFile(path.join(app.siteDir, POSTS, '2024-07-01-written-elsewhere.md'), `---\nlayout: post\ntitle: "${NEW_TITLE}"\ncategory: blog\n---\n\nHello.\n`);
  await expect(list.item(NEW_TITLE)).toHaveCount(1, { timeout: NOTICED_MS });

  await expect(list.item(MEMBERS_TITLE).first()).toBeVisible();
  const before = await list.item(MEMBERS_TITLE).count();
  await fs.unlink(path.join(app.siteDir, MEMBERS_PATH));
  // Its German translation links to the deleted file and shows an error entry or goes too; the English one is gone.
  await expect.poll(() => list.item(MEMBERS_TITLE).count(), { timeout: NOTICED_MS }).toBeLessThan(before);
  expect(app.pageErrors).toEqual([]);
});
