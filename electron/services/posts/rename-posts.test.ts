// Renaming a release before its first commit, on a copy of the bilingual fixture: both languages get the new name in
// their folders, a symlinked German file is re-pointed and still shows the English text, a committed file is refused,
// and a failure halfway leaves both files as they were.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BILINGUAL_POSTS } from '../../../e2e/fixtures/bilingual-site';
import { failureOf } from '../../../shared/contract/errors-testing';
import { commitSite, copyBilingualSite, existsAt, gitIn } from './posts-testing';
import { renamePosts, type RenameFs } from './rename-posts';

const CONFIG = { languages: ['en', 'de'] };
const A = 'announcements';
const en = (name: string) => `_i18n/en/_posts/${A}/${name}`;
const de = (name: string) => `_i18n/de/_posts/${A}/${name}`;
const LAUNCH = '2024-03-12-kestrel-cloud-2-0.md';
const LAUNCH_NEW = '2024-03-12-kestrel-cloud-2-0-arrives.md';
const PARTNER = '2024-06-04-partner-programme.md';
const PARTNER_NEW = '2024-06-04-join-the-partner-programme.md';

let site: string;
let remove: () => Promise<void>;
const read = (rel: string) => fs.readFile(path.join(site, rel), 'utf8');

beforeEach(async () => {
  ({ site, remove } = await copyBilingualSite());
});
afterEach(async () => {
  await remove();
});

