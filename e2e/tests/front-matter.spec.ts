/**
 * The front-matter form as a press team uses it: a field changed in the form changes exactly its line in the
 * editor and on disk, undo in the editor takes it back, the editor's edits show in the form, `published: no`
 * stays `no`, broken YAML is shown and never rewritten, authors are added and reordered, a header image is
 * picked from thumbnails. Screenshots in light and dark for people to look at.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT, type RunningApp, startApp } from '../harness';
import { EditorPage } from '../pages/editor-page';
import { FrontMatterPage } from '../pages/front-matter-page';
import { PostListPage } from '../pages/post-list-page';

const GPU_TITLE = 'Kestrel Cloud 1.1 brings GPU workloads and faster upgrades';
const GPU_PATH = '_i18n/en/_posts/2024/2024-04-22-kestrel-1-1-released.md';
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

const EMBARGO_PATH = '_i18n/en/_posts/2024/2024-07-01-embargoed-launch.md';
const EMBARGO = ['---', 'layout: post', 'title: "Embargoed launch"', 'category: release', 'published: no', '# embargo until the keynote', '---', 'Not yet.', ''].join('\n');
const BROKEN_PATH = '_i18n/en/_posts/2024/2024-07-02-broken-yaml.md';
const BROKEN = ['---', 'layout: post', 'title: "Broken YAML"', 'tags: [launch, cloud', 'category: release', '---', 'Body.', ''].join('\n');

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function addFixtures(siteDir: string): Promise<void> {
  await fs.writeFile(path.join(siteDir, EMBARGO_PATH), EMBARGO);
  await fs.writeFile(path.join(siteDir, BROKEN_PATH), BROKEN);
}

/** Starts the app on a copy of the sample site (with the fixtures), opens a post and shows the form. */
async function openWithForm(title: string | RegExp, opts: Parameters<typeof startApp>[0] = {}) {
  app = await startApp({ copySample: true, prepareSite: addFixtures, ...opts });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.item(title).first().click();
  const editor = new EditorPage(app.page);
  await expect(editor.content).toBeVisible();
  const form = new FrontMatterPage(app.page);
  await form.open();
  return { a: app, editor, form };
}

