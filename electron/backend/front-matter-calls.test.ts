import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHandlers } from './test-handlers';
import type { FrontMatterSchema, PostEntry } from '../../shared/contract/models';

let tmp: string;
let site: string;
let call: ReturnType<typeof createTestHandlers>['call'];

async function write(rel: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), text);
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-fm-calls-'));
  site = path.join(tmp, 'site');
  await write('_config.yml', 'title: T\nlanguages: [en, de]\n');
  await write('_i18n/en/_posts/2024/2024-01-01-a.md', '---\nlayout: post\ntitle: A\ncategory: release\n---\n');
  ({ call } = createTestHandlers(tmp));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('site.frontMatterSchema and post.create', () => {
  it('work only on an open site', async () => {
    expect(await call('site.frontMatterSchema', { site })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('post.create', { site, date: '2024-05-01', category: '', posts: [{ language: 'en', title: 'x', folder: '_i18n/en/_posts/2024', fileName: '2024-05-01-x.md' }] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('gives the form of an open site', async () => {
    const root = ((await call('site.open', { path: site })) as { value: { root: string } }).value.root;
    const result = (await call('site.frontMatterSchema', { site: root })) as { ok: true; value: FrontMatterSchema };
    expect(result.ok).toBe(true);
    expect(result.value.fields.find((f) => f.key === 'category')).toMatchObject({ type: 'select', options: ['release'] });
  });

  it('creates the post in each language beside the existing ones, and the list shows it at once', async () => {
    const root = ((await call('site.open', { path: site })) as { value: { root: string } }).value.root;
    const created = await call('post.create', { site: root, date: '2024-05-01', category: 'release', posts: [{ language: 'en', title: 'New feature', folder: '_i18n/en/_posts/2024', fileName: '2024-05-01-neue-funktion.md' }, { language: 'de', title: 'Neue Funktion', folder: '_i18n/de/_posts/2024', fileName: '2024-05-01-neue-funktion.md' }] });
    expect(created).toEqual({ ok: true, value: { paths: ['_i18n/en/_posts/2024/2024-05-01-neue-funktion.md', '_i18n/de/_posts/2024/2024-05-01-neue-funktion.md'] } });
    const posts = (await call('site.posts', { site: root })) as { value: PostEntry[] };
    expect(posts.value.map((p) => p.path)).toContain('_i18n/de/_posts/2024/2024-05-01-neue-funktion.md');
    expect(await call('post.create', { site: root, date: '2024-05-01', category: 'release', posts: [{ language: 'en', title: 'Neue Funktion', folder: '_i18n/en/_posts/2024', fileName: '2024-05-01-neue-funktion.md' }] })).toMatchObject({ ok: false, error: { code: 'exists' } });
  });

  it('rejects malformed arguments at the edge', async () => {
    expect(await call('post.create', { site, date: '1 May', category: '', posts: [{ language: 'en', title: 'x', folder: '_i18n/en/_posts/2024', fileName: '2024-05-01-x.md' }] })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await call('post.create', { site, date: '2024-05-01', category: '', posts: [{ language: 'en', title: '', folder: '_i18n/en/_posts/2024', fileName: '2024-05-01-x.md' }] })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });
});
