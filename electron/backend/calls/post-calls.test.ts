// post.create through the edge on a copy of the bilingual site: the files the dialog showed are created and listed
// with their titles; a folder outside the language's posts folder or a misnamed file is refused, nothing written.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BILINGUAL_SITE } from '../../../e2e/fixtures/bilingual-site';
import type { PostEntry } from '../../../shared/contract/models';
import { createTestHandlers } from '../test-handlers';

let tmp: string;
let root: string;
let call: ReturnType<typeof createTestHandlers>['call'];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-post-calls-'));
  const site = path.join(tmp, 'site');
  await fs.cp(BILINGUAL_SITE, site, { recursive: true, verbatimSymlinks: true });
  ({ call } = createTestHandlers(tmp));
  root = ((await call('site.open', { path: site })) as { value: { root: string } }).value.root;
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const NAME = '2024-11-05-kestrel-cloud-3-0-is-out.md';
const file = (language: string, title: string, folder = `_i18n/${language}/_posts/announcements`, fileName = NAME) => ({ language, title, folder, fileName });

describe('post.create', () => {
  it('creates each language under its title and the list shows both at once', async () => {
    const created = await call('post.create', { site: root, date: '2024-11-05', category: 'release', posts: [file('en', 'Kestrel Cloud 3.0 is out'), file('de', 'Kestrel Cloud 3.0 ist da')] });
    expect(created).toEqual({ ok: true, value: { paths: [`_i18n/en/_posts/announcements/${NAME}`, `_i18n/de/_posts/announcements/${NAME}`] } });
    const posts = ((await call('site.posts', { site: root })) as { value: PostEntry[] }).value;
    expect(posts.filter((p) => p.path.endsWith(NAME)).map((p) => [p.language, p.title])).toEqual(
      expect.arrayContaining([
        ['en', 'Kestrel Cloud 3.0 is out'],
        ['de', 'Kestrel Cloud 3.0 ist da'],
      ]),
    );
  });

  it('refuses a folder outside the language’s posts folder or a misnamed file, and writes nothing', async () => {
    for (const posts of [[file('en', 'X'), file('de', 'X', '_i18n/en/_posts')], [file('en', 'X', '_layouts')], [file('en', 'X', undefined, 'x.md')], [file('en', 'X', '_i18n/en/_posts/../../../..')]]) {
      const result = await call('post.create', { site: root, date: '2024-11-05', category: 'release', posts });
      expect(result, JSON.stringify(posts)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
    await expect(fs.access(path.join(root, '_i18n/en/_posts/announcements', NAME))).rejects.toThrow();
  });
});

const EN_LAUNCH = '_i18n/en/_posts/announcements/2024-03-12-kestrel-cloud-2-0.md';
const DE_LAUNCH = '_i18n/de/_posts/announcements/2024-03-12-kestrel-cloud-2-0.md';
const EN_PARTNER = '_i18n/en/_posts/announcements/2024-06-04-partner-programme.md';
const DE_PARTNER = '_i18n/de/_posts/announcements/2024-06-04-partner-programme.md';
const EN_SECURITY = '_i18n/en/_posts/announcements/2024-09-10-security-update.md';
const listed = async () => ((await call('site.posts', { site: root })) as { value: PostEntry[] }).value;

describe('post.rename, post.addTranslation, post.translate and site.post', () => {
  it('renames a pair and the list shows the new names, the link still reading English', async () => {
    const to = (p: string) => p.replace('kestrel-cloud-2-0', 'kestrel-cloud-2-0-arrives').replace('partner-programme', 'partners');
    expect(await call('post.rename', { site: root, moves: [{ from: EN_LAUNCH, to: to(EN_LAUNCH) }, { from: DE_LAUNCH, to: to(DE_LAUNCH) }] })).toEqual({ ok: true, value: { paths: [to(EN_LAUNCH), to(DE_LAUNCH)] } });
    expect(await call('post.rename', { site: root, moves: [{ from: EN_PARTNER, to: to(EN_PARTNER) }, { from: DE_PARTNER, to: to(DE_PARTNER) }] })).toMatchObject({ ok: true });
    const paths = (await listed()).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining([to(EN_LAUNCH), to(DE_LAUNCH), to(EN_PARTNER), to(DE_PARTNER)]));
    expect(paths).not.toContain(EN_LAUNCH);
    expect((await listed()).find((p) => p.path === to(DE_PARTNER))).toMatchObject({ symlinkTarget: to(EN_PARTNER), symlinkLanguage: 'en' });
  });

  it('refuses a rename that leaves the folder, and renames nothing', async () => {
    const result = await call('post.rename', { site: root, moves: [{ from: EN_LAUNCH, to: '_i18n/en/_posts/2024-03-12-x.md' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    await expect(fs.access(path.join(root, EN_LAUNCH))).resolves.toBeUndefined();
  });

  it('adds the missing German release, listed at once as German', async () => {
    const de = EN_SECURITY.replace('/en/', '/de/');
    expect(await call('post.addTranslation', { site: root, path: EN_SECURITY, language: 'de' })).toEqual({ ok: true, value: { path: de } });
    expect(await fs.readFile(path.join(root, de), 'utf8')).toMatch(/^---\nlayout: post\ntitle: "Security update for Kestrel Cloud 2.0"\ncategory: release\n[\s\S]*---\n\n$/);
    expect((await listed()).find((p) => p.path === de)).toMatchObject({ language: 'de', date: '2024-09-10', category: 'release' });
    expect(await call('post.addTranslation', { site: root, path: EN_LAUNCH, language: 'de' })).toMatchObject({ ok: false, error: { code: 'exists' } });
  });

  it('turns the symlinked German release into its own file, and refuses a plain one', async () => {
    const result = (await call('post.translate', { site: root, path: DE_PARTNER })) as { ok: true; value: { path: string; version: string } };
    expect(result.ok).toBe(true);
    expect((await fs.lstat(path.join(root, DE_PARTNER))).isSymbolicLink()).toBe(false);
    const read = (await call('document.read', { site: root, path: DE_PARTNER })) as { value: { version: string } };
    expect(result.value.version).toBe(read.value.version);
    expect((await listed()).find((p) => p.path === DE_PARTNER)).toMatchObject({ symlinkTarget: null });
    expect(await call('post.translate', { site: root, path: DE_LAUNCH })).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('site.post gives one post as it is on disk now, and the list follows it', async () => {
    const abs = path.join(root, EN_LAUNCH);
    await fs.writeFile(abs, (await fs.readFile(abs, 'utf8')).replace('title: "Kestrel Cloud 2.0 is out"', 'title: "Kestrel Cloud 2.0 has arrived"'));
    expect(await call('site.post', { site: root, path: EN_LAUNCH })).toMatchObject({ ok: true, value: { path: EN_LAUNCH, title: 'Kestrel Cloud 2.0 has arrived', language: 'en' } });
    expect((await listed()).find((p) => p.path === EN_LAUNCH)?.title).toBe('Kestrel Cloud 2.0 has arrived');
    expect(await call('site.post', { site: root, path: '_config.yml' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('site.post', { site: root, path: '../outside.md' })).toMatchObject({ ok: false });
  });
});
