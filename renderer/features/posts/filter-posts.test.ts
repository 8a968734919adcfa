import { describe, expect, it } from 'vitest';
import type { PostEntry } from '../../../shared/contract/models';
import { categoryOptions, filterPosts, indexPosts, languageOptions, NO_FILTER } from './filter-posts';

function post(over: Partial<PostEntry>): PostEntry {
  return {
    path: '_posts/x.md', title: 'X', date: null, dateSource: 'none', slug: 'x', language: null, category: null,
    categories: [], layout: null, draft: false, symlinkTarget: null, symlinkLanguage: null, error: null, size: 1, ...over,
  };
}

const posts = [
  post({ path: '_i18n/en/_posts/2024-01-18-kestrel-1-0.md', title: 'Kestrel 1.0 released', date: '2024-01-18', slug: 'kestrel-1-0', language: 'en', category: 'Release' }),
  post({ path: '_i18n/de/_posts/2024-01-18-kestrel-1-0.md', title: 'Kestrel 1.0 veröffentlicht', date: '2024-01-18', slug: 'kestrel-1-0', language: 'de', category: 'Release' }),
  post({ path: '_i18n/en/_posts/2024-02-14-summit.md', title: 'Community summit in Berlin', date: '2024-02-14', slug: 'summit', language: 'en', categories: ['Events', 'Community'] }),
  post({ path: '_drafts/roadmap.md', title: 'Roadmap', date: null, slug: 'roadmap', draft: true }),
  post({ path: '_i18n/fr/_posts/2023-05-01-bonjour.md', title: 'Bonjour', date: '2023-05-01', slug: 'bonjour', language: 'fr' }),
];

const titles = (list: PostEntry[]) => list.map((p) => p.title);

describe('filterPosts', () => {
  const index = indexPosts(posts);

  it('lists newest first with undated posts last, and oldest first on request', () => {
    expect(titles(filterPosts(index, NO_FILTER))).toEqual(['Community summit in Berlin', 'Kestrel 1.0 veröffentlicht', 'Kestrel 1.0 released', 'Bonjour', 'Roadmap']);
    expect(titles(filterPosts(index, { ...NO_FILTER, order: 'oldest' }))).toEqual(['Bonjour', 'Kestrel 1.0 released', 'Kestrel 1.0 veröffentlicht', 'Community summit in Berlin', 'Roadmap']);
  });

  it('matches title, path, slug and category, ignoring case, every word', () => {
    expect(titles(filterPosts(index, { ...NO_FILTER, text: 'BERLIN' }))).toEqual(['Community summit in Berlin']);
    expect(titles(filterPosts(index, { ...NO_FILTER, text: '_drafts' }))).toEqual(['Roadmap']);
    expect(titles(filterPosts(index, { ...NO_FILTER, text: 'bonjour' }))).toEqual(['Bonjour']);
    expect(titles(filterPosts(index, { ...NO_FILTER, text: 'release de/' }))).toEqual(['Kestrel 1.0 veröffentlicht']);
    expect(titles(filterPosts(index, { ...NO_FILTER, text: 'events' }))).toEqual(['Community summit in Berlin']);
    expect(filterPosts(index, { ...NO_FILTER, text: 'nothing like this' })).toEqual([]);
  });

  it('filters by language and by category', () => {
    expect(titles(filterPosts(index, { ...NO_FILTER, language: 'de' }))).toEqual(['Kestrel 1.0 veröffentlicht']);
    expect(titles(filterPosts(index, { ...NO_FILTER, category: 'Community' }))).toEqual(['Community summit in Berlin']);
    expect(titles(filterPosts(index, { ...NO_FILTER, language: 'en', category: 'Release' }))).toEqual(['Kestrel 1.0 released']);
  });

  // Speed per keystroke is measured by `npm run bench` (bench/filter-posts.bench.ts, as a ratio to a plain filter).
  it('finds the right posts among ten thousand, key by key', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      post({ path: `_posts/2020-01-01-p${i}.md`, title: `Press release number ${i}`, date: `20${String(10 + (i % 15))}-01-01`, slug: `p${i}`, language: i % 2 ? 'en' : 'de' }),
    );
    const big = indexPosts(many);
    const counts = ['p', 'pr', 'pre', 'press 99', 'number 12'].map((text) => filterPosts(big, { ...NO_FILTER, text, language: 'en' }).length);
    // Every English post matches the first keys; each word must match, so "press 99" keeps the English posts
    // whose number contains 99 and "number 12" those whose number contains 12.
    const english = (has: string) => many.filter((p) => p.language === 'en' && p.title.includes(has)).length;
    expect(counts).toEqual([5000, 5000, 5000, english('99'), english('12')]);
    expect(english('12')).toBeGreaterThan(0);
    expect(filterPosts(big, { ...NO_FILTER, text: 'number 9999' }).map((p) => p.slug)).toEqual(['p9999']);
  });
});

describe('filter options', () => {
  it('offers the site languages first, then languages only posts use', () => {
    expect(languageOptions(posts, ['en', 'de'])).toEqual(['en', 'de', 'fr']);
  });
  it('offers every category once, alphabetically', () => {
    expect(categoryOptions(posts)).toEqual(['Community', 'Events', 'Release']);
  });
});
