/**
 * Nothing typed is lost in browser mode: a reload asks first and then offers the unsaved text back; so does the
 * address opened again after the tab was closed, and a server killed outright and started again on the same
 * app data. Restore puts the text into the editor exactly as typed, unsaved, and only the user's save writes it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type RunningApp, startApp } from '../harness';
import { EditorPage } from '../pages/editor-page';
import { PostListPage } from '../pages/post-list-page';
import { SettingsDialog } from '../pages/settings-dialog';

/** The recovery writer keeps unsaved text a second or two after typing pauses; this leaves room for the call too. */
const KEPT_AFTER_MS = 3_000;

// Each test starts a server, a browser and a build of the editor; on a slow two-core machine that alone takes a minute.
test.describe.configure({ timeout: 240_000 });

const GPU_TITLE = 'Kestrel Cloud 1.1 brings GPU workloads and faster upgrades';
const GPU_FILE = '2024-04-22-kestrel-1-1-released.md';
const GPU_PATH = `_i18n/en/_posts/2024/${GPU_FILE}`;
/** Typed at the end of the post: umlauts, quotes, spaces at line ends and an empty line, all kept exactly. */
const TYPED = 'Typed, not saved: “Grüße” — with trailing spaces   ';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Opens the GPU post from the list, types TYPED at its end and returns the editor, the file and its text before. */
async function typeAtEndOfGpuPost(a: RunningApp, list: PostListPage): Promise<{ editor: EditorPage; file: string; before: string }> {
  await list.openPost(GPU_TITLE);
  const editor = new EditorPage(a.page);
  await editor.expectText('GPU-backed instance types');
  const file = path.join(a.siteDir, GPU_PATH);
  const before = await fs.readFile(file, 'utf8');
  await editor.cursorToEnd();
  await a.page.keyboard.type(TYPED);
  return { editor, file, before };
}

/** Opens the GPU post of a fresh sample site, types at its end and waits until the recovery writer has kept it. */
async function typeUnsaved(): Promise<{ a: RunningApp; before: string; file: string }> {
  const a = (app = await startApp({ copySample: true }));
  const list = new PostListPage(a.page);
  await list.expectLoaded();
  const { editor, file, before } = await typeAtEndOfGpuPost(a, list);
  await a.page.keyboard.press('Enter');
  await expect(editor.tab(`${GPU_FILE}, unsaved changes`)).toBeVisible();
  // Typing pauses: the writer keeps the text a moment later (the idle wait, and room for the call).
  await a.page.waitForTimeout(KEPT_AFTER_MS);
  return { a, before, file };
}

/** The offer for the post, restored, checked exactly, then saved by the user; the file holds exactly that text. */
async function restoreAndSave(page: Page, file: string, before: string): Promise<void> {
  const offer = page.getByRole('alert').filter({ hasText: /Recovered unsaved changes from/ });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(offer).toContainText(GPU_PATH);
  // Nothing was written by the offer itself.
  expect(await fs.readFile(file, 'utf8')).toBe(before);
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(offer).toBeHidden();
  const editor = new EditorPage(page);
  await expect(editor.tab(`${GPU_FILE}, unsaved changes`)).toBeVisible();
  await editor.expectText(TYPED.trimEnd());
  expect(await fs.readFile(file, 'utf8')).toBe(before);
  await editor.content.click();
  await editor.save();
  await expect(editor.tab(GPU_FILE)).toBeVisible();
  await expect(editor.tab(GPU_FILE)).not.toContainText('●');
  expect(await fs.readFile(file, 'utf8')).toBe(`${before}${TYPED}\n`);
}

test('a reload with unsaved text asks first, then the site, its tab and the text come back and are saved on request', async () => {
  const { a, before, file } = await typeUnsaved();
  await a.page.reload();
  expect(a.leaveQuestions).toBe(1);
  // The site and its tab are open again (the session), before anything is restored.
  await expect(new EditorPage(a.page).tab(GPU_FILE)).toBeVisible();
  await restoreAndSave(a.page, file, before);
  // Saved: nothing is offered again after another reload, and no question is asked.
  await a.page.reload();
  await expect(new EditorPage(a.page).tab(GPU_FILE)).toBeVisible();
  await a.page.waitForTimeout(1_000);
  await expect(a.page.getByRole('alert').filter({ hasText: /Recovered unsaved changes/ })).toHaveCount(0);
  expect(a.leaveQuestions).toBe(1);
  expect(a.pageErrors).toEqual([]);
  expect(a.dialogs).toEqual([]);
});

test('closing the tab and opening the printed address again in the same browser offers the text back', async () => {
  const { a, before, file } = await typeUnsaved();
  await a.page.close();
  const page = await a.context.newPage();
  await page.goto(a.url);
  await restoreAndSave(page, file, before);
});

test('Compare shows the kept text beside the file on disk, and Discard forgets it for good', async () => {
  const { a, before, file } = await typeUnsaved();
  await a.page.reload();
  const offer = a.page.getByRole('alert').filter({ hasText: /Recovered unsaved changes from/ });
  await offer.getByRole('button', { name: 'Compare' }).click();
  const compare = offer.getByRole('region', { name: GPU_FILE });
  await expect(compare).toBeVisible();
  await expect(compare).toContainText(TYPED.trimEnd());
  await offer.getByRole('button', { name: 'Discard' }).click();
  await expect(offer).toBeHidden();
  await a.page.reload();
  await expect(new EditorPage(a.page).tab(GPU_FILE)).toBeVisible();
  await a.page.waitForTimeout(1_000);
  await expect(a.page.getByRole('alert').filter({ hasText: /Recovered unsaved changes/ })).toHaveCount(0);
  expect(await fs.readFile(file, 'utf8')).toBe(before);
});

test('a server killed outright (SIGKILL) and started again on the same app data offers the text back', async () => {
  const { a, before, file } = await typeUnsaved();
  const server = await a.restartServer('SIGKILL');
  const page = await a.context.newPage();
  await page.goto(server.url);
  await restoreAndSave(page, file, before);
  await a.page.close({ runBeforeUnload: false });
});

test('with autosave on, a pause in typing saves the post by itself through the normal save', async () => {
  const a = (app = await startApp({ copySample: true }));
  const list = new PostListPage(a.page);
  await list.expectLoaded();
  const settings = new SettingsDialog(a.page);
  await settings.open();
  await settings.dialog.getByRole('checkbox', { name: 'Save changed posts automatically' }).check();
  await settings.dialog.getByRole('spinbutton', { name: 'After this many seconds without typing' }).fill('1');
  await settings.close();
  const { editor, file, before } = await typeAtEndOfGpuPost(a, list);
  await expect.poll(() => fs.readFile(file, 'utf8'), { timeout: 15_000 }).toBe(`${before}${TYPED}`);
  await expect(editor.tab(GPU_FILE)).not.toContainText('●');
  expect(a.pageErrors).toEqual([]);
});