describe('renamePosts', () => {
  it('renames both languages of a pair in their folders, keeping their text', async () => {
    const before = { en: await read(en(LAUNCH)), de: await read(de(LAUNCH)) };
    const result = await renamePosts(site, CONFIG, [
      { from: en(LAUNCH), to: en(LAUNCH_NEW) },
      { from: de(LAUNCH), to: de(LAUNCH_NEW) },
    ]);
    expect(result.paths).toEqual([en(LAUNCH_NEW), de(LAUNCH_NEW)]);
    expect(await existsAt(site, en(LAUNCH))).toBe(false);
    expect(await existsAt(site, de(LAUNCH))).toBe(false);
    expect(await read(en(LAUNCH_NEW))).toBe(before.en);
    expect(await read(de(LAUNCH_NEW))).toBe(before.de);
  });

  it('points a symlinked translation at its original’s new name, relative as before, still showing the English text', async () => {
    const text = await read(BILINGUAL_POSTS.partnerEn);
    await renamePosts(site, CONFIG, [
      { from: en(PARTNER), to: en(PARTNER_NEW) },
      { from: de(PARTNER), to: de(PARTNER_NEW) },
    ]);
    const link = path.join(site, de(PARTNER_NEW));
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe(`../../../en/_posts/${A}/${PARTNER_NEW}`);
    expect(await read(de(PARTNER_NEW))).toBe(text);
    expect(await existsAt(site, de(PARTNER))).toBe(false);
  });

  it('takes a symlinked translation along when only the original is named, so the link never dangles', async () => {
    const result = await renamePosts(site, CONFIG, [{ from: en(PARTNER), to: en(PARTNER_NEW) }]);
    expect(result.paths).toEqual([en(PARTNER_NEW), de(PARTNER_NEW)]);
    expect(await fs.readlink(path.join(site, de(PARTNER_NEW)))).toBe(`../../../en/_posts/${A}/${PARTNER_NEW}`);
    expect(await read(de(PARTNER_NEW))).toBe(await read(en(PARTNER_NEW)));
  });

  it('refuses a file the last commit has, in plain words, and renames nothing', async () => {
    commitSite(site, [en(LAUNCH)]);
    const failure = await failureOf(
      renamePosts(site, CONFIG, [
        { from: en(LAUNCH), to: en(LAUNCH_NEW) },
        { from: de(LAUNCH), to: de(LAUNCH_NEW) },
      ]),
    );
    expect(failure.error).toMatchObject({ code: 'refused', path: de(LAUNCH) });
    expect(failure.message).toMatch(/already committed.*published/);
    expect(await existsAt(site, en(LAUNCH))).toBe(true);
    expect(await existsAt(site, de(LAUNCH))).toBe(true);
    expect(await existsAt(site, en(LAUNCH_NEW))).toBe(false);
  });

  it('renames files that are only staged or untracked in a repository, and any file in one without commits', async () => {
    commitSite(site, [en(LAUNCH), de(LAUNCH)]);
    gitIn(site, 'add', '--', en(LAUNCH));
    await renamePosts(site, CONFIG, [
      { from: en(LAUNCH), to: en(LAUNCH_NEW) },
      { from: de(LAUNCH), to: de(LAUNCH_NEW) },
    ]);
    expect([await existsAt(site, en(LAUNCH_NEW)), await existsAt(site, de(LAUNCH_NEW))]).toEqual([true, true]);
    await fs.rm(path.join(site, '.git'), { recursive: true });
    gitIn(site, 'init', '-q');
    gitIn(site, 'add', '-A');
    await renamePosts(site, CONFIG, [{ from: en(PARTNER), to: en(PARTNER_NEW) }]);
    expect(await existsAt(site, en(PARTNER_NEW))).toBe(true);
  });

  it('never renames over an existing file', async () => {
    const onto = await failureOf(renamePosts(site, CONFIG, [{ from: en(LAUNCH), to: en(PARTNER) }]));
    expect(onto.error).toMatchObject({ code: 'exists', path: en(PARTNER) });
    expect(await read(en(PARTNER))).toMatch(/partner programme/);
    await fs.writeFile(path.join(site, de(LAUNCH_NEW)), 'someone else’s file\n');
    const taken = await failureOf(
      renamePosts(site, CONFIG, [
        { from: en(LAUNCH), to: en(LAUNCH_NEW) },
        { from: de(LAUNCH), to: de(LAUNCH_NEW) },
      ]),
    );
    expect(taken.error).toMatchObject({ code: 'exists', path: de(LAUNCH_NEW) });
    expect(await read(de(LAUNCH_NEW))).toBe('someone else’s file\n');
    expect(await existsAt(site, en(LAUNCH))).toBe(true);
    expect(await existsAt(site, en(LAUNCH_NEW))).toBe(false);
  });

  it('refuses another folder, a name that is no post name, or a path out of the site, and touches nothing', async () => {
    for (const to of [`_i18n/en/_posts/blog/${LAUNCH_NEW}`, en('kestrel.md'), en('2024-03-12-bad name.md'), en('2024-03-12-x.txt'), `_i18n/en/_posts/${A}/../../../../../x/${LAUNCH_NEW}`]) {
      const failure = await failureOf(renamePosts(site, CONFIG, [{ from: en(LAUNCH), to }]));
      expect(['invalid-arguments', 'outside-site'], to).toContain(failure.error.code);
    }
    expect(await existsAt(site, en(LAUNCH))).toBe(true);
  });

  it('renames a file reached twice (a German folder linked to the English one) once, and both paths show it', async () => {
    await fs.rm(path.join(site, '_i18n/de/_posts/blog'), { recursive: true });
    await fs.symlink('../../en/_posts/blog', path.join(site, '_i18n/de/_posts/blog'));
    const blog = (lang: string, name: string) => `_i18n/${lang}/_posts/blog/${name}`;
    const OLD = '2024-02-01-why-open-clouds.md';
    const NEW = '2024-02-01-why-clouds-should-be-open.md';
    const result = await renamePosts(site, CONFIG, [
      { from: blog('en', OLD), to: blog('en', NEW) },
      { from: blog('de', OLD), to: blog('de', NEW) },
    ]);
    expect(result.paths).toEqual([blog('en', NEW), blog('de', NEW)]);
    expect(await read(blog('de', NEW))).toBe(await read(blog('en', NEW)));
    expect(await existsAt(site, blog('en', OLD))).toBe(false);
    const twoNames = await failureOf(renamePosts(site, CONFIG, [{ from: blog('en', NEW), to: blog('en', OLD) }, { from: blog('de', NEW), to: blog('de', '2024-02-01-x.md') }]));
    expect(twoNames.error.code).toBe('invalid-arguments');
    expect(await existsAt(site, blog('en', NEW))).toBe(true);
  });

  it('undoes what it renamed when a later rename fails, so the pair is never half renamed', async () => {
    let calls = 0;
    const failing: RenameFs = {
      rename: (async (a: string, b: string) => {
        if (++calls === 2) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
        return fs.rename(a, b);
      }) as RenameFs['rename'],
      symlink: fs.symlink,
      unlink: fs.unlink,
    };
    const failure = await failureOf(
      renamePosts(
        site,
        CONFIG,
        [
          { from: en(LAUNCH), to: en(LAUNCH_NEW) },
          { from: de(LAUNCH), to: de(LAUNCH_NEW) },
        ],
        { fs: failing },
      ),
    );
    expect(failure.error.code).toBe('busy');
    expect(failure.message).toMatch(/Nothing was renamed/);
    expect(await existsAt(site, en(LAUNCH))).toBe(true);
    expect(await existsAt(site, de(LAUNCH))).toBe(true);
    expect(await existsAt(site, en(LAUNCH_NEW))).toBe(false);
    expect(await existsAt(site, de(LAUNCH_NEW))).toBe(false);
  });

  it('restores the symlinked translation when re-pointing it fails', async () => {
    const failing: RenameFs = {
      rename: fs.rename,
      symlink: fs.symlink,
      unlink: (async (p: string) => {
        if (p.endsWith(path.join('de', '_posts', A, PARTNER))) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return fs.unlink(p);
      }) as RenameFs['unlink'],
    };
    const failure = await failureOf(renamePosts(site, CONFIG, [{ from: en(PARTNER), to: en(PARTNER_NEW) }], { fs: failing }));
    expect(failure.error.code).toBe('not-writable');
    expect(await fs.readlink(path.join(site, de(PARTNER)))).toBe(`../../../en/_posts/${A}/${PARTNER}`);
    expect(await read(de(PARTNER))).toBe(await read(en(PARTNER)));
    expect(await existsAt(site, de(PARTNER_NEW))).toBe(false);
    expect(await existsAt(site, en(PARTNER_NEW))).toBe(false);
  });
});
