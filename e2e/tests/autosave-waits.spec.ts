/**
 * The interface says what autosave does not do, in its own language: with autosave on, a post whose front matter
 * cannot be read is not saved, and the header says so beside Save; the find panel of an open editor follows a
 * change of the interface language. Screenshots in English and German (test-results/screenshots/).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT, type RunningApp, startApp } from '../harness';
import { EditorPage } from '../pages/editor-page';
import { PostListPage } from '../pages/post-list-page';
import { SettingsDialog } from '../pages/settings-dialog';

test.describe.configure({ timeout: 240_000 });

const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const GPU_TITLE = 'Kestrel Cloud 1.1 brings GPU workloads and faster upgrades';
const GPU_PATH = '_i18n/en/_posts/2024/2024-04-22-kestrel-1-1-released.md';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('with autosave on, unreadable front matter is not saved and the header says why, in English and then German', async () => {
  const a = (app = await startApp({ copySample: true }));
  const list = new PostListPage(a.page);
  await list.expectLoaded();
  const settings = new SettingsDialog(a.page);
  await settings.open();
  await settings.dialog.getByRole('checkbox', { name: 'Save changed posts automatically' }).check();
  await settings.dialog.getByRole('spinbutton', { name: 'After this many seconds without typing' }).fill('1');
  await settings.close();

  await list.openPost(GPU_TITLE);
  const editor = new EditorPage(a.page);
  await editor.expectText('GPU-backed instance types');
  const file = path.join(a.siteDir, GPU_PATH);
  const before = await fs.readFile(file, 'utf8');
  // A list left open on line 2 of the front matter.
  await editor.content.click();
  await a.page.keyboard.press('Control+Home');
  await a.page.keyboard.press('ArrowDown');
  await a.page.keyboard.type('tags: [a\n');

  const header = a.page.getByRole('main').locator('.document-actions');
  await expect(header.getByRole('status')).toHaveText('Autosave waits: the front matter cannot be read', { timeout: 15_000 });
  // Well past the autosave delay: the file is as it was.
  await a.page.waitForTimeout(2_500);
  expect(await fs.readFile(file, 'utf8')).toBe(before);
  // The find panel is open when the language changes.
  await editor.content.click();
  await a.page.keyboard.press('Control+f');
  await expect(a.page.getByRole('search').getByRole('button', { name: 'next' })).toBeVisible();
  await fs.mkdir(SHOTS, { recursive: true });
  await a.page.screenshot({ path: path.join(SHOTS, 'autosave-waits-en.png') });

  await settings.open();
  await settings.dialog.getByRole('combobox', { name: 'Interface language' }).selectOption('de');
  await a.page.keyboard.press('Escape');
  await expect(header.getByRole('status')).toHaveText('Automatisches Speichern wartet: Das Front Matter ist nicht lesbar');
  const find = a.page.getByRole('search');
  await expect(find.getByRole('button', { name: 'Weiter' }), 'the open find panel speaks German now').toBeVisible();
  await expect(find.getByRole('button', { name: 'Alle ersetzen' })).toBeVisible();
  await a.page.screenshot({ path: path.join(SHOTS, 'autosave-waits-de.png') });
  expect(await fs.readFile(file, 'utf8')).toBe(before);
  expect(a.pageErrors).toEqual([]);
});
