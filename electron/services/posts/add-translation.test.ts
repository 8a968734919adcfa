// Adding the missing German version of a release: the same file name under _i18n/de/, the English front matter byte
// for byte without the English-only text, an empty body, never over an existing file (or a dangling link).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BILINGUAL_POSTS } from '../../../e2e/fixtures/bilingual-site';
import { failureOf } from '../../../shared/contract/errors-testing';
import { addTranslation, translationText } from './add-translation';
import { copyBilingualSite, existsAt } from './posts-testing';

const CONFIG = { languages: ['en', 'de'] };
let site: string;
let remove: () => Promise<void>;
const read = (rel: string) => fs.readFile(path.join(site, rel), 'utf8');
const write = async (rel: string, text: string) => {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), text);
};

beforeEach(async () => {
  ({ site, remove } = await copyBilingualSite());
});
afterEach(async () => {
  await remove();
});

const SOURCE = [
  '---',
  'layout: post',
  '# the English headline',
  "title: 'Security update for Kestrel Cloud 2.0'",
  'date:   2024-09-10 09:00:00 +0200',
  'excerpt: >-',
  '  A security update is out',
  '  for everyone.',
  'categories: [release, security]',
  'description: "Update now"',
  'lang: en',
  'tags:',
  '  - security',
  'image: "blog/launch.jpg"',
  'subtitle: Patch',
  '---',
  '**Berlin** – English text.',
  '',
].join('\n');

describe('addTranslation', () => {
  it('creates the German file beside the English one’s place, front matter kept as written minus the English-only text', async () => {
    const rel = '_i18n/en/_posts/announcements/2024-09-10-security-fix.md';
    await write(rel, SOURCE);
    const result = await addTranslation(site, CONFIG, rel, 'de');
    expect(result.path).toBe('_i18n/de/_posts/announcements/2024-09-10-security-fix.md');
    expect(await read(result.path)).toBe(
      [
        '---',
        'layout: post',
        '# the English headline',
        "title: 'Security update for Kestrel Cloud 2.0'",
        'date:   2024-09-10 09:00:00 +0200',
        'categories: [release, security]',
        'lang: de',
        'tags:',
        '  - security',
        'image: "blog/launch.jpg"',
        '---',
        '',
        '',
      ].join('\n'),
    );
    expect(await read(rel)).toBe(SOURCE);
  });

  it('adds the fixture’s missing German release with its date, category, author and a blank body', async () => {
    const result = await addTranslation(site, CONFIG, BILINGUAL_POSTS.securityEn, 'de');
    const text = await read(result.path);
    expect(text).toBe('---\nlayout: post\ntitle: "Security update for Kestrel Cloud 2.0"\ncategory: release\nauthor:\n  - "Kestrel Press Team"\n---\n\n');
  });

  it('keeps Windows line endings', () => {
    expect(translationText(SOURCE.replace(/\n/g, '\r\n'), 'de')).toBe(
      "---\r\nlayout: post\r\n# the English headline\r\ntitle: 'Security update for Kestrel Cloud 2.0'\r\ndate:   2024-09-10 09:00:00 +0200\r\ncategories: [release, security]\r\nlang: de\r\ntags:\r\n  - security\r\nimage: \"blog/launch.jpg\"\r\n---\r\n\r\n",
    );
  });

  it('reads a symlinked source through its link', async () => {
    const added = await addTranslation(site, { languages: ['en', 'de', 'fr'] }, BILINGUAL_POSTS.partnerDeLink, 'fr');
    expect(added.path).toBe('_i18n/fr/_posts/announcements/2024-06-04-partner-programme.md');
    expect(await read(added.path)).toBe('---\nlayout: post\ntitle: "Kestrel Cloud opens its partner programme"\ncategory: release\nauthor:\n  - "Kestrel Press Team"\n---\n\n');
    expect((await fs.lstat(path.join(site, BILINGUAL_POSTS.partnerDeLink))).isSymbolicLink()).toBe(true);
  });

  it('creates missing folders for a release in a folder the other language does not have yet', async () => {
    const rel = '_i18n/en/_posts/events/2025-01-01-meetup.md';
    await write(rel, '---\ntitle: Meetup\n---\nText\n');
    const result = await addTranslation(site, CONFIG, rel, 'de');
    expect(await read(result.path)).toBe('---\ntitle: Meetup\n---\n\n');
  });

  it('never overwrites: an existing file or a dangling link at the place is refused and left alone', async () => {
    const launch = await failureOf(addTranslation(site, CONFIG, BILINGUAL_POSTS.launchEn, 'de'));
    expect(launch.error).toMatchObject({ code: 'exists', path: BILINGUAL_POSTS.launchDe });
    const rel = BILINGUAL_POSTS.securityEn;
    const target = '_i18n/de/_posts/announcements/2024-09-10-security-update.md';
    await fs.symlink('nowhere.md', path.join(site, target));
    expect((await failureOf(addTranslation(site, CONFIG, rel, 'de'))).error.code).toBe('exists');
    expect(await fs.readlink(path.join(site, target))).toBe('nowhere.md');
  });

  it('refuses a language the site does not have and a post outside the language folders', async () => {
    expect((await failureOf(addTranslation(site, CONFIG, BILINGUAL_POSTS.launchEn, 'fr'))).error.code).toBe('invalid-arguments');
    await write('_posts/2024-01-01-plain.md', '---\ntitle: x\n---\n');
    expect((await failureOf(addTranslation(site, CONFIG, '_posts/2024-01-01-plain.md', 'de'))).error.code).toBe('not-supported');
    expect(await existsAt(site, '_i18n/fr')).toBe(false);
  });
});
