/**
 * Releases as pairs (issue 21): a release's translation opens side by side with it as a second editor that saves to
 * its own file, the two scroll together by heading, a missing translation is added from the header, and a symlinked
 * one ("same text as English") becomes a real copy to translate after the user agrees. Shot in both interface languages.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT, type RunningApp, startApp } from '../harness';
import { a11yViolations } from '../harness/axe';
import { BILINGUAL_POSTS, BILINGUAL_SITE } from '../fixtures/bilingual-site';
import { EditorPage } from '../pages/editor-page';
import { PostListPage } from '../pages/post-list-page';
import { TranslationsPage } from '../pages/translations-page';
import { de } from '../../renderer/i18n/de';
import { en } from '../../renderer/i18n/en';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const LAUNCH = 'Kestrel Cloud 2.0 is out';
const LAUNCH_DE = 'Kestrel Cloud 2.0 ist da';

test.describe.configure({ timeout: 120_000 });

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

const read = (rel: string) => fs.readFile(path.join(app!.siteDir, rel), 'utf8');

/** Makes both sides of the launch release long, their sections of different lengths (German runs longer first, then shorter). */
async function lengthen(siteDir: string): Promise<void> {
  const para = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word} ${i + 1}.\n`).join('\n');
  const grow = async (rel: string, first: string, second: string, a: number, b: number) => {
    const file = path.join(siteDir, rel);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace(`\n${second}\n`, `\n${para(first, a)}\n${second}\n`) + `\n${para(first, b)}`);
  };
  await grow(BILINGUAL_POSTS.launchEn, 'More news', '## About Kestrel Cloud e.V.', 15, 40);
  await grow(BILINGUAL_POSTS.launchDe, 'Mehr Neues', '## Über Kestrel Cloud e.V.', 45, 25);
}

/** Opens the launch release: in the English interface its English member, in the German one its German member (the list shows the interface language's). */
async function openLaunch(lang: 'en' | 'de' = 'en'): Promise<{ list: PostListPage; editor: EditorPage; pairs: TranslationsPage }> {
  app = await startApp({
    site: BILINGUAL_SITE,
    prepareSite: lengthen,
    ...(lang === 'de' ? { locale: 'de-DE', extraEnv: { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } } : { locale: 'en-US' }),
  });
  const t = lang === 'de' ? de : en;
  const list = new PostListPage(app.page);
  await expect(app.page.getByRole('listbox', { name: t['posts.list'] }).getByRole('option').first()).toBeVisible();
  await app.page.getByRole('listbox', { name: t['posts.list'] }).getByRole('option', { name: lang === 'de' ? LAUNCH_DE : LAUNCH }).first().click();
  const editor = new EditorPage(app.page);
  const open = lang === 'de' ? BILINGUAL_POSTS.launchDe : BILINGUAL_POSTS.launchEn;
  await expect(app.page.getByRole('textbox', { name: t['document.text'].replace('{path}', open) })).toContainText('Kestrel Cloud 2.0');
  return { list, editor, pairs: new TranslationsPage(app.page, t) };
}

test('a release and its translation side by side: typing and saving in the German editor writes only the German file', async () => {
  const { editor, pairs } = await openLaunch();
  const english = await read(BILINGUAL_POSTS.launchEn);
  const toggle = pairs.sideBySideButton('German');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const side = pairs.side('German', 'English');
  await expect(side).toContainText(BILINGUAL_POSTS.launchDe);
  await expect(pairs.sideText('German', 'English')).toContainText('Kestrel Cloud 2.0 ist da');
  // The German post is a tab of its own, behind the English one, which stays in front.
  await expect(editor.tab(/2024-03-12-kestrel-cloud-2-0\.md/)).toHaveCount(2);
  await expect(editor.tabList.getByRole('tab', { selected: true })).toHaveCount(1);
  await expect(app!.page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(LAUNCH);

  await pairs.sideText('German', 'English').click();
  await app!.page.keyboard.press('Control+End');
  await app!.page.keyboard.type('Neuer Satz auf Deutsch.');
  await expect(side).toContainText(en['pairs.unsaved']);
  // Only the German tab is marked unsaved.
  await expect(editor.tab(/unsaved changes/)).toHaveCount(1);
  await expect(editor.saveButton).toBeDisabled(); // the English post has nothing unsaved
  await app!.page.keyboard.press('Control+s');
  await expect(side).not.toContainText(en['pairs.unsaved']);
  await expect(editor.tab(/unsaved changes/)).toHaveCount(0);
  await expect.poll(() => read(BILINGUAL_POSTS.launchDe)).toContain('Neuer Satz auf Deutsch.');
  expect(await read(BILINGUAL_POSTS.launchEn)).toBe(english);
  await expect(editor.content).not.toContainText('Neuer Satz');

  // Back to the preview.
  await side.getByRole('button', { name: en['pairs.showPreview'] }).click();
  await expect(side).toBeHidden();
  await expect(app!.page.locator('iframe').contentFrame().locator('#pr-article')).toContainText('Kestrel Cloud 2.0');
  expect(app!.pageErrors).toEqual([]);
});

test('a German file changed on disk while it has unsaved text beside the English: the pane says so and leads to its tab', async () => {
  const { editor, pairs } = await openLaunch();
  await pairs.sideBySideButton('German').click();
  const side = pairs.side('German', 'English');
  await pairs.sideText('German', 'English').click();
  await app!.page.keyboard.press('Control+End');
  await app!.page.keyboard.type('Meine Änderung.');
  await fs.writeFile(path.join(app!.siteDir, BILINGUAL_POSTS.launchDe), 'Jemand anderes war schneller.\n');
  await expect(side.getByRole('alert')).toContainText('The German file changed on disk');
  await side.getByRole('button', { name: en['pairs.goToTab'] }).click();
  // The German tab is in front with the usual choices; the English one is beside it now.
  await expect(app!.page.getByRole('main').locator('.document-head .document-path')).toHaveText(BILINGUAL_POSTS.launchDe);
  await expect(editor.banner(/changed on disk/)).toBeVisible();
  await expect(pairs.side('English', 'German')).toBeVisible();
  expect(app!.pageErrors).toEqual([]);
});

test('scrolling the English to its second heading shows the German at its second heading', async () => {
  const { editor, pairs } = await openLaunch();
  await pairs.sideBySideButton('German').click();
  const german = pairs.side('German', 'English');
  await expect(pairs.sideText('German', 'English')).toContainText('Kestrel Cloud 2.0 ist da');
  await pairs.scrollLineToTop(editor.region, '## About Kestrel Cloud e.V.');
  await expect.poll(() => pairs.lineOffset(german, '## Über Kestrel Cloud e.V.').catch(() => 9999)).toBeLessThan(40);
  expect(await pairs.lineOffset(german, '## Über Kestrel Cloud e.V.')).toBeGreaterThanOrEqual(-5);
  // And the other way: the German back to its first heading brings the English to its first.
  await pairs.scrollLineToTop(german, '## Was neu ist', 'up');
  await expect.poll(() => pairs.lineOffset(editor.region, '## What is new').catch(() => 9999)).toBeLessThan(40);
  expect(app!.pageErrors).toEqual([]);
});

/** Gives the English-only release a date and an image in its front matter, so the translation has them to copy. */
async function illustrate(siteDir: string): Promise<void> {
  const file = path.join(siteDir, BILINGUAL_POSTS.securityEn);
  const text = await fs.readFile(file, 'utf8');
  await fs.writeFile(file, text.replace('category: release\n', 'category: release\ndate: 2024-09-10 09:00:00 +0200\nimage: "blog/security.jpg"\n'));
}

test('Add translation creates the German file of an English-only release with the same date, category and image', async () => {
  app = await startApp({ site: BILINGUAL_SITE, locale: 'en-US', prepareSite: illustrate });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.openPost('Security update for Kestrel Cloud 2.0');
  const pairs = new TranslationsPage(app.page);
  const target = BILINGUAL_POSTS.securityEn.replace('_i18n/en/', '_i18n/de/');
  await pairs.addButton('German').click();
  await expect(pairs.side('German', 'English')).toContainText(target);
  const german = await read(target);
  const english = await read(BILINGUAL_POSTS.securityEn);
  const field = (text: string, name: string) => new RegExp(`^${name}:.*$`, 'm').exec(text)?.[0] ?? null;
  expect(field(english, 'image')).toBe('image: "blog/security.jpg"');
  expect(field(german, 'category')).toBe(field(english, 'category'));
  expect(field(german, 'image')).toBe(field(english, 'image'));
  expect(field(german, 'date')).toBe(field(english, 'date'));
  expect(path.basename(target)).toBe(path.basename(BILINGUAL_POSTS.securityEn));
  // The list now shows German for the release, and the row offers it side by side.
  await expect(pairs.sideBySideButton('German')).toHaveAttribute('aria-pressed', 'true');
  expect(app.pageErrors).toEqual([]);
});

test('Translate… replaces the symlinked German page with a real copy after asking, and leaves the English file alone', async () => {
  app = await startApp({ site: BILINGUAL_SITE, locale: 'en-US' });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.openPost('Kestrel Cloud opens its partner programme');
  const pairs = new TranslationsPage(app.page);
  const english = await read(BILINGUAL_POSTS.partnerEn);
  expect((await fs.lstat(path.join(app.siteDir, BILINGUAL_POSTS.partnerDeLink))).isSymbolicLink()).toBe(true);
  await expect(pairs.row).toContainText('German: same text as English');

  // Cancel first: nothing changes.
  await pairs.translateButton('German').click();
  await expect(pairs.translateQuestion).toContainText('The German page will no longer follow the English text');
  await pairs.translateQuestion.getByRole('button', { name: en['pairs.cancel'] }).click();
  expect((await fs.lstat(path.join(app.siteDir, BILINGUAL_POSTS.partnerDeLink))).isSymbolicLink()).toBe(true);

  await pairs.translateButton('German').click();
  await expect(pairs.translateQuestion).toBeVisible();
  await app.page.screenshot({ path: path.join(SHOTS, 'translations-translate-question-en.png') });
  await pairs.confirmTranslate();
  await expect.poll(async () => (await fs.lstat(path.join(app!.siteDir, BILINGUAL_POSTS.partnerDeLink))).isFile()).toBe(true);
  expect(await read(BILINGUAL_POSTS.partnerDeLink)).toBe(english);
  expect(await read(BILINGUAL_POSTS.partnerEn)).toBe(english);
  // The copy opens beside the English text, ready to translate.
  await expect(pairs.sideText('German', 'English')).toContainText('Hosting companies can now join');
  await expect(pairs.sideBySideButton('German')).toHaveAttribute('aria-pressed', 'true');
  expect(app.pageErrors).toEqual([]);
});

for (const lang of ['en', 'de'] as const) {
  test(`screenshot: side by side in the ${lang === 'en' ? 'English' : 'German'} interface`, async () => {
    const { pairs } = await openLaunch(lang);
    // The German interface opens the German member: the English is beside it.
    const [other, open, text] = lang === 'de' ? ['Englisch', 'Deutsch', LAUNCH] : ['German', 'English', LAUNCH_DE];
    await pairs.sideBySideButton(other).click();
    await expect(pairs.sideText(other, open)).toContainText(text);
    await app!.page.screenshot({ path: path.join(SHOTS, `translations-side-by-side-${lang}.png`) });
    // Two editors, the translations row and the pane's heading and buttons: nothing serious for assistive technology.
    expect(await a11yViolations(app!.page)).toEqual([]);
    expect(app!.pageErrors).toEqual([]);
  });
}
