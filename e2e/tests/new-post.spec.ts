/**
 * A new press release from the dialog. On our bilingual site (releases in `announcements/`, translations paired by
 * file name): both languages ticked, a title each, the release folder and one shared file name shown and written,
 * filled from `.pressroom.yml` without a placeholder. On the sample site: year folders, both files opened in tabs; a
 * second identical attempt says the file exists and overwrites nothing. Screenshots in English and German, light and
 * dark.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BILINGUAL_SITE } from '../fixtures/bilingual-site';
import { REPO_ROOT, type RunningApp, startApp } from '../harness';
import { EditorPage } from '../pages/editor-page';
import { NewPostDialog } from '../pages/new-post-dialog';
import { PostListPage } from '../pages/post-list-page';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const TITLE = 'Kestrel Cloud 2.0: schöner & größer';
const SLUG = 'kestrel-cloud-2-0-schoener-and-groesser';
const EN = `_i18n/en/_posts/2024/2024-09-03-${SLUG}.md`;
const DE = `_i18n/de/_posts/2024/2024-09-03-${SLUG}.md`;
/** What a template must never leave for the user to hunt: placeholders, template syntax, a comment about defaults. */
const PLACEHOLDERS = /\*\*(City|Ort),|(About|Über) Organisation|First Last|Vorname Nachname|_config\.yml|\{\{|\{%/;

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(opts: Parameters<typeof startApp>[0] = {}): Promise<{ a: RunningApp; dialog: NewPostDialog }> {
  app = await startApp({ copySample: true, ...opts });
  await new PostListPage(app.page).expectLoaded();
  return { a: app, dialog: new NewPostDialog(app.page) };
}

test('on a bilingual site: a release in English and German with two titles, in announcements/, under one file name', async () => {
  const { a, dialog } = await start({ copySample: false, site: BILINGUAL_SITE });
  await dialog.open();
  // Every language of the site is ticked, and the category is the site's usual one.
  await expect(dialog.language('English')).toBeChecked();
  await expect(dialog.language('German')).toBeChecked();
  await expect(dialog.category).toHaveValue('release');
  await dialog.titleFor('English').fill('Kestrel Cloud 3.0 is out');
  // The German title follows the English one until it is edited.
  await expect(dialog.titleFor('German')).toHaveValue('Kestrel Cloud 3.0 is out');
  await dialog.titleFor('German').fill('Kestrel Cloud 3.0 ist da');
  await dialog.setDate('2024-11-05');
  const name = '2024-11-05-kestrel-cloud-3-0-is-out.md';
  await expect(dialog.slug).toHaveValue('kestrel-cloud-3-0-is-out');
  await expect(dialog.folderFor('English')).toHaveValue('_i18n/en/_posts/announcements');
  await expect(dialog.folderFor('German')).toHaveValue('_i18n/de/_posts/announcements');
  const en = `_i18n/en/_posts/announcements/${name}`;
  const de = `_i18n/de/_posts/announcements/${name}`;
  await expect(dialog.paths).toHaveText([en, de]);
  await dialog.createButton.click();
  await expect(dialog.dialog).toBeHidden();

  const enText = await fs.readFile(path.join(a.siteDir, en), 'utf8');
  const deText = await fs.readFile(path.join(a.siteDir, de), 'utf8');
  expect(enText).toContain('title: "Kestrel Cloud 3.0 is out"');
  expect(deText).toContain('title: "Kestrel Cloud 3.0 ist da"');
  for (const text of [enText, deText]) {
    expect(text).toContain('category: release');
    expect(text).toMatch(/author:\n\s+- Kestrel Press Team/);
    expect(text).not.toMatch(PLACEHOLDERS);
  }
  // The dateline in each post's own language; the front matter and file name keep the ISO date.
  expect(enText).toContain('**Berlin, 5 November 2024** –');
  expect(deText).toContain('**Berlin, 5. November 2024** –');
  expect(enText).toContain('## About Kestrel Cloud e.V.');
  expect(deText).toContain('## Pressekontakt\n\nPressestelle Kestrel<br>');

  // Both open, each with its own title; the list shows the release once with both languages, German under its own title.
  const editor = new EditorPage(a.page);
  await expect(editor.tab(name)).toHaveCount(2);
  const list = new PostListPage(a.page);
  await expect(list.item('Kestrel Cloud 3.0 is out')).toHaveCount(1);
  expect(await list.chips(list.item('Kestrel Cloud 3.0 is out'))).toEqual(['EN', 'DE']);
  await list.selectLanguage('de');
  await expect(list.item('Kestrel Cloud 3.0 ist da')).toHaveCount(1);
  expect(a.pageErrors).toEqual([]);
});

test('creates the press release in English and German, in their year folders, and opens both', async () => {
  const { a, dialog } = await start();
  await dialog.open();
  await expect(dialog.language('English')).toBeChecked();
  await expect(dialog.language('German')).toBeChecked();
  await dialog.fill({ title: TITLE, date: '2024-09-03', category: 'release', languages: ['English', 'German'] });
  await expect(dialog.slug).toHaveValue(SLUG);
  await expect(dialog.paths).toHaveText([EN, DE]);
  await dialog.title.press('Enter');
  await expect(dialog.dialog).toBeHidden();

  const en = await fs.readFile(path.join(a.siteDir, EN), 'utf8');
  const de = await fs.readFile(path.join(a.siteDir, DE), 'utf8');
  expect(en).toContain(`title: "${TITLE}"`);
  expect(en).toContain('category: release');
  expect(de).toContain(`title: "${TITLE}"`);
  expect(en).not.toMatch(PLACEHOLDERS);
  expect(de).not.toMatch(PLACEHOLDERS);

  const editor = new EditorPage(a.page);
  await expect(editor.tab(`2024-09-03-${SLUG}.md`)).toHaveCount(2);
  await editor.expectText(`title: "${TITLE}"`);
  // One release in the list, in both languages.
  const list = new PostListPage(a.page);
  await expect(list.item(TITLE)).toHaveCount(1);
  expect(await list.chips(list.item(TITLE))).toEqual(['EN', 'DE']);

  // The same again: the file exists, the dialog says so and stays open, nothing is overwritten.
  const before = await fs.readFile(path.join(a.siteDir, EN));
  const stat = await fs.stat(path.join(a.siteDir, EN));
  await dialog.open();
  await dialog.fill({ title: TITLE, date: '2024-09-03', category: 'release', languages: ['English', 'German'] });
  await dialog.createButton.click();
  await expect(dialog.error).toContainText(/exists/);
  await expect(dialog.dialog).toBeVisible();
  await expect(dialog.title).toHaveValue(TITLE);
  expect((await fs.readFile(path.join(a.siteDir, EN))).equals(before)).toBe(true);
  expect((await fs.stat(path.join(a.siteDir, EN))).mtimeMs).toBe(stat.mtimeMs);

  // Escape cancels.
  await a.page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  expect(a.pageErrors).toEqual([]);
});

test('the file name follows the title until it is edited, and a bad one is explained', async () => {
  const { dialog } = await start();
  await dialog.open();
  await dialog.title.fill('Straße für alle');
  await expect(dialog.slug).toHaveValue('strasse-fuer-alle');
  await dialog.slug.fill('street');
  await dialog.title.fill('Something else');
  await expect(dialog.slug).toHaveValue('street');
  await dialog.slug.fill('no/slashes');
  await expect(dialog.dialog).toContainText('Use letters, digits and dashes only.');
  await dialog.language('English').uncheck();
  await dialog.language('German').uncheck();
  await expect(dialog.dialog).toContainText('Choose at least one language.');
});

for (const [locale, scheme] of [
  ['en-US', 'light'],
  ['en-US', 'dark'],
  ['de-DE', 'light'],
] as const) {
  test(`screenshot of the dialog on the bilingual site, ${locale} ${scheme}`, async () => {
    const de = locale === 'de-DE';
    // The server's language (the "system" one) comes first, so German needs a German server locale too.
    const env = de ? { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } : {};
    const a = (app = await startApp({ site: BILINGUAL_SITE, colorScheme: scheme, locale, extraEnv: env }));
    // The button is enabled once the posts are read.
    await a.page.getByRole('button', { name: de ? 'Neue Pressemitteilung' : 'New press release' }).click();
    const dialog = a.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: de ? 'Titel (Englisch)' : 'Title (English)' }).fill('Kestrel Cloud 3.0 is out');
    await dialog.getByRole('textbox', { name: de ? 'Titel (Deutsch)' : 'Title (German)' }).fill('Kestrel Cloud 3.0 ist da');
    await dialog.getByRole('textbox', { name: de ? 'Datum' : 'Date', exact: true }).fill(de ? '05.11.2024' : '2024-11-05');
    await dialog.getByRole('textbox', { name: de ? 'Datum' : 'Date', exact: true }).blur();
    await expect(dialog.getByRole('listitem')).toHaveCount(2);
    await a.page.screenshot({ path: path.join(SHOTS, `new-post-${locale}-${scheme}.png`) });
  });
}
