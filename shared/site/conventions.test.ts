import { describe, expect, it } from 'vitest';
import { draftSlugOfFileName, languageOfPath, normalizeDate, parsePostFileName, postKindOfPath } from './conventions';

describe('parsePostFileName', () => {
  it('splits dated names of every post extension', () => {
    expect(parsePostFileName('2022-09-21-launch-day.md')).toEqual({ date: '2022-09-21', slug: 'launch-day' });
    expect(parsePostFileName('2020-02-29-leap.markdown')).toEqual({ date: '2020-02-29', slug: 'leap' });
    expect(parsePostFileName('1999-12-31-party.html')).toEqual({ date: '1999-12-31', slug: 'party' });
    expect(parsePostFileName('2022-09-21-a.b.MD')).toEqual({ date: '2022-09-21', slug: 'a.b' });
  });

  it('refuses names Jekyll would not read as posts', () => {
    for (const name of ['launch.md', '2022-09-21.md', '2022-09-21-x.txt', '2022-13-01-x.md', '2021-02-29-x.md', '22-09-21-x.md', '2022-09-21-x.md~'])
      expect(parsePostFileName(name), name).toBeNull();
  });

  it('gives drafts their slug without a date', () => {
    expect(draftSlugOfFileName('next-launch.md')).toBe('next-launch');
    expect(draftSlugOfFileName('notes.txt')).toBeNull();
  });
});

describe('normalizeDate', () => {
  it('keeps the day as written in strings with time and zone', () => {
    expect(normalizeDate('2022-09-21 10:00:00 +0200')).toBe('2022-09-21');
    expect(normalizeDate('2022-09-21 00:30:00 +0200')).toBe('2022-09-21');
    expect(normalizeDate('2022-09-21T23:59:00-0800')).toBe('2022-09-21');
    expect(normalizeDate('2022-09-21')).toBe('2022-09-21');
    expect(normalizeDate(' 2022-9-1 ')).toBe('2022-09-01');
  });

  it('reads Date objects as YAML produces them (UTC)', () => {
    expect(normalizeDate(new Date(Date.UTC(2022, 8, 21)))).toBe('2022-09-21');
    expect(normalizeDate(new Date('invalid'))).toBeNull();
  });

  it('gives null for anything that is not a date', () => {
    for (const v of [null, undefined, 20220921, 'yesterday', '2022-02-30', '2022-09-214', {}, ['2022-09-21']]) expect(normalizeDate(v)).toBeNull();
  });
});

describe('languageOfPath', () => {
  const languages = ['en', 'de'];
  it('finds the language of posts and drafts under _i18n at any depth', () => {
    expect(languageOfPath('_i18n/de/_posts/2022/2022-09-21-x.md', languages)).toBe('de');
    expect(languageOfPath('_i18n/en/_posts/2022-09-21-x.md', languages)).toBe('en');
    expect(languageOfPath('_i18n/en/_drafts/x.md', languages)).toBe('en');
  });
  it('gives null for the root _posts and for languages the site does not configure', () => {
    expect(languageOfPath('_posts/2022-09-21-x.md', languages)).toBeNull();
    expect(languageOfPath('_i18n/fr/_posts/2022-09-21-x.md', languages)).toBeNull();
    expect(languageOfPath('_i18n/de/about.md', languages)).toBeNull();
  });
});

describe('postKindOfPath', () => {
  it('recognises posts and drafts wherever Jekyll reads them', () => {
    expect(postKindOfPath('_posts/2022-09-21-x.md')).toBe('post');
    expect(postKindOfPath('_posts/2022/09/2022-09-21-x.md')).toBe('post');
    expect(postKindOfPath('_i18n/de/_posts/2022/2022-09-21-x.md')).toBe('post');
    expect(postKindOfPath('_drafts/idea.md')).toBe('draft');
    expect(postKindOfPath('_drafts/sub/2022-09-21-idea.markdown')).toBe('draft');
    expect(postKindOfPath('_i18n/en/_drafts/idea.html')).toBe('draft');
  });
  it('ignores everything else', () => {
    for (const rel of ['_posts', '_posts/undated.md', '_posts/2022-09-21-x.png', '_posts/.2022-09-21-x.md', '_posts/_old/2022-09-21-x.md', 'blog/_posts/x.md', '_i18n/de/about.md', '_i18n/de/_posts', 'about.md', '_drafts/.idea.md.swp'])
      expect(postKindOfPath(rel), rel).toBeNull();
  });
});
