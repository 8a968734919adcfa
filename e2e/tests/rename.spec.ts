/**
 * Renaming before the first commit, on our bilingual site kept in git (the fixture committed): a release created in
 * English and German through the dialog takes a new English title in the form; after the save the header and the
 * list show it and the document offers to rename the file; Rename moves both languages together, the tabs follow with
 * their unsaved text and undo (and come back under the new names after a reload), and the old files are gone. A committed release never offers a rename. Screenshots of
 * the offer in the English and German interface.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BILINGUAL_POSTS, BILINGUAL_SITE } from '../fixtures/bilingual-site';
import { makeTempDir, REPO_ROOT, type RunningApp, startApp } from '../harness';
import { git } from '../harness/git-site';
import { DocumentPage } from '../pages/document-page';
import { EditorPage } from '../pages/editor-page';
import { FrontMatterPage } from '../pages/front-matter-page';
import { NewPostDialog } from '../pages/new-post-dialog';
import { PostListPage } from '../pages/post-list-page';
import { RenameOfferPage } from '../pages/rename-offer-page';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const FOLDER = (lang: string) => `_i18n/${lang}/_posts/announcements`;
const OLD_NAME = '2024-11-05-kestrel-cloud-3-0-is-out.md';
const NEW_NAME = '2024-11-05-kestrel-cloud-3-0-goes-live.md';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The copy of the site becomes a repository with everything committed (then `more` adds files nobody committed). */
function committedSite(more?: (siteDir: string) => Promise<void>) {
  return async (siteDir: string) => {
    const home = await makeTempDir('pressroom-rename-home-');
    const run = (...args: string[]) => git(siteDir, args, home);
    await run('init', '--quiet', '--initial-branch=main');
    await run('add', '--all');
    await run('-c', 'user.name=Press Office', '-c', 'user.email=press@example.org', 'commit', '--quiet', '-m', 'The site as published');
    if (more) await more(siteDir);
  };
}

const exists = (file: string) => fs.access(file).then(() => true, () => false);

test('a new release renamed before its first commit: English and German move together, the tabs follow with their unsaved text', async () => {
  const a = (app = await startApp({ site: BILINGUAL_SITE, prepareSite: committedSite() }));
  const list = new PostListPage(a.page);
  await list.expectLoaded();
  const dialog = new NewPostDialog(a.page);
  await dialog.open();
  await dialog.titleFor('English').fill('Kestrel Cloud 3.0 is out');
  await dialog.titleFor('German').fill('Kestrel Cloud 3.0 ist da');
  await dialog.setDate('2024-11-05');
  await expect(dialog.paths).toHaveText([`${FOLDER('en')}/${OLD_NAME}`, `${FOLDER('de')}/${OLD_NAME}`]);
  await dialog.createButton.click();
  await expect(dialog.dialog).toBeHidden();

  const editor = new EditorPage(a.page);
  const doc = new DocumentPage(a.page);
  const offer = new RenameOfferPage(a.page);
  await editor.tab(`EN · ${OLD_NAME}`).click();
  await expect(doc.title).toHaveText('Kestrel Cloud 3.0 is out');
  // Just created: the title gives the name, nothing to offer.
  await expect(offer.offer).toHaveCount(0);

  const form = new FrontMatterPage(a.page);
  await form.open();
  await form.fillText('Title', 'Kestrel Cloud 3.0 goes live');
  await editor.save();
  // The title as saved: in the header and in the list (the German member keeps its own title).
  await expect(doc.title).toHaveText('Kestrel Cloud 3.0 goes live');
  await expect(list.item('Kestrel Cloud 3.0 goes live')).toHaveCount(1);
  await expect(list.item('Kestrel Cloud 3.0 is out')).toHaveCount(0);
  await expect(offer.offer).toBeVisible();
  await expect(offer.offer).toContainText(`${NEW_NAME} — English and German together`);
  await expect(offer.renameButton).toHaveAccessibleName(`Rename the file to ${NEW_NAME}`);
  await a.page.screenshot({ path: path.join(SHOTS, 'rename-offer-en-US-light.png') });

  // Unsaved text typed after the save goes along with the file (the form closed, so the text has the room).
  await form.toggle.click();
  await expect(form.region).toBeHidden();
  await editor.cursorToEnd();
  await a.page.keyboard.insertText('\nA line not saved yet.');
  await expect(editor.tab(`EN · ${OLD_NAME}, unsaved changes`)).toBeVisible();
  await offer.renameButton.click();

  await expect(offer.offer).toHaveCount(0);
  for (const lang of ['en', 'de']) {
    expect(await exists(path.join(a.siteDir, FOLDER(lang), NEW_NAME))).toBe(true);
    expect(await exists(path.join(a.siteDir, FOLDER(lang), OLD_NAME))).toBe(false);
  }
  expect(await fs.readFile(path.join(a.siteDir, FOLDER('de'), NEW_NAME), 'utf8')).toContain('title: "Kestrel Cloud 3.0 ist da"');
  // The tabs carry the new name, the header the new path; the text typed is still there, unsaved, and undo takes it back.
  await expect(editor.tab(`EN · ${NEW_NAME}, unsaved changes`)).toHaveAttribute('aria-selected', 'true');
  await expect(editor.tab(`DE · ${NEW_NAME}`)).toBeVisible();
  await expect(editor.tab(new RegExp(OLD_NAME.replace(/\./g, '\\.')))).toHaveCount(0);
  await expect(a.page.getByRole('main').locator('.document-path')).toHaveText(`${FOLDER('en')}/${NEW_NAME}`);
  await editor.expectText('A line not saved yet.');
  await expect(list.item('Kestrel Cloud 3.0 goes live')).toHaveCount(1);
  await editor.save();
  await expect(editor.tab(`EN · ${NEW_NAME}`)).toBeVisible();
  const saved = await fs.readFile(path.join(a.siteDir, FOLDER('en'), NEW_NAME), 'utf8');
  expect(saved).toContain('title: "Kestrel Cloud 3.0 goes live"');
  expect(saved).toContain('A line not saved yet.');
  expect(await exists(path.join(a.siteDir, FOLDER('en'), OLD_NAME))).toBe(false);
  await editor.content.focus();
  await a.page.keyboard.press('Control+z');
  await expect(editor.content).not.toContainText('A line not saved yet.');
  await expect(editor.tab(`EN · ${NEW_NAME}, unsaved changes`)).toBeVisible();
  // The session follows: after a reload the tabs open again under the new names.
  await editor.save();
  await expect(editor.tab(`EN · ${NEW_NAME}`)).toBeVisible();
  await a.page.waitForTimeout(1000);
  await a.page.reload();
  await expect(editor.tab(`EN · ${NEW_NAME}`)).toBeVisible();
  await expect(editor.tab(`DE · ${NEW_NAME}`)).toBeVisible();
  expect(a.pageErrors).toEqual([]);
});

