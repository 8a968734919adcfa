/**
 * A new press release from the dialog: English and German at once, each file in its language's folder from the
 * template, both opened in tabs; a second identical attempt says the file exists and overwrites nothing.
 * Screenshots of the dialog in light and dark.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT, type RunningApp, startApp } from '../harness';
import { EditorPage } from '../pages/editor-page';
import { NewPostDialog } from '../pages/new-post-dialog';
import { PostListPage } from '../pages/post-list-page';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const TITLE = 'Kestrel Cloud 2.0: schöner & größer';
const SLUG = 'kestrel-cloud-2-0-schoener-and-groesser';
const EN = `_i18n/en/_posts/2024/2024-09-03-${SLUG}.md`;
const DE = `_i18n/de/_posts/2024/2024-09-03-${SLUG}.md`;

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

test('creates the press release in English and German, in their folders, and opens both', async () => {
  const { a, dialog } = await start();
  await dialog.open();
  // English, the site's default language, is ticked at first.
  await expect(dialog.language('English')).toBeChecked();
  await expect(dialog.language('German')).not.toBeChecked();
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

  const editor = new EditorPage(a.page);
  await expect(editor.tab(`2024-09-03-${SLUG}.md`)).toHaveCount(2);
  await editor.expectText(`title: "${TITLE}"`);
  await expect(new PostListPage(a.page).item(TITLE)).toHaveCount(2);

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
  await expect(dialog.dialog).toContainText('Choose at least one language.');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot of the dialog in ${scheme}`, async () => {
    const { a, dialog } = await start({ colorScheme: scheme });
    await dialog.open();
    await dialog.fill({ title: TITLE, date: '2024-09-03', category: 'release', languages: ['English', 'German'] });
    await expect(dialog.paths).toHaveCount(2);
    await a.page.screenshot({ path: path.join(SHOTS, `front-matter-new-post-${scheme}.png`) });
  });
}
