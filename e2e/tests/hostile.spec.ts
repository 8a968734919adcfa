/**
 * A site full of hostile content must be shown, never run: every post is listed (broken ones marked), no
 * script, event handler, `javascript:` link or JS front matter executes, and the app stays usable.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { type PostEntry } from '../../shared/contract/models';
import { HOSTILE_POSTS, HOSTILE_SITE, prepareHostileSite } from '../fixtures/hostile-site';
import { type RunningApp, startApp } from '../harness';
import { DocumentPage } from '../pages/document-page';
import { PostListPage } from '../pages/post-list-page';

/** A file the JS front matter would create if the app ever evaluated it in Node. */
const PWNED_FILE = '/tmp/pressroom-pwned';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Asks the running server for the posts the way the renderer does (same origin, the token header). */
async function postsFromServer(a: RunningApp): Promise<PostEntry[]> {
  return a.page.evaluate(async ({ site, token }) => {
    const headers = { 'Content-Type': 'application/json', 'X-Pressroom-Token': token };
    const post = (name: string, args: unknown) => fetch(`/api/call/${name}`, { method: 'POST', headers, body: JSON.stringify(args) }).then((r) => r.json());
    const opened = await post('site.open', { path: site });
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const result = await post('site.posts', { site: opened.value.root });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as PostEntry[];
  }, { site: a.siteDir, token: a.token });
}

/** Nothing ran: no dialog, no page error from injected code, no global set by a script. */
async function expectNothingRan(a: RunningApp): Promise<void> {
  expect(a.dialogs).toEqual([]);
  expect(await a.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  for (const frame of a.page.frames()) {
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined)).toBeUndefined();
  }
  expect(fs.existsSync(PWNED_FILE)).toBe(false);
}

test('a hostile site is listed completely, broken posts marked, and nothing in it runs', async () => {
  fs.rmSync(PWNED_FILE, { force: true });
  app = await startApp({ site: HOSTILE_SITE, prepareSite: prepareHostileSite });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await expect(list.item('An ordinary post among hostile ones').first()).toBeVisible();

  // The server lists every post file, and knows which cannot be read.
  const entries = await postsFromServer(app);
  const byPath = new Map(entries.map((e) => [e.path, e]));
  for (const post of HOSTILE_POSTS) {
    const entry = byPath.get(post.path);
    expect(entry, `${post.path} is listed`).toBeDefined();
    if (post.broken) expect(entry?.error, `${post.path} is marked as broken`).toBeTruthy();
  }
  expect(entries.filter((e) => e.path.includes('/loop/') || e.path.includes('/outside/')), 'no post reached through a folder symlink').toEqual([]);
  expect(entries.find((e) => e.path.endsWith('escape.md'))?.title ?? '').not.toContain('root:');
  expect(entries.map((e) => e.title)).not.toContain('JS front matter ran');

  // The window lists each of them (filtering by its path, so the virtual list shows it) and marks the broken.
  for (const post of HOSTILE_POSTS) {
    await list.filter(post.path);
    const row = list.items.filter({ hasText: post.shows });
    await expect(row, `${post.path} shows in the list`).toHaveCount(1);
    if (post.broken) await expect(row, `${post.path} is marked`).toContainText('Cannot be read');
    else await expect(row, `${post.path} is not marked`).not.toContainText('Cannot be read');
    if (post.notText) {
      await list.openPost(post.shows);
      await expect(app.page.getByRole('main').getByRole('alert')).toContainText('This post cannot be shown');
    }
  }
  await list.filter('');

  // Markup in titles is shown as text, not parsed into elements.
  await list.filter('Script in the title');
  await expect(list.items.first()).toContainText('<script>');
  await expect(list.list.locator('script, img, iframe, svg script')).toHaveCount(0);
  await list.filter('');
  await expectNothingRan(app);

  // Open the posts that try hardest; each shows as text and nothing runs.
  const doc = new DocumentPage(app.page);
  for (const [title, text] of [
    ['Script in the title', 'Body with a script'],
    ['Image error handler', 'hover anywhere'],
    ['javascript: links', 'Click me'],
    ['SVG with a script', 'An SVG asset with a script inside'],
  ] as const) {
    await list.filter(title);
    await list.openPost(title);
    await doc.expectText(text);
    await app.page.mouse.move(400, 400);
    await expectNothingRan(app);
  }

  // The app stays usable: an ordinary post opens.
  await list.filter('ordinary');
  await expect(list.items).toHaveCount(1);
  await list.openPost('An ordinary post among hostile ones');
  await doc.expectText('the app must keep working for this one');
  await expectNothingRan(app);
  expect(app.pageErrors).toEqual([]);
});

test('the huge post and the non-UTF-8 post open without freezing the app', async () => {
  app = await startApp({ site: HOSTILE_SITE, prepareSite: prepareHostileSite });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  const doc = new DocumentPage(app.page);
  await list.filter('2 MB');
  await list.openPost('A post with one 2 MB line');
  await doc.expectText('Lorem ipsum dolor sit amet.');
  // Latin-1 bytes: shown as text (with replacement characters) or refused in plain words, never a blank pane.
  await list.filter('latin1');
  await list.openPost('latin1');
  await expect(doc.text.or(app.page.getByRole('main').getByRole('alert'))).toContainText(/Gr.*e aus K.*ln|cannot be shown/);
  await list.filter('ordinary');
  await list.openPost('An ordinary post among hostile ones');
  await doc.expectText('the app must keep working for this one');
  await expectNothingRan(app);
});
