/**
 * Pairs in the post list (issue 21): on our bilingual site a release is listed once with the languages it has and
 * the ones it lacks — the translated launch shows EN and DE, the English-only security update "DE missing", the
 * partner release whose German file is a symlink "DE = EN". A row opens the member in the interface language (German
 * in the German interface), or in the language chosen in the filter. Screenshots of the list in both languages.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BILINGUAL_POSTS, BILINGUAL_SITE } from '../fixtures/bilingual-site';
import { REPO_ROOT, type RunningApp, startApp } from '../harness';
import { PostListPage } from '../pages/post-list-page';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const LAUNCH_EN = 'Kestrel Cloud 2.0 is out';
const LAUNCH_DE = 'Kestrel Cloud 2.0 ist da';
const SECURITY = 'Security update for Kestrel Cloud 2.0';
const PARTNER = 'Kestrel Cloud opens its partner programme';
const BLOG_EN = 'Why open clouds matter';
const BLOG_DE = 'Warum offene Clouds wichtig sind';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('English interface: each release once with its languages; the language filter lists and opens German', async () => {
  app = await startApp({ site: BILINGUAL_SITE });
  const list = new PostListPage(app.page);
  await list.expectLoaded();

  // Four releases (seven files): one row each, in English, newest first.
  await expect(list.items).toHaveCount(4);
  await expect(list.count).toHaveText('4 of 4 releases');
  expect((await list.itemTexts()).map((t) => [SECURITY, PARTNER, LAUNCH_EN, BLOG_EN].find((title) => t.startsWith(title)))).toEqual([SECURITY, PARTNER, LAUNCH_EN, BLOG_EN]);
  await expect(list.item(LAUNCH_DE)).toHaveCount(0);

  expect(await list.chips(list.item(LAUNCH_EN))).toEqual(['EN', 'DE']);
  expect(await list.chips(list.item(SECURITY))).toEqual(['EN', 'DE missing']);
  expect(await list.chips(list.item(PARTNER))).toEqual(['EN', 'DE = EN']);
  await expect(list.item(SECURITY).getByTitle('German: not translated yet')).toHaveText('DE missing');
  await expect(list.item(PARTNER).getByTitle('German: same text as English')).toHaveText('DE = EN');
  // The row is announced by what it shows, chips included.
  await expect(app.page.getByRole('option', { name: /^Security update for Kestrel Cloud 2\.0 .*EN DE missing/ })).toBeVisible();
  // A missing language looks different from a present one: a dashed outline.
  const missingBorder = await list.item(SECURITY).getByText('DE missing').evaluate((el) => getComputedStyle(el).borderTopStyle);
  expect(missingBorder).toBe('dashed');
  await app.page.screenshot({ path: path.join(SHOTS, 'pairs-list-en-light.png') });

  // The row opens the English member, and is the selected one.
  await list.openPost(LAUNCH_EN);
  await expect(app.page.getByRole('textbox', { name: `Text of ${BILINGUAL_POSTS.launchEn}` })).toBeVisible();
  await expect(list.item(LAUNCH_EN)).toHaveAttribute('aria-selected', 'true');

  // German in the filter: the releases that have German, under their German titles; the row opens German.
  await list.selectLanguage('de');
  await expect(list.items).toHaveCount(3);
  await expect(list.count).toHaveText('3 of 4 releases');
  await expect(list.item(SECURITY)).toHaveCount(0);
  await expect(list.item(BLOG_DE)).toHaveCount(1);
  // Still the open release's row, now under its German title.
  await expect(list.item(LAUNCH_DE)).toHaveAttribute('aria-selected', 'true');
  await list.openPost(LAUNCH_DE);
  await expect(app.page.getByRole('textbox', { name: `Text of ${BILINGUAL_POSTS.launchDe}` })).toBeVisible();
  await expect(list.item(LAUNCH_DE)).toHaveAttribute('aria-selected', 'true');

  // English in the filter: the English-only release is back, the German titles are gone.
  await list.selectLanguage('en');
  await expect(list.items).toHaveCount(4);
  await expect(list.item(LAUNCH_EN)).toHaveAttribute('aria-selected', 'true');
  await expect(list.item(BLOG_DE)).toHaveCount(0);
  expect(app.pageErrors).toEqual([]);
});

test('the text filter finds a release by its German title and shows it in the interface language', async () => {
  app = await startApp({ site: BILINGUAL_SITE });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.filter('offene clouds');
  await expect(list.items).toHaveCount(1);
  await expect(list.item(BLOG_EN)).toHaveCount(1);
  await list.selectCategory('release');
  await expect(list.items).toHaveCount(0);
  await list.filter('');
  await expect(list.items).toHaveCount(3);
});

test('German interface: rows show and open the German member, chips in German', async () => {
  app = await startApp({ site: BILINGUAL_SITE, locale: 'de-DE', extraEnv: { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } });
  const list = app.page.getByRole('listbox', { name: 'Beiträge' });
  const rows = list.getByRole('option');
  await expect(rows).toHaveCount(4);
  const row = (title: string) => rows.filter({ hasText: title });
  await expect(app.page.locator('.post-count')).toHaveText('4 von 4 Pressemitteilungen');
  await expect(row(LAUNCH_DE)).toHaveCount(1);
  await expect(row(BLOG_DE)).toHaveCount(1);
  await expect(row(LAUNCH_EN)).toHaveCount(0);
  // A release without German shows its English member, and says German is missing.
  await expect(row(SECURITY).getByTitle('Deutsch: noch nicht übersetzt')).toHaveText('DE fehlt');
  await expect(row(PARTNER).getByTitle('Deutsch: derselbe Text wie Englisch')).toHaveText('DE = EN');
  await app.page.screenshot({ path: path.join(SHOTS, 'pairs-list-de-light.png') });

  await row(LAUNCH_DE).click();
  await expect(app.page.getByRole('textbox', { name: `Text von ${BILINGUAL_POSTS.launchDe}` })).toBeVisible();
  await expect(row(LAUNCH_DE)).toHaveAttribute('aria-selected', 'true');
  await row(SECURITY).click();
  await expect(app.page.getByRole('textbox', { name: `Text von ${BILINGUAL_POSTS.securityEn}` })).toBeVisible();
  expect(app.pageErrors).toEqual([]);
});
