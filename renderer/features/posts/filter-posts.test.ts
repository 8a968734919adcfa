import { describe, expect, it } from 'vitest';
import type { PostEntry } from '../../../shared/contract/models';
import { pairPosts } from '../../../shared/site/post-pairs';
import { categoryOptions, filterPairs, indexPairs, languageOptions, NO_FILTER, type PairRow } from './filter-posts';

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
  post({ path: '_i18n/de/_posts/2023-08-01-nur-deutsch.md', title: 'Nur auf Deutsch', date: '2023-08-01', slug: 'nur-deutsch', language: 'de', category: 'Release' }),
];
const pairs = pairPosts(posts, ['en', 'de']);

const titles = (list: PairRow[]) => list.map((r) => r.post.title);

describe('filterPairs', () => {
  const english = indexPairs(pairs, ['', 'en', 'en']);

  it('lists a release once, newest first with undated posts last, and oldest first on request', () => {
    expect(titles(filterPairs(english, NO_FILTER))).toEqual(['Community summit in Berlin', 'Kestrel 1.0 released', 'Nur auf Deutsch', 'Bonjour', 'Roadmap']);
    expect(titles(filterPairs(english, { ...NO_FILTER, order: 'oldest' }))).toEqual(['Bonjour', 'Nur auf Deutsch', 'Kestrel 1.0 released', 'Community summit in Berlin', 'Roadmap']);
    expect(english.total).toBe(5);
  });

  it('shows the member in the first preferred language the release has: filter, interface, site default, else the first', () => {
    const german = indexPairs(pairs, ['', 'de', 'en']);
    expect(titles(filterPairs(german, NO_FILTER))).toEqual(['Community summit in Berlin', 'Kestrel 1.0 veröffentlicht', 'Nur auf Deutsch', 'Bonjour', 'Roadmap']);
    const filteredEnglish = indexPairs(pairs, ['en', 'de', 'en']);
    expect(titles(filterPairs(filteredEnglish, { ...NO_FILTER, language: 'en' }))).toEqual(['Community summit in Berlin', 'Kestrel 1.0 released']);
    const row = filterPairs(german, { ...NO_FILTER, text: 'kestrel' })[0];
    expect(row.pair.members.map((m) => m.language)).toEqual(['en', 'de']);
    expect(row.post.path).toBe('_i18n/de/_posts/2024-01-18-kestrel-1-0.md');
  });

  it('matches a release when any one of its members has every word (title, path, slug, category), ignoring case', () => {
    expect(titles(filterPairs(english, { ...NO_FILTER, text: 'BERLIN' }))).toEqual(['Community summit in Berlin']);
    expect(titles(filterPairs(english, { ...NO_FILTER, text: '_drafts' }))).toEqual(['Roadmap']);
    // The German title finds the release, which still shows its English member.
    expect(titles(filterPairs(english, { ...NO_FILTER, text: 'veröffentlicht' }))).toEqual(['Kestrel 1.0 released']);
    expect(titles(filterPairs(english, { ...NO_FILTER, text: 'release de/' }))).toEqual(['Kestrel 1.0 released', 'Nur auf Deutsch']);
    // Words from two different members do not make a match.
    expect(filterPairs(english, { ...NO_FILTER, text: 'released veröffentlicht' })).toEqual([]);
    expect(titles(filterPairs(english, { ...NO_FILTER, text: 'events' }))).toEqual(['Community summit in Berlin']);
    expect(filterPairs(english, { ...NO_FILTER, text: 'nothing like this' })).toEqual([]);
  });

  it('filters by language (releases that have it) and by category (any member)', () => {
    const german = indexPairs(pairs, ['de', 'en', 'en']);
    expect(titles(filterPairs(german, { ...NO_FILTER, language: 'de' }))).toEqual(['Kestrel 1.0 veröffentlicht', 'Nur auf Deutsch']);
    expect(titles(filterPairs(english, { ...NO_FILTER, category: 'Community' }))).toEqual(['Community summit in Berlin']);
    expect(titles(filterPairs(english, { ...NO_FILTER, language: 'en', category: 'Release' }))).toEqual(['Kestrel 1.0 released']);
  });

  it('sorts a release by the date of the member it shows', () => {
    const dated = pairPosts(
      [
        post({ path: '_i18n/en/_posts/2024-01-01-a.md', title: 'A en', date: '2024-01-01', language: 'en' }),
        post({ path: '_i18n/de/_posts/2024-01-01-a.md', title: 'A de', date: '2024-03-01', language: 'de' }),
        post({ path: '_i18n/en/_posts/2024-02-01-b.md', title: 'B en', date: '2024-02-01', language: 'en' }),
      ],
      ['en', 'de'],
    );
    expect(titles(filterPairs(indexPairs(dated, ['en']), NO_FILTER))).toEqual(['B en', 'A en']);
    expect(titles(filterPairs(indexPairs(dated, ['de']), NO_FILTER))).toEqual(['A de', 'B en']);
  });

  // Speed per keystroke is measured by `npm run bench` (bench/filter-posts.bench.ts, as a ratio to a plain filter).
  it('finds the right releases among ten thousand posts, key by key', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => {
      const language = i % 2 ? 'en' : 'de';
      const n = Math.floor(i / 2);
      return post({ path: `_i18n/${language}/_posts/2020-01-01-p${n}.md`, title: `Press release number ${n} ${language}`, date: `20${String(10 + (n % 15))}-01-01`, slug: `p${n}`, language });
    });
    const big = indexPairs(pairPosts(many, ['en', 'de']), ['en']);
    expect(big.total).toBe(5000);
    const counts = ['p', 'pr', 'pre', 'press 99', 'number 12'].map((text) => filterPairs(big, { ...NO_FILTER, text, language: 'en' }).length);
    const releases = (has: string) => Array.from({ length: 5000 }, (_, n) => String(n)).filter((n) => n.includes(has)).length;
    expect(counts).toEqual([5000, 5000, 5000, releases('99'), releases('12')]);
    expect(releases('12')).toBeGreaterThan(0);
    expect(filterPairs(big, { ...NO_FILTER, text: 'number 4999 de' }).map((r) => r.post.title)).toEqual(['Press release number 4999 en']);
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
