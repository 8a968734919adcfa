/**
 * Branches and the server, against a REAL git remote over HTTP on 127.0.0.1 (`git http-backend` behind basic
 * auth): a new branch named after the open post is published after a wrong and a right token, the latest from a
 * colleague arrives in the open editor, a switch with unsaved edits asks first, a lost server is met calmly, and a
 * site is downloaded from the first screen. Every result is read back with the real `git`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningApp, startApp } from '../harness';
import { type GitSite, OTHER_AUTHOR, REMOTE_TOKEN, REMOTE_USER, SCS_SITE, startGitSite } from '../harness/git-site';
import { EditorPage } from '../pages/editor-page';
import { GitPanelPage } from '../pages/git-panel-page';
import { PostListPage } from '../pages/post-list-page';

const TITLE = 'Sovereign Cloud Stack Release 4 is out';
const FILE = '2023-03-22-release-4.md';
const REL = `_i18n/en/_posts/2023/${FILE}`;
const OTHER_TITLE = 'Sovereign Cloud Stack: All good things come in threes';
const OTHER_FILE = '2022-09-21-all-good-things-come-in-threes.md';
const OTHER_REL = `_i18n/en/_posts/2022/${OTHER_FILE}`;

let app: RunningApp | undefined;
let site: GitSite | undefined;
test.afterEach(async () => {
  await app?.close();
  await site?.close();
  app = site = undefined;
});

/** A clone of the remote (prepared further by `then`), opened with the release in the editor. */
async function openRelease(then?: (dir: string, s: GitSite) => Promise<unknown>): Promise<{ a: RunningApp; s: GitSite; editor: EditorPage; git: GitPanelPage; list: PostListPage }> {
  site = await startGitSite();
  const s = site;
  app = await startApp({ site: SCS_SITE, extraEnv: s.env, prepareSite: (dir) => s.prepareSite(dir, then && (async (d) => void (await then(d, s)))) });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.selectLanguage('en');
  await list.openPost(TITLE);
  const editor = new EditorPage(app.page);
  await expect(editor.content).toBeVisible();
  await editor.expectText('Release 4 of the Sovereign Cloud Stack');
  return { a: app, s, editor, git: new GitPanelPage(app.page), list };
}

/** Every file under `dir` whose bytes contain `needle`. */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await fs.readFile(file)).includes(needle)) found.push(file);
  }
  return found;
}

test('a new branch named after the open post is published after a wrong token is refused and the right one accepted', async () => {
  const { a, s, git } = await openRelease();
  await git.open();
  await expect(git.branchName).toHaveText('main');
  await expect(git.branchDistance).toHaveText('Up to date with the server');
  await git.openBranchMenu();
  const field = await git.startNewBranch();
  await expect(field).toHaveValue('feat/release-4');
  await git.branchMenu.getByRole('button', { name: 'Create and switch' }).click();
  await expect(git.branchName).toHaveText('feat/release-4');
  await expect(git.branchDistance).toHaveText('Not on the server yet');
  expect((await s.git(a.siteDir, 'branch', '--show-current')).trim()).toBe('feat/release-4');

  await git.publishButton.click();
  await expect(git.credentialsDialog).toContainText('The server needs your user name and an access token');
  await git.signIn(REMOTE_USER, 'not-the-token', true);
  await expect(git.credentialsDialog).toContainText('did not accept');
  await git.signIn(REMOTE_USER, REMOTE_TOKEN, true);
  await expect(git.credentialsDialog).toHaveCount(0);
  await expect(git.syncNotice).toContainText('Sent to', { timeout: 30_000 });
  await expect(git.branchDistance).toHaveText('Up to date with the server');

  const head = (await s.git(a.siteDir, 'rev-parse', 'HEAD')).trim();
  const remoteRefs = await s.git(s.bare, 'ls-remote', s.bare);
  expect(remoteRefs).toContain(`${head}\trefs/heads/feat/release-4`);
  expect((await s.git(a.siteDir, 'config', 'branch.feat/release-4.remote')).trim()).toBe('origin');
  expect((await s.git(a.siteDir, 'config', 'branch.feat/release-4.merge')).trim()).toBe('refs/heads/feat/release-4');
  // The token is nowhere in plain text: not in the repository's config, not in the app's folder.
  expect(await fs.readFile(path.join(a.siteDir, '.git', 'config'), 'utf8')).not.toContain(REMOTE_TOKEN);
  expect(await filesContaining(a.appDataDir, REMOTE_TOKEN)).toEqual([]);
  expect(await filesContaining(path.join(a.siteDir, '.git'), REMOTE_TOKEN)).toEqual([]);
  expect(a.pageErrors).toEqual([]);
});

