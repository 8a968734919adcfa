/**
 * Editing a post as a user does: type, see the unsaved mark, save with Ctrl+S and find exactly that change on
 * disk; format with shortcuts; keep undo across tabs; never overwrite a file changed behind the editor; open
 * hostile files without freezing; jump by outline; read the word count. No CSP violation on the way.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { countWords } from '../../renderer/features/document/editor/word-count';
import { HOSTILE_SITE, prepareHostileSite } from '../fixtures/hostile-site';
import { REPO_ROOT, type RunningApp, snapshotTree, startApp } from '../harness';
import { EditorPage } from '../pages/editor-page';
import { PostListPage } from '../pages/post-list-page';

const GPU_TITLE = 'Kestrel Cloud 1.1 brings GPU workloads and faster upgrades';
const GPU_FILE = '2024-04-22-kestrel-1-1-released.md';
const GPU_PATH = `_i18n/en/_posts/2024/${GPU_FILE}`;
const MEMBERS_TITLE = 'Welcome to four new member organisations';
const MEMBERS_FILE = '2024-06-10-welcome-new-members.md';
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

let app: RunningApp | undefined;
let cspErrors: string[] = [];
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Collects console errors about the Content Security Policy, which must stay empty. */
function watchCsp(page: Page): void {
  cspErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });
}

/** Starts the app on a copy of the sample site and opens one post in the editor. */
async function openSamplePost(title: string, opts: Parameters<typeof startApp>[0] = {}): Promise<{ a: RunningApp; editor: EditorPage; list: PostListPage }> {
  app = await startApp({ copySample: true, ...opts });
  watchCsp(app.page);
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.openPost(title);
  const editor = new EditorPage(app.page);
  await expect(editor.content).toBeVisible();
  return { a: app, editor, list };
}

test('typing marks the tab unsaved and Ctrl+S writes exactly what was typed', async () => {
  const { a, editor } = await openSamplePost(GPU_TITLE);
  const file = path.join(a.siteDir, GPU_PATH);
  const before = await fs.readFile(file, 'utf8');
  await expect(editor.tab(GPU_FILE)).toBeVisible();
  await editor.expectText('GPU-backed instance types');

  await editor.cursorToEnd();
  await a.page.keyboard.type('Added from the editor.');
  await expect(editor.tab(`${GPU_FILE}, unsaved changes`)).toBeVisible();
  await expect(editor.tab(GPU_FILE)).toContainText('●');

  await editor.save();
  await expect(editor.tab(GPU_FILE)).toBeVisible();
  await expect(editor.tab(GPU_FILE)).not.toContainText('●');
  expect(await fs.readFile(file, 'utf8')).toBe(`${before}Added from the editor.`);

  // Saving again without changes writes nothing.
  const stat = await fs.stat(file);
  await editor.save();
  await a.page.waitForTimeout(300);
  expect((await fs.stat(file)).mtimeMs).toBe(stat.mtimeMs);
  expect(cspErrors).toEqual([]);
  expect(a.pageErrors).toEqual([]);
});

test('Ctrl+B makes the selection bold and undo takes it back in one step', async () => {
  const { a, editor } = await openSamplePost(GPU_TITLE);
  await editor.select('zero-downtime');
  await a.page.keyboard.press('Control+b');
  await editor.expectText('**zero-downtime** upgrades');
  await a.page.keyboard.press('Control+z');
  await editor.expectText('GPU-backed instance types, zero-downtime upgrades');
  await expect(editor.tab(GPU_FILE)).not.toContainText('●');
});

