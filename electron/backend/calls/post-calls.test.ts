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