test('a committed release never offers a rename: its name is its published address', async () => {
  const a = (app = await startApp({ site: BILINGUAL_SITE, prepareSite: committedSite() }));
  const list = new PostListPage(a.page);
  await list.expectLoaded();
  await list.openPost('Kestrel Cloud 2.0 is out', 'en');
  const doc = new DocumentPage(a.page);
  await expect(doc.title).toHaveText('Kestrel Cloud 2.0 is out');
  const form = new FrontMatterPage(a.page);
  await form.open();
  await form.fillText('Title', 'Kestrel Cloud 2.0 brings encryption');
  await new EditorPage(a.page).save();
  await expect(doc.title).toHaveText('Kestrel Cloud 2.0 brings encryption');
  await expect(list.item('Kestrel Cloud 2.0 brings encryption')).toHaveCount(1);
  // Long enough for the git status to be asked and answered.
  await a.page.waitForTimeout(2000);
  await expect(new RenameOfferPage(a.page).offer).toHaveCount(0);
  expect(await exists(path.join(a.siteDir, BILINGUAL_POSTS.launchEn))).toBe(true);
  expect(a.pageErrors).toEqual([]);
});

test('screenshot of the offer in the German interface', async () => {
  const env = { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };
  const release = (title: string) => `---\nlayout: post\ntitle: "${title}"\ncategory: release\n---\nText.\n`;
  const a = (app = await startApp({
    site: BILINGUAL_SITE,
    locale: 'de-DE',
    extraEnv: env,
    prepareSite: committedSite(async (siteDir) => {
      await fs.writeFile(path.join(siteDir, FOLDER('en'), OLD_NAME), release('Kestrel Cloud 3.0 is out'));
      await fs.writeFile(path.join(siteDir, FOLDER('de'), OLD_NAME), release('Kestrel Cloud 3.0 ist da'));
    }),
  }));
  const posts = a.page.getByRole('listbox', { name: 'Beiträge' });
  await expect(posts.getByRole('option').first()).toBeVisible();
  // The English member names the release's file: open it through the language filter.
  await a.page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
  await posts.getByRole('option').filter({ hasText: 'Kestrel Cloud 3.0 is out' }).click();
  const doc = new DocumentPage(a.page);
  await expect(doc.title).toHaveText('Kestrel Cloud 3.0 is out');
  // The title line, changed in the text itself: end of line 3, before the closing quote.
  const content = a.page.getByRole('main').getByRole('textbox').first();
  await content.click();
  await a.page.keyboard.press('Control+Home');
  await a.page.keyboard.press('ArrowDown');
  await a.page.keyboard.press('ArrowDown');
  await a.page.keyboard.press('End');
  await a.page.keyboard.press('ArrowLeft');
  await a.page.keyboard.insertText(' – jetzt live');
  await a.page.keyboard.press('Control+s');
  await expect(doc.title).toHaveText('Kestrel Cloud 3.0 is out – jetzt live');
  const offer = new RenameOfferPage(a.page, 'de');
  await expect(offer.offer).toBeVisible();
  await expect(offer.offer).toContainText('2024-11-05-kestrel-cloud-3-0-is-out-jetzt-live.md — Englisch und Deutsch gemeinsam');
  await expect(offer.keepButton).toBeVisible();
  await a.page.screenshot({ path: path.join(SHOTS, 'rename-offer-de-DE-light.png') });
  // "Namen behalten": the offer goes and the files keep their name.
  await offer.keepButton.click();
  await expect(offer.offer).toHaveCount(0);
  expect(await exists(path.join(a.siteDir, FOLDER('de'), OLD_NAME))).toBe(true);
});