test('Get latest brings a colleague’s commit into the open editor and keeps the user’s saved words', async () => {
  const { a, s, editor, git, list } = await openRelease();
  // The user's own saved (uncommitted) words in another post.
  await list.openPost(OTHER_TITLE);
  await expect(editor.tab(OTHER_FILE)).toHaveAttribute('aria-selected', 'true');
  await editor.cursorToEnd();
  await a.page.keyboard.type('My own saved words.');
  await editor.save();
  await expect(editor.tab(OTHER_FILE)).toBeVisible();
  await expect.poll(() => fs.readFile(path.join(a.siteDir, OTHER_REL), 'utf8')).toContain('My own saved words.');
  await editor.tab(FILE).click();
  await editor.expectText('Release 4 of the Sovereign Cloud Stack');

  // A colleague changes the release and sends it.
  const other = await s.cloneElsewhere();
  const file = path.join(other, REL);
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('is available today.', 'is available today. Written by a colleague.'));
  await s.git(other, ...OTHER_AUTHOR, 'commit', '--quiet', '-am', 'A colleague’s sentence');
  await s.git(other, 'push', '--quiet', 'origin', 'main');
  const theirs = (await s.git(other, 'rev-parse', 'HEAD')).trim();

  await git.open();
  await git.getLatestButton.click();
  await git.signIn(REMOTE_USER, REMOTE_TOKEN);
  await expect(git.syncNotice).toContainText('Got 1 new commit.', { timeout: 30_000 });
  await editor.expectText('Written by a colleague.');
  await expect(editor.tab(FILE)).toBeVisible();
  expect((await s.git(a.siteDir, 'rev-parse', 'HEAD')).trim()).toBe(theirs);
  expect(await fs.readFile(path.join(a.siteDir, OTHER_REL), 'utf8')).toContain('My own saved words.');
  expect(await s.git(a.siteDir, 'status', '--porcelain')).toBe(` M ${OTHER_REL}\n`);
  await editor.tab(OTHER_FILE).click();
  await editor.expectText('My own saved words.');
  expect(a.pageErrors).toEqual([]);
});

test('switching branch with an unsaved edit asks: Stay keeps everything, Take carries the edit along', async () => {
  const { a, s, editor, git } = await openRelease((dir, gs) => gs.git(dir, 'branch', 'other'));
  await editor.cursorToEnd();
  await a.page.keyboard.type('Unsaved words to take along.');
  await expect(editor.tab(`${FILE}, unsaved changes`)).toBeVisible();
  await git.open();

  await git.openBranchMenu();
  await git.chooseBranch('other');
  const ask = git.switchQuestion('other');
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Take my changes to other' })).toBeVisible();
  await ask.getByRole('button', { name: 'Stay on main' }).click();
  await expect(ask).toHaveCount(0);
  await expect(git.branchName).toHaveText('main');
  await editor.expectText('Unsaved words to take along.');
  await expect(editor.tab(`${FILE}, unsaved changes`)).toBeVisible();
  expect((await s.git(a.siteDir, 'branch', '--show-current')).trim()).toBe('main');
  expect(await fs.readFile(path.join(a.siteDir, REL), 'utf8')).not.toContain('Unsaved words');

  await git.openBranchMenu();
  await git.chooseBranch('other');
  await ask.getByRole('button', { name: 'Take my changes to other' }).click();
  await expect(git.branchName).toHaveText('other', { timeout: 30_000 });
  expect((await s.git(a.siteDir, 'branch', '--show-current')).trim()).toBe('other');
  expect(await fs.readFile(path.join(a.siteDir, REL), 'utf8')).toContain('Unsaved words to take along.');
  await editor.expectText('Unsaved words to take along.');
  await expect(editor.tab(FILE)).toBeVisible();
  expect(await s.git(a.siteDir, 'status', '--porcelain')).toBe(` M ${REL}\n`);
  expect(a.pageErrors).toEqual([]);
});

test('with the server gone, Get latest says so calmly and the local work stays as it was', async () => {
  const { a, s, git } = await openRelease((dir) => fs.appendFile(path.join(dir, '_config.yml'), '# local work\n'));
  await git.open();
  await expect(git.kind('_config.yml')).toHaveText('changed');
  const logBefore = await s.git(a.siteDir, 'log', '--format=%H %s');
  await s.goOffline();
  await git.getLatestButton.click();
  await expect(git.syncNotice).toContainText('The server cannot be reached right now. Nothing is lost', { timeout: 30_000 });
  await expect(git.credentialsDialog).toHaveCount(0);
  expect(await s.git(a.siteDir, 'log', '--format=%H %s')).toBe(logBefore);
  expect(await s.git(a.siteDir, 'status', '--porcelain')).toBe(' M _config.yml\n');
  await expect(git.kind('_config.yml')).toHaveText('changed');
  await expect(git.branchName).toHaveText('main');
  expect(a.pageErrors).toEqual([]);
});

test('a site is downloaded from the first screen after signing in, and opens with its posts', async () => {
  site = await startGitSite();
  const s = site;
  app = await startApp({ extraEnv: s.env });
  const page = app.page;
  await page.getByRole('button', { name: 'Get a site from a server…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Get a site from a server' });
  await dialog.getByRole('textbox', { name: 'Address of the repository' }).fill(s.url);
  await dialog.getByLabel('Put the copy into this folder').fill(app.siteDir);
  await dialog.getByRole('button', { name: 'Download and open' }).click();
  const git = new GitPanelPage(page);
  // While the server asks who is there, the download shows as under way.
  await expect(git.credentialsDialog).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('Downloading the site');
  await git.signIn(REMOTE_USER, REMOTE_TOKEN);
  const list = new PostListPage(page);
  await list.expectLoaded();
  await list.selectLanguage('en');
  await expect(list.item(TITLE)).toHaveCount(1);
  await expect(list.item(OTHER_TITLE)).toHaveCount(1);

  const made = await fs.readdir(app.siteDir);
  expect(made).toEqual(['site']);
  const clone = path.join(app.siteDir, 'site');
  expect(await s.git(clone, 'log', '--format=%H %s')).toBe(await s.git(s.bare, 'log', '--format=%H %s', 'main'));
  expect((await s.git(clone, 'remote', 'get-url', 'origin')).trim()).toBe(s.url);
  expect(await s.git(clone, 'status', '--porcelain')).toBe('');
  expect(await fs.readFile(path.join(clone, '.git', 'config'), 'utf8')).not.toContain(REMOTE_TOKEN);
  expect(app.pageErrors).toEqual([]);
});