/** The indexes of the lines that differ between two texts of the same line count. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

test('changing the title in the form changes exactly that line, on screen and on disk, and undo takes it back', async () => {
  const { a, editor, form } = await openWithForm(GPU_TITLE);
  const file = path.join(a.siteDir, GPU_PATH);
  const before = await fs.readFile(file, 'utf8');
  await expect(form.field('Title')).toHaveValue(GPU_TITLE);

  await form.fillText('Title', 'Kestrel Cloud 1.1 is here');
  await editor.expectText('title: "Kestrel Cloud 1.1 is here"');
  // The form field keeps the focus: the editor did not take it.
  await expect(form.field('Title')).toBeFocused();
  await expect(editor.tab(/unsaved changes/)).toBeVisible();

  await editor.save();
  await expect(editor.tab(/unsaved changes/)).toHaveCount(0);
  const after = await fs.readFile(file, 'utf8');
  expect(changedLines(before, after)).toEqual([2]);
  expect(after.split('\n')[2]).toBe('title: "Kestrel Cloud 1.1 is here"');

  // Undo in the editor reverts the form field.
  await editor.content.click();
  await a.page.keyboard.press('Control+z');
  await expect(form.field('Title')).toHaveValue(GPU_TITLE);
  await editor.expectText(`title: "${GPU_TITLE}"`);
  expect(a.pageErrors).toEqual([]);
});

test('editing the front matter in the editor updates the form without taking the focus', async () => {
  const { a, editor, form } = await openWithForm(GPU_TITLE);
  await editor.select('GPU workloads');
  await a.page.keyboard.type('AI workloads');
  await expect(form.field('Title')).toHaveValue('Kestrel Cloud 1.1 brings AI workloads and faster upgrades');
  await expect(editor.content).toBeFocused();
  await editor.select('category: release');
  await a.page.keyboard.type('category: blog');
  await expect(form.field('Category')).toHaveValue('blog');
  expect(a.pageErrors).toEqual([]);
});

test('a post with "published: no" shows as unpublished and keeps "no" after the title changes', async () => {
  const { a, editor, form } = await openWithForm('Embargoed launch');
  await expect(form.switchOf('Published')).toHaveAttribute('aria-checked', 'false');
  await expect(form.switchOf('Published')).toContainText('Not published');
  // Ctrl+S right after typing (no Enter, no pause) saves what was typed.
  await form.field('Title').fill('Embargoed launch, final');
  await editor.save();
  await expect(editor.tab(/unsaved changes/)).toHaveCount(0);
  const after = await fs.readFile(path.join(a.siteDir, EMBARGO_PATH), 'utf8');
  expect(changedLines(EMBARGO, after)).toEqual([2]);
  expect(after).toContain('\npublished: no\n# embargo until the keynote\n');

  // Toggling writes the same style of word back.
  await form.switchOf('Published').click();
  await editor.expectText('published: yes');
  await expect(form.switchOf('Published')).toHaveAttribute('aria-checked', 'true');
});

test('broken YAML is shown in the form and the editor, the form is locked, and nothing is rewritten', async () => {
  const { a, editor, form } = await openWithForm(/broken/i);
  const file = path.join(a.siteDir, BROKEN_PATH);
  const stat = await fs.stat(file);
  await expect(form.generalProblems).toContainText('Line');
  await expect(form.generalProblems).toContainText(/locked/);
  await expect(form.field('Title')).toBeHidden();
  // The editor marks the line (CodeMirror hides its gutter from screen readers; the form names the problem).
  await expect(editor.region.locator('.cm-fm-problem-mark')).toHaveAttribute('title', /^Line 4: A list opened with \[ is not closed with \]/);
  await expect(editor.region.locator('.cm-fm-problem')).toHaveText('tags: [launch, cloud');
  await a.page.screenshot({ path: path.join(SHOTS, 'front-matter-broken-light.png') });

  await a.page.waitForTimeout(500);
  expect(await fs.readFile(file, 'utf8')).toBe(BROKEN);
  expect((await fs.stat(file)).mtimeMs).toBe(stat.mtimeMs);
  await expect(editor.tab(/unsaved changes/)).toHaveCount(0);

  // Fixing the text in the editor unlocks the form.
  await editor.select('cloud');
  await a.page.keyboard.type('cloud]');
  await expect(form.field('Title')).toBeEnabled();
  await expect(form.field('Title')).toHaveValue('Broken YAML');
  await expect(form.generalProblems).toHaveCount(0);
  await expect(editor.region.locator('.cm-fm-problem-mark')).toHaveCount(0);
});

test('authors are added from suggestions, reordered by keyboard and buttons, and written as a list', async () => {
  const { a, editor, form } = await openWithForm(GPU_TITLE);
  expect(await form.listItems('Authors')).toEqual(['Jonas Becker']);
  await form.addToList('Authors', 'Mara Lindqvist');
  await expect.poll(() => form.listItems('Authors')).toEqual(['Jonas Becker', 'Mara Lindqvist']);
  await editor.expectText('- "Mara Lindqvist"');

  // Keyboard: Alt+Up moves the focused author up.
  await form.list('Authors').getByRole('listitem', { name: 'Mara Lindqvist' }).focus();
  await a.page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => form.listItems('Authors')).toEqual(['Mara Lindqvist', 'Jonas Becker']);
  await expect(form.list('Authors').getByRole('listitem', { name: 'Mara Lindqvist' })).toBeFocused();

  // Buttons: move Mara down again, then remove Jonas.
  await form.region.getByRole('button', { name: 'Move Mara Lindqvist down' }).click();
  await expect.poll(() => form.listItems('Authors')).toEqual(['Jonas Becker', 'Mara Lindqvist']);
  await form.region.getByRole('button', { name: 'Remove Jonas Becker from Authors' }).click();
  await expect.poll(() => form.listItems('Authors')).toEqual(['Mara Lindqvist']);

  await editor.save();
  await expect(editor.tab(/unsaved changes/)).toHaveCount(0);
  const text = await fs.readFile(path.join(a.siteDir, GPU_PATH), 'utf8');
  expect(text).toContain('author:\n  - "Mara Lindqvist"\navatar:');
  expect(a.pageErrors).toEqual([]);
});

test('the header image is picked from thumbnails of the site images', async () => {
  const { a, editor, form } = await openWithForm(GPU_TITLE);
  await expect(form.field('Header image')).toHaveValue('blog/kestrel-1-1.jpg');
  // The current picture shows as a thumbnail (a blob: URL from asset.read).
  await expect(form.region.locator('img.fm-thumb-large')).toHaveAttribute('src', /^blob:/);
  await form.openPicker('Header image');
  await expect(form.picker.getByRole('button', { name: /^Choose / })).not.toHaveCount(0);
  await expect(form.picker.locator('img').first()).toHaveAttribute('src', /^blob:/);
  await a.page.screenshot({ path: path.join(SHOTS, 'front-matter-picker-light.png') });
  await form.pick('summit', 'blog/summit-berlin.jpg');
  await expect(form.field('Header image')).toHaveValue('blog/summit-berlin.jpg');
  await editor.expectText('image: "blog/summit-berlin.jpg"');
  expect(a.pageErrors).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot of the form in ${scheme}`, async () => {
    const { a, form } = await openWithForm(GPU_TITLE, { colorScheme: scheme });
    await expect(form.region.locator('img.fm-thumb-large')).toHaveAttribute('src', /^blob:/);
    await a.page.screenshot({ path: path.join(SHOTS, `front-matter-${scheme}.png`) });
    expect(a.pageErrors).toEqual([]);
  });
}
