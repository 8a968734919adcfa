import { describe, expect, it } from 'vitest';
import type { PostEntry } from '../contract/models';
import { postEntryOf } from './post-entry';
import { memberFor, pairOfPath, pairPosts, translationPath } from './post-pairs';

function post(path: string, language: string | null, extra: Partial<PostEntry> = {}): PostEntry {
  return postEntryOf(path, { title: path, date: '2024-03-12', slug: 's', language, size: 1, ...extra });
}

describe('pairPosts', () => {
  it('pairs the same file name under each language, even in different folders, and names the missing language', () => {
    const pairs = pairPosts(
      [
        post('_i18n/de/_posts/announcements/2024-03-12-kestrel.md', 'de'),
        post('_i18n/en/_posts/news/2024-03-12-kestrel.md', 'en'),
        post('_i18n/en/_posts/announcements/2024-09-10-security.md', 'en'),
        post('_posts/2020-01-01-old.md', null),
      ],
      ['en', 'de'],
    );
    expect(pairs.map((p) => [p.members.map((m) => m.language), p.missing])).toEqual([
      [['en', 'de'], []],
      [['en'], ['de']],
      [[null], []],
    ]);
  });

  it('matches by the whole path when a language has one file name twice', () => {
    const pairs = pairPosts(
      [
        post('_i18n/en/_posts/a/2024-03-12-x.md', 'en'),
        post('_i18n/en/_posts/b/2024-03-12-x.md', 'en'),
        post('_i18n/de/_posts/b/2024-03-12-x.md', 'de'),
      ],
      ['en', 'de'],
    );
    expect(pairs.map((p) => p.members.map((m) => m.path))).toEqual([['_i18n/en/_posts/a/2024-03-12-x.md'], ['_i18n/en/_posts/b/2024-03-12-x.md', '_i18n/de/_posts/b/2024-03-12-x.md']]);
  });

  it('gives every row its own key, even where a post without a language has the same file name', () => {
    const pairs = pairPosts([post('_posts/2024-01-01-a.md', null), post('_i18n/en/_posts/2024-01-01-a.md', 'en'), post('_i18n/de/_posts/2024-01-01-a.md', 'de')], ['en', 'de']);
    expect(pairs).toHaveLength(2);
    expect(new Set(pairs.map((p) => p.key)).size).toBe(2);
  });

  it('keeps drafts and posts apart', () => {
    const pairs = pairPosts([post('_i18n/en/_drafts/x.md', 'en'), post('_i18n/de/_posts/x.md', 'de')], ['en', 'de']);
    expect(pairs).toHaveLength(2);
  });
});

describe('memberFor and pairOfPath', () => {
  const pairs = pairPosts([post('_i18n/en/_posts/x/2024-01-01-a.md', 'en'), post('_i18n/de/_posts/x/2024-01-01-a.md', 'de')], ['en', 'de']);
  it('opens the preferred language the pair has', () => {
    expect(memberFor(pairs[0], [null, 'fr', 'de']).language).toBe('de');
    expect(memberFor(pairs[0], []).language).toBe('en');
  });
  it('finds the pair of a path', () => {
    expect(pairOfPath(pairs, '_i18n/de/_posts/x/2024-01-01-a.md')).toBe(pairs[0]);
    expect(pairOfPath(pairs, 'nope.md')).toBeNull();
  });
});

describe('translationPath', () => {
  it('puts the file in the same place under the other language', () => {
    expect(translationPath('_i18n/en/_posts/announcements/2024-01-01-a.md', 'de')).toBe('_i18n/de/_posts/announcements/2024-01-01-a.md');
    expect(translationPath('_posts/2024-01-01-a.md', 'de')).toBeNull();
  });
});