test('each tab keeps its own undo history across tab switches', async () => {
  const { a, editor, list } = await openSamplePost(GPU_TITLE);
  await editor.cursorToEnd();
  await a.page.keyboard.type('First tab text');
  await list.openPost(MEMBERS_TITLE);
  await expect(editor.tab(MEMBERS_FILE)).toHaveAttribute('aria-selected', 'true');
  await editor.expectText('four organisations joined the project this spring');
  await editor.cursorToEnd();
  await a.page.keyboard.type('Second tab text');
  await expect(editor.tab(`${MEMBERS_FILE}, unsaved changes`)).toBeVisible();

  await editor.tab(`${GPU_FILE}, unsaved changes`).click();
  await editor.expectText('First tab text');
  await editor.content.click();
  await a.page.keyboard.press('Control+z');
  await expect(editor.content).not.toContainText('First tab text');
  await expect(editor.tab(GPU_FILE)).toBeVisible();
  // The other tab still has its change.
  await expect(editor.tab(`${MEMBERS_FILE}, unsaved changes`)).toBeVisible();

  // Closing the unsaved tab asks first; Cancel keeps it, Don't save closes without writing.
  const membersFile = path.join(a.siteDir, `_i18n/en/_posts/2024/${MEMBERS_FILE}`);
  const membersBefore = await fs.readFile(membersFile, 'utf8');
  await editor.closeButton(MEMBERS_FILE).click();
  const dialog = a.page.getByRole('alertdialog', { name: `Save the changes to ${MEMBERS_FILE}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor.tab(`${MEMBERS_FILE}, unsaved changes`)).toBeVisible();
  await editor.closeButton(MEMBERS_FILE).click();
  await dialog.getByRole('button', { name: 'Don’t save' }).click();
  await expect(editor.tab(/welcome-new-members/)).toHaveCount(0);
  expect(await fs.readFile(membersFile, 'utf8')).toBe(membersBefore);
});

test('a file changed on disk behind the editor is never overwritten', async () => {
  const { a, editor } = await openSamplePost(GPU_TITLE);
  const file = path.join(a.siteDir, GPU_PATH);
  await editor.cursorToEnd();
  await a.page.keyboard.type('My unsaved words');
  const theirs = '---\ntitle: "Changed by someone else"\n---\nTheir text.\n';
  await fs.writeFile(file, theirs);
  await editor.save();
  const banner = editor.banner('This post was changed on disk while you had unsaved changes');
  await expect(banner).toBeVisible();
  expect(await fs.readFile(file, 'utf8')).toBe(theirs);
  await editor.expectText('My unsaved words');
  // The user keeps typing; the banner waits and nothing is written.
  await a.page.keyboard.type(' and more');
  await editor.expectText('My unsaved words and more');
  expect(await fs.readFile(file, 'utf8')).toBe(theirs);
  await expect(editor.tab(`${GPU_FILE}, unsaved changes`)).toBeVisible();

  // Closing the site asks about the unsaved post; Cancel keeps everything open.
  await new PostListPage(a.page).closeSiteButton.click();
  const dialog = a.page.getByRole('alertdialog', { name: '1 post has unsaved changes' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await editor.expectText('My unsaved words');

  // Taking the disk's version shows theirs in place of ours.
  await editor.save();
  await editor.banner('This post was changed on disk').getByRole('button', { name: 'Take the disk’s' }).click();
  await editor.expectText('Their text.');
  await expect(editor.tab(GPU_FILE)).not.toContainText('●');
  expect(await fs.readFile(file, 'utf8')).toBe(theirs);
});

test('a CRLF file with a BOM keeps its bytes except the one changed line', async () => {
  const rel = '_i18n/en/_posts/2024/2024-07-01-windows-notes.md';
  const lines = ['---', 'layout: post', 'title: "Windows notes"', 'category: blog', '---', 'First line of the body.', '', 'A sentence with a typo: teh end.', 'Last line.', ''];
  const original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
  const { a, editor } = await openSamplePost('Windows notes', {
    prepareSite: (dir) => fs.writeFile(path.join(dir, rel), original),
  });
  await expect(editor.statusBar).toContainText('CRLF');
  await expect(editor.statusBar).toContainText('UTF-8 BOM');
  await editor.select('teh');
  await a.page.keyboard.type('the');
  await editor.save();
  await expect(editor.tab(/windows-notes\.md$/)).not.toContainText('●');
  const saved = await fs.readFile(path.join(a.siteDir, rel));
  expect([...saved.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const savedLines = saved.subarray(3).toString('utf8').split('\r\n');
  expect(savedLines).toHaveLength(lines.length);
  expect(savedLines.filter((l, i) => l !== lines[i])).toEqual(['A sentence with a typo: the end.']);
  expect(saved.subarray(3).toString('utf8').replace(/\r\n/g, '')).not.toContain('\n');
  expect(saved.subarray(saved.length - 2).toString()).toBe('\r\n');
});

test('the outline jumps to a heading and the status bar counts the words of the body', async () => {
  const { a, editor } = await openSamplePost(GPU_TITLE);
  const text = await fs.readFile(path.join(a.siteDir, GPU_PATH), 'utf8');
  const { words, minutes } = countWords(text);
  await expect(editor.statusBar).toContainText(`${words} words`);
  await expect(editor.statusBar).toContainText(`${minutes} min read`);
  await expect(editor.statusBar).toContainText('LF');

  await editor.outlineButton.click();
  await expect(editor.outline).toBeVisible();
  await editor.outline.getByRole('button', { name: 'Highlights' }).click();
  const headingLine = text.split('\n').indexOf('## Highlights') + 1;
  await expect.poll(() => editor.cursorLine()).toBe(headingLine);
  await expect(editor.content).toBeFocused();
  await expect(editor.region.locator('.cm-line', { hasText: '## Highlights' })).toBeInViewport();
  expect(cspErrors).toEqual([]);
});

test('hostile files: binary and huge-line posts get a message, nothing freezes and nothing is written', async () => {
  app = await startApp({
    site: HOSTILE_SITE,
    prepareSite: async (dir) => {
      await prepareHostileSite(dir);
      const posts = path.join(dir, '_posts');
      const line = 'Lorem ipsum dolor sit amet. '.repeat(190_000); // about 5 MB on one line
      await fs.writeFile(path.join(posts, '2024-03-01-five-mb-line.md'), `---\nlayout: post\ntitle: "Five MB on one line"\n---\n${line}\n`);
      await fs.writeFile(path.join(posts, '2024-03-02-mixed-endings.md'), '---\r\nlayout: post\r\ntitle: "Mixed endings"\n---\nOne\r\nTwo\n');
    },
  });
  watchCsp(app.page);
  const before = await snapshotTree(app.siteDir);
  const list = new PostListPage(app.page);
  const editor = new EditorPage(app.page);
  await list.expectLoaded();

  await list.filter('binary');
  await list.openPost('binary');
  await expect(editor.banner('This post cannot be shown')).toContainText('binary file');
  await expect(app.page.locator('.cm-editor')).toHaveCount(0);

  await list.filter('Five MB');
  const started = Date.now();
  await list.openPost('Five MB on one line');
  await expect(editor.banner('Opened read-only: a line is too long')).toBeVisible();
  await editor.expectText('Lorem ipsum dolor sit amet.');
  expect(Date.now() - started).toBeLessThan(20_000);
  await editor.content.click();
  await app.page.keyboard.type('typed');
  await expect(editor.tab(/five-mb-line\.md$/)).not.toContainText('●');
  await expect(editor.statusBar).toContainText('Read-only');

  await list.filter('Mixed endings');
  await list.openPost('Mixed endings');
  await expect(editor.banner('Opened read-only: mixed line endings')).toContainText('would change lines you did not touch');

  await list.filter('unterminated');
  await list.openPost('unterminated-front-matter');
  await expect(editor.banner('The front matter is not closed')).toBeVisible();
  await editor.expectText('The closing line of the front matter is missing');

  // Closing tabs never writes; the app stays usable.
  await editor.closeButton('2024-03-01-five-mb-line.md').click();
  await list.filter('ordinary');
  await list.openPost('An ordinary post among hostile ones');
  await editor.expectText('the app must keep working for this one');
  await app.page.waitForTimeout(300);
  expect(await snapshotTree(app.siteDir)).toEqual(before);
  expect(cspErrors).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`editor screenshot in ${scheme}`, async () => {
    const { a, editor } = await openSamplePost(GPU_TITLE, { colorScheme: scheme });
    await editor.expectText('GPU-backed instance types');
    await editor.select('zero-downtime');
    await a.page.screenshot({ path: path.join(SHOTS, `editor-${scheme}.png`) });
    await editor.outlineButton.click();
    await expect(editor.outline).toBeVisible();
    await a.page.screenshot({ path: path.join(SHOTS, `editor-outline-${scheme}.png`) });
    expect(cspErrors).toEqual([]);
  });
}
