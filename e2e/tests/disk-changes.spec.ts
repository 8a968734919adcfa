/**
 * Files changed, deleted and renamed on disk under an open post, as a user meets them: a post without unsaved
 * changes shows the new text by itself; one with unsaved changes keeps them and offers Compare, Keep mine,
 * Take the disk's and Save as…; a post deleted or renamed away keeps its text. Nothing is overwritten silently.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningApp, startApp } from '../harness';
import { DiskChangeBanner } from '../pages/disk-change-banner';
import { EditorPage } from '../pages/editor-page';
import { PostListPage } from '../pages/post-list-page';

const TITLE = 'Kestrel Cloud 1.1 brings GPU workloads and faster upgrades';
const FILE = '2024-04-22-kestrel-1-1-released.md';
const REL = `_i18n/en/_posts/2024/${FILE}`;
const THEIRS = '---\ntitle: "Kestrel Cloud 1.1 brings GPU workloads and faster upgrades"\n---\nTheir text, written elsewhere.\n';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function openPost(): Promise<{ a: RunningApp; editor: EditorPage; banner: DiskChangeBanner; file: string }> {
  app = await startApp({ copySample: true });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.openPost(TITLE);
  const editor = new EditorPage(app.page);
  await expect(editor.content).toBeVisible();
  return { a: app, editor, banner: new DiskChangeBanner(app.page), file: path.join(app.siteDir, REL) };
}

async function typeAtEnd(editor: EditorPage, text: string): Promise<void> {
  await editor.cursorToEnd();
  await editor.page.keyboard.type(text);
  await expect(editor.tab(`${FILE}, unsaved changes`)).toBeVisible();
}

test('a post without unsaved changes shows the text changed on disk by itself', async () => {
  const { editor, banner, file } = await openPost();
  await fs.writeFile(file, THEIRS);
  await editor.expectText('Their text, written elsewhere.');
  await expect(editor.tab(FILE)).toBeVisible();
  await expect(banner.changed).toHaveCount(0);
  expect(await fs.readFile(file, 'utf8')).toBe(THEIRS);
});

test('unsaved changes meet a change on disk: Compare shows both, Keep mine replaces the disk’s only after showing it', async () => {
  const { editor, banner, file } = await openPost();
  await typeAtEnd(editor, 'My unsaved words');
  await fs.writeFile(file, THEIRS);
  await expect(banner.changed).toBeVisible();
  await editor.expectText('My unsaved words');
  expect(await fs.readFile(file, 'utf8')).toBe(THEIRS);

  await banner.button('Compare').click();
  await expect(banner.side('On disk')).toContainText('Their text, written elsewhere.');
  // The user's side holds the post as it was opened (the disk's lost those lines), typed words and all.
  await expect(banner.side('Yours')).toContainText('Three months after 1.0');
  await banner.button('Hide comparison').click();
  await expect(banner.comparison).toHaveCount(0);

  await banner.button('Keep mine').click();
  await expect(banner.side('On disk')).toContainText('Their text, written elsewhere.');
  expect(await fs.readFile(file, 'utf8')).toBe(THEIRS);
  await banner.button('Replace it with mine').click();
  await expect(banner.changed).toHaveCount(0);
  await expect(editor.tab(FILE)).toBeVisible();
  await expect.poll(() => fs.readFile(file, 'utf8')).toContain('My unsaved words');
  expect(await fs.readFile(file, 'utf8')).not.toContain('Their text');

  // Later saves work again.
  await typeAtEnd(editor, ' and more');
  await editor.save();
  // The tab's name loses ", unsaved changes" once the save is done (a name match is by substring, so match it whole).
  await expect(editor.tab(new RegExp(`^${FILE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))).toBeVisible();
  await expect.poll(() => fs.readFile(file, 'utf8')).toContain('My unsaved words and more');
});

test('Take the disk’s shows the version on disk and one undo brings the user’s text back', async () => {
  const { a, editor, banner, file } = await openPost();
  await typeAtEnd(editor, 'My unsaved words');
  await fs.writeFile(file, THEIRS);
  await banner.button('Take the disk’s').click();
  await editor.expectText('Their text, written elsewhere.');
  await expect(editor.content).not.toContainText('My unsaved words');
  await expect(editor.tab(FILE)).toBeVisible();
  await expect(a.page.getByRole('status').filter({ hasText: 'Undo' })).toBeVisible();
  await editor.content.click();
  await a.page.keyboard.press('Control+z');
  await editor.expectText('My unsaved words');
  await expect(editor.tab(`${FILE}, unsaved changes`)).toBeVisible();
  expect(await fs.readFile(file, 'utf8')).toBe(THEIRS);
});

test('a post deleted on disk keeps its text and is saved again under its name only when asked', async () => {
  const { editor, banner, file } = await openPost();
  const original = await fs.readFile(file, 'utf8');
  await fs.rm(file);
  await expect(banner.removed).toBeVisible();
  await editor.expectText('GPU');
  await expect(editor.tab(`${FILE}, deleted on disk`)).toBeVisible();
  expect(await fs.access(file).then(() => 'there', () => 'gone')).toBe('gone');
  await banner.button(`Save again as ${REL}`).click();
  await expect(banner.removed).toHaveCount(0);
  await expect.poll(() => fs.readFile(file, 'utf8').catch(() => '')).toBe(original);
  await expect(editor.tab(FILE)).toBeVisible();
});

test('a post renamed on disk with unsaved changes keeps them and is saved as a new file, the renamed one untouched', async () => {
  const { a, editor, banner, file } = await openPost();
  await typeAtEnd(editor, 'My unsaved words');
  const renamed = path.join(a.siteDir, '_i18n/en/_posts/2024/2024-04-22-renamed-elsewhere.md');
  const before = await fs.readFile(file, 'utf8');
  await fs.rename(file, renamed);
  await expect(banner.removed).toBeVisible();
  await editor.expectText('My unsaved words');
  const copy = '_i18n/en/_posts/2024/2024-04-22-kestrel-mine.md';
  await banner.saveAs(copy);
  await expect(editor.tab('2024-04-22-kestrel-mine.md')).toBeVisible();
  await expect(banner.removed).toHaveCount(0);
  expect(await fs.readFile(path.join(a.siteDir, copy), 'utf8')).toContain('My unsaved words');
  expect(await fs.readFile(renamed, 'utf8')).toBe(before);
});
