/**
 * The first thing a new user does: open a copy of the sample site, find posts by text, language and category,
 * see which German post is the English file, read a post, and leave the site exactly as it was.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningApp, snapshotTree, startApp } from '../harness';
import { DocumentPage } from '../pages/document-page';
import { PostListPage } from '../pages/post-list-page';
import { WelcomePage } from '../pages/welcome-page';

/** The sample's dated posts: title → date (English and German). */
const DATED: Record<string, string> = {
  'Kestrel Cloud 1.0: an open cloud platform ready for production': '2024-01-18',
  'Save the date: Kestrel Community Summit in Berlin': '2024-02-14',
  'Encryption at rest is now on by default': '2024-03-05',
  'Kestrel Cloud 1.1 brings GPU workloads and faster upgrades': '2024-04-22',
  'Welcome to four new member organisations': '2024-06-10',
  'Kestrel Cloud 1.0: eine offene Cloud-Plattform für den Produktivbetrieb': '2024-01-18',
  'Jetzt vormerken: Kestrel Community Summit in Berlin': '2024-02-14',
  'Kestrel Cloud 1.1 bringt GPU-Workloads und schnellere Updates': '2024-04-22',
};
const GERMAN = [
  'Kestrel Cloud 1.0: eine offene Cloud-Plattform für den Produktivbetrieb',
  'Jetzt vormerken: Kestrel Community Summit in Berlin',
  'Kestrel Cloud 1.1 bringt GPU-Workloads und schnellere Updates',
];
/** The English titles: a release is listed once, under its English title in the English interface. */
const ENGLISH = Object.keys(DATED).filter((t) => !GERMAN.includes(t));
const DRAFT = 'Looking ahead: the road to Kestrel Cloud 2.0';
const SYMLINKED = 'Encryption at rest is now on by default';

/** The dates of the listed posts, top to bottom, for the entries whose title is one of the dated posts. */
async function listedDates(list: PostListPage): Promise<string[]> {
  const texts = await list.itemTexts();
  const dates: string[] = [];
  for (const text of texts) {
    const title = Object.keys(DATED).find((t) => text.includes(t));
    if (title) dates.push(DATED[title]);
  }
  return dates;
}

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('opens a copy of the sample site from the first screen', async () => {
  app = await startApp({});
  const welcome = new WelcomePage(app.page);
  await welcome.expectVisible();
  await welcome.openSample(app.siteDir);

  const list = new PostListPage(app.page);
  await list.expectLoaded();
  // The copy went where the user said, and it is a whole site.
  const created = await fs.readdir(app.siteDir);
  expect(created).toHaveLength(1);
  const copy = path.join(app.siteDir, created[0]);
  await expect(fs.readFile(path.join(copy, '_config.yml'), 'utf8')).resolves.toContain('Kestrel Cloud Newsroom');
  expect(await fs.readlink(path.join(copy, '_i18n/de/_posts/2024/2024-03-05-storage-encryption-default.md'))).toBe(
    '../../../en/_posts/2024/2024-03-05-storage-encryption-default.md',
  );
  for (const title of [...ENGLISH, DRAFT]) await expect(list.item(title).first()).toBeVisible();
  await list.selectLanguage('de');
  for (const title of GERMAN) await expect(list.item(title).first()).toBeVisible();
  expect(app.pageErrors).toEqual([]);
});

test('lists the posts by date, filters by text, language and category, and writes nothing', async () => {
  app = await startApp({ copySample: true });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await expect(list.item('Welcome to four new member organisations').first()).toBeVisible();
  const before = await snapshotTree(app.siteDir);

  // Sorted by date: newest first (or oldest first), never mixed.
  const dates = await listedDates(list);
  // Every dated release once, under its English title, with the languages it has and lacks.
  expect(dates.length).toBe(ENGLISH.length);
  expect(await list.chips(list.item('Kestrel Cloud 1.0: an open cloud platform ready for production'))).toEqual(['EN', 'DE']);
  expect(await list.chips(list.item('Welcome to four new member organisations'))).toEqual(['EN', 'DE missing']);
  expect(await list.chips(list.item(SYMLINKED))).toEqual(['EN', 'DE = EN']);
  const newestFirst = [...dates].sort().reverse();
  const oldestFirst = [...dates].sort();
  expect([newestFirst, oldestFirst]).toContainEqual(dates);

  // Text filter.
  await list.filter('GPU');
  await expect(list.item('Kestrel Cloud 1.1 brings GPU workloads and faster upgrades').first()).toBeVisible();
  await expect(list.item('Welcome to four new member organisations')).toHaveCount(0);
  for (const text of await list.itemTexts()) expect(text.toLowerCase()).toContain('gpu');
  await list.filter('');
  await expect(list.item('Welcome to four new member organisations').first()).toBeVisible();

  // Language filter: German shows the three translations and the symlinked English file, nothing else.
  await list.selectLanguage('de');
  for (const title of GERMAN) await expect(list.item(title).first()).toBeVisible();
  await expect(list.item('Welcome to four new member organisations')).toHaveCount(0);
  await expect(list.items).toHaveCount(GERMAN.length + 1);
  const symlinked = list.item(SYMLINKED).first();
  await expect(symlinked).toBeVisible();
  await expect(symlinked).toContainText('DE = EN');
  await expect(symlinked.getByTitle('German: same text as English')).toBeVisible();
  await list.selectLanguage('en');
  await expect(list.item('Welcome to four new member organisations').first()).toBeVisible();
  for (const title of GERMAN) await expect(list.item(title)).toHaveCount(0);
  // The English file is the original, not a link.
  await expect(list.item(SYMLINKED).first()).not.toContainText('EN = ');
  await list.selectLanguage('');

  // Category filter.
  await list.selectCategory('release');
  await expect(list.item('Kestrel Cloud 1.0: an open cloud platform ready for production').first()).toBeVisible();
  await expect(list.item('Save the date: Kestrel Community Summit in Berlin')).toHaveCount(0);
  await list.selectCategory('');
  await expect(list.item('Save the date: Kestrel Community Summit in Berlin').first()).toBeVisible();

  // Open a post: its text shows.
  await list.openPost('Welcome to four new member organisations');
  await new DocumentPage(app.page).expectText('four organisations joined the project this spring');

  // Browsing wrote nothing into the site (listing, sizes, mtimes, symlinks all as before).
  await app.page.waitForTimeout(500);
  expect(await snapshotTree(app.siteDir)).toEqual(before);
  expect(app.pageErrors).toEqual([]);
});

test('German umlauts and the symlinked post open as text', async () => {
  app = await startApp({ copySample: true });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.selectLanguage('de');
  await list.openPost('Kestrel Cloud 1.0: eine offene Cloud-Plattform für den Produktivbetrieb');
  const doc = new DocumentPage(app.page);
  await doc.expectText('Produktivbetrieb freigegebene Version ihrer quelloffenen Cloud-Plattform');
  await list.openPost(SYMLINKED);
  await doc.expectText('every new volume and every new object storage bucket is');
});
