/**
 * The Changes tab on a real git repository, as a press officer meets it: an edited post shows up as changed with
 * its diff, only what is included is committed (with description and sign-off, after the app asked who commits),
 * a folder without history can start one, and screenshots of the panel in English/light and German/dark.
 * Every result is read back with the real `git`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeTempDir, REPO_ROOT, type RunningApp, startApp } from '../harness';
import { git as runGit, type GitSite, SCS_SITE, startGitSite } from '../harness/git-site';
import { EditorPage } from '../pages/editor-page';
import { GitPanelPage } from '../pages/git-panel-page';
import { PostListPage } from '../pages/post-list-page';

const TITLE = 'Sovereign Cloud Stack Release 4 is out';
const FILE = '2023-03-22-release-4.md';
const REL = `_i18n/en/_posts/2023/${FILE}`;
const SENTENCE = 'A sentence typed for the git test.';
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

let app: RunningApp | undefined;
let site: GitSite | undefined;
let home: string | undefined;
test.afterEach(async () => {
  await app?.close();
  await site?.close();
  if (home) await fs.rm(home, { recursive: true, force: true });
  app = site = home = undefined;
});

/** The fixture as a clone of a real remote, with `_config.yml` changed on disk too, and the release open. */
async function openGitSite(opts: { locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<{ a: RunningApp; s: GitSite; list: PostListPage }> {
  site = await startGitSite();
  const s = site;
  app = await startApp({
    site: SCS_SITE,
    ...opts,
    // The server's language (the "system" one) comes first, so German needs a German server locale too.
    extraEnv: opts.locale?.startsWith('de') ? { ...s.env, LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } : s.env,
    prepareSite: (dir) => s.prepareSite(dir, (d) => fs.appendFile(path.join(d, '_config.yml'), '# a note left by someone\n')),
  });
  // By class, not name: the tabs are named in the interface language.
  await expect(app.page.locator('.sidebar-tabs')).toBeVisible();
  return { a: app, s, list: new PostListPage(app.page) };
}

test('an edited post is committed alone, with description and sign-off, after the app asks who commits', async () => {
  const { a, s, list } = await openGitSite();
  await list.expectLoaded();
  await list.selectLanguage('en');
  await list.openPost(TITLE);
  const editor = new EditorPage(a.page);
  await expect(editor.content).toBeVisible();
  await editor.cursorToEnd();
  await a.page.keyboard.type(SENTENCE);
  await expect(editor.tab(`${FILE}, unsaved changes`)).toBeVisible();
  await editor.save();
  await expect(editor.tab(FILE)).toBeVisible();

  const git = new GitPanelPage(a.page);
  await git.expectCount(2);
  await git.open();
  await expect(git.kind(FILE)).toHaveText('changed');
  await expect(git.kind('_config.yml')).toHaveText('changed');
  const diff = await git.showDiff(FILE);
  await expect(diff).toContainText(SENTENCE);

  await git.include(FILE).check();
  await expect(git.include(FILE)).toBeChecked();
  await expect(git.include('_config.yml')).not.toBeChecked();
  await git.signOff.check();
  await git.commit('Mention the release day', 'The sentence the editor asked for.');
  await git.giveIdentity('Petra Press', 'petra@example.org');
  await expect(git.committed).toHaveText('Committed “Mention the release day”', { timeout: 30_000 });

  const message = await s.git(a.siteDir, 'log', '-1', '--format=%B');
  expect(message).toContain('Mention the release day\n\nThe sentence the editor asked for.');
  expect(message).toContain('Signed-off-by: Petra Press <petra@example.org>');
  expect((await s.git(a.siteDir, 'log', '-1', '--format=%an <%ae>')).trim()).toBe('Petra Press <petra@example.org>');
  expect((await s.git(a.siteDir, 'show', '--name-only', '--format=', 'HEAD')).trim()).toBe(REL);
  expect(await s.git(a.siteDir, 'show', 'HEAD:' + REL)).toContain(SENTENCE);
  expect(await s.git(a.siteDir, 'status', '--porcelain')).toBe(' M _config.yml\n');
  // The other file is still listed; the committed one is not, and its diff made way.
  await expect(git.row('_config.yml')).toHaveCount(1);
  await expect(git.row(FILE)).toHaveCount(0);
  await git.expectCount(1);
  await expect(git.diff(FILE)).toHaveCount(0);
  expect(a.pageErrors).toEqual([]);
});

test('a folder without history offers to start one, asks first, and then lists every file as new', async () => {
  home = await makeTempDir('pressroom-home-');
  app = await startApp({ site: SCS_SITE, extraEnv: { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' } });
  await new PostListPage(app.page).expectLoaded();
  const git = new GitPanelPage(app.page);
  await git.open();
  await expect(app.page.getByText('No history kept yet')).toBeVisible();
  await git.startHistoryButton.click();
  const confirm = app.page.getByRole('alertdialog', { name: /^Start keeping the history of .+\?$/ });
  await expect(confirm).toBeVisible();
  expect(await fs.access(path.join(app.siteDir, '.git')).then(() => true, () => false)).toBe(false);
  await confirm.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await expect(git.kind('_config.yml')).toHaveText('new', { timeout: 30_000 });
  await expect(git.kind('SCS_logo.png')).toHaveText('new');
  expect((await fs.stat(path.join(app.siteDir, '.git'))).isDirectory()).toBe(true);
  // The real git agrees: a repository with nothing committed, every file untracked.
  const status = await runGit(app.siteDir, ['status', '--porcelain', '--untracked-files=all'], home);
  expect(status).toContain('?? _config.yml');
  expect(status).toContain(`?? ${REL}`);
  const files = status.trim().split('\n').length;
  await git.expectCount(files);
  expect(app.pageErrors).toEqual([]);
});

for (const [locale, scheme] of [
  ['en-US', 'light'],
  ['de-DE', 'dark'],
] as const) {
  test(`screenshot of the Changes panel with a diff open (${locale}, ${scheme})`, async () => {
    const { a } = await openGitSite({ locale, colorScheme: scheme });
    await fs.appendFile(path.join(a.siteDir, REL), `\n${SENTENCE}\n`);
    // By position, not name: the German names differ.
    await a.page.locator('.sidebar-tab').nth(1).click();
    const rows = a.page.locator('.git-change-open');
    await expect(rows).toHaveCount(2, { timeout: 30_000 });
    await rows.filter({ hasText: FILE }).click();
    await expect(a.page.locator('.diff-view')).toContainText(SENTENCE);
    await a.page.screenshot({ path: path.join(SHOTS, `git-changes-${locale}-${scheme}.png`) });
    expect(a.pageErrors).toEqual([]);
  });
}
