/**
 * Accessible to everyone (issue 21): axe-core's WCAG 2.1 AA rules find no serious or critical problem on the
 * screens a press team uses — the post list, an open post (tab bar, editor, preview), the front-matter form, the
 * new-release dialog and Settings — in the English and in the German interface, each in light and in dark. Beside
 * the automated check, what a keyboard or screen-reader user notices: the tab bar's close buttons and the editor
 * are reached with Tab, Delete closes a tab, and the editor's name follows the interface language.
 */
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { a11yViolations } from '../harness/axe';
import { REPO_ROOT, type RunningApp, startApp } from '../harness';
import { BILINGUAL_SITE } from '../fixtures/bilingual-site';
import { en } from '../../renderer/i18n/en';
import { de } from '../../renderer/i18n/de';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const POST_TITLE = 'Kestrel Cloud 2.0 is out';
const POST_FILE = '2024-03-12-kestrel-cloud-2-0.md';
const POST_PATH = `_i18n/en/_posts/announcements/${POST_FILE}`;

/** The interface languages to check, with what the server and the browser need to start in each. */
const LANGUAGES = [
  { code: 'en', catalogue: en, locale: 'en-US', env: {} },
  // The server's language (the "system" one) comes first, so German needs a German server locale too.
  { code: 'de', catalogue: de, locale: 'de-DE', env: { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } },
] as const;
type Language = (typeof LANGUAGES)[number];

// Each test starts a server and runs axe twice; a loaded two-core machine needs more than the default 90 s.
test.describe.configure({ timeout: 180_000 });

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Starts the app on a copy of the bilingual site in this interface language and waits for its post list. */
async function openSite(lang: Language): Promise<RunningApp> {
  app = await startApp({ site: BILINGUAL_SITE, locale: lang.locale, extraEnv: lang.env });
  const list = app.page.getByRole('listbox', { name: lang.catalogue['posts.list'] });
  await expect(list.getByRole('option').first()).toBeVisible();
  return app;
}

/** Opens the English launch release (English chosen in the language filter, so its row opens English in either interface): its tab, its text in the editor and the preview showing it. */
async function openPost(a: RunningApp, lang: Language): Promise<void> {
  const t = lang.catalogue;
  await a.page.getByRole('combobox', { name: t['posts.language'] }).selectOption('en');
  await a.page.getByRole('listbox', { name: t['posts.list'] }).getByRole('option', { name: POST_TITLE }).first().click();
  await expect(a.page.getByRole('tablist', { name: t['tabs.label'] }).getByRole('tab')).toHaveCount(1);
  await expect(a.page.getByRole('textbox', { name: t['document.text'].replace('{path}', POST_PATH) })).toContainText('Kestrel Cloud 2.0');
  await expect(a.page.locator('iframe').contentFrame().locator('#pr-article')).toContainText('Kestrel Cloud 2.0');
}

/** Checks the screen as it is in light and again in dark (colour contrast differs); one message lists both. With `shot`, screenshots of both for people to look at. */
async function expectAccessible(page: Page, screen: string, shot?: string): Promise<void> {
  const light = await a11yViolations(page);
  if (shot) await page.screenshot({ path: path.join(SHOTS, `${shot}-light.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const frame = page.locator('iframe');
  if ((await frame.count()) > 0) await expect(frame.first().contentFrame().locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await a11yViolations(page);
  if (shot) await page.screenshot({ path: path.join(SHOTS, `${shot}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
  expect({ light, dark }, `serious or critical accessibility problems on ${screen}`).toEqual({ light: [], dark: [] });
}

for (const lang of LANGUAGES) {
  const t = lang.catalogue;

  test.describe(`interface in ${lang.code}`, () => {
    test('the post list has no serious accessibility problem', async () => {
      const a = await openSite(lang);
      // A row's name is what it shows (title in the interface language, date, language chips), not the title alone.
      await expect(a.page.getByRole('option', { name: new RegExp(`^${lang.code === 'de' ? 'Kestrel Cloud 2.0 ist da' : POST_TITLE}.+EN DE`) }).first()).toBeVisible();
      await expectAccessible(a.page, 'the post list');
    });

    test('an open post (tab bar, editor, preview) has no serious accessibility problem', async () => {
      const a = await openSite(lang);
      await openPost(a, lang);
      // A second tab, so the bar shows an inactive tab and its close button beside the active one.
      await a.page.getByRole('listbox', { name: t['posts.list'] }).getByRole('option', { name: 'Why open clouds matter' }).first().click();
      await expect(a.page.getByRole('tablist', { name: t['tabs.label'] }).getByRole('tab')).toHaveCount(2);
      await expect(a.page.locator('iframe').contentFrame().locator('#pr-article')).toContainText('open');
      await expectAccessible(a.page, 'the open post', `a11y-open-post-${lang.code}`);
    });

    test('the front-matter form has no serious accessibility problem', async () => {
      const a = await openSite(lang);
      await openPost(a, lang);
      await a.page.getByRole('main').getByRole('button', { name: new RegExp(`^${t['frontMatter.toggle']}`) }).click();
      await expect(a.page.getByRole('region', { name: t['frontMatter.region'] })).toBeVisible();
      await expectAccessible(a.page, 'the front-matter form');
    });

    test('the new-release dialog has no serious accessibility problem', async () => {
      const a = await openSite(lang);
      await a.page.getByRole('button', { name: t['newPost.button'] }).click();
      await expect(a.page.getByRole('dialog', { name: t['newPost.title'] })).toBeVisible();
      await expectAccessible(a.page, 'the new-release dialog');
    });

    test('Settings has no serious accessibility problem', async () => {
      const a = await openSite(lang);
      await a.page.getByRole('button', { name: t['site.settings'] }).first().click();
      await expect(a.page.getByRole('dialog', { name: t['settings.title'] })).toBeVisible();
      await expectAccessible(a.page, 'Settings');
    });
  });
}

test('keyboard: Tab goes from the open tab to its close button and on to the editor; Delete closes the tab', async () => {
  const a = await openSite(LANGUAGES[0]);
  await openPost(a, LANGUAGES[0]);
  const tab = a.page.getByRole('tablist', { name: 'Open posts' }).getByRole('tab', { name: POST_FILE });
  await tab.focus();
  await a.page.keyboard.press('Tab');
  await expect(a.page.getByRole('button', { name: `Close ${POST_FILE}`, exact: true }), 'the close button comes right after its tab').toBeFocused();
  const editor = a.page.getByRole('textbox', { name: `Text of ${POST_PATH}` });
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await a.page.keyboard.press('Tab');
    reached = await editor.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el);
  }
  expect(reached, 'the editor text is reached with Tab').toBe(true);
  await tab.focus();
  await a.page.keyboard.press('Delete');
  await expect(tab, 'Delete on a tab closes it').toHaveCount(0);
});

test("the editor's accessible name follows the interface language when it changes in Settings", async () => {
  const a = await openSite(LANGUAGES[0]);
  await openPost(a, LANGUAGES[0]);
  await a.page.getByRole('button', { name: 'Settings' }).first().click();
  await a.page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Interface language' }).selectOption('de');
  await a.page.keyboard.press('Escape');
  await expect(a.page.getByRole('textbox', { name: `Text von ${POST_PATH}` }), 'the editor is named in German').toBeVisible();
  await expect(a.page.getByRole('region', { name: `Text von ${POST_PATH}` })).toBeVisible();
});
