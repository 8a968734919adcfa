/**
 * Sorting and filtering the post list, kept pure and precomputed so typing in the filter stays instant with
 * ten thousand posts: a row is a release with its translations (a pair), and the lowercase search text of every
 * member is built once per list, not per keystroke.
 */
import type { PostEntry } from '../../../shared/contract/models';
import { memberFor, type PostPair } from '../../../shared/site/post-pairs';

/** Newest or oldest first; posts without a date always come last. */
export type SortOrder = 'newest' | 'oldest';

/** What the user chose above the list. `''` for language or category means "All". */
export interface PostFilter {
  text: string;
  language: string;
  category: string;
  order: SortOrder;
}

/** The default filter: everything, newest first. */
export const NO_FILTER: PostFilter = { text: '', language: '', category: '', order: 'newest' };

/** One row of the list: a release and the member it shows and opens. */
export interface PairRow {
  pair: PostPair;
  post: PostEntry;
}

/** A list of pairs prepared for filtering: both orders sorted once and a lowercase haystack per member. */
export interface PairIndex {
  newest: readonly PairRow[];
  oldest: readonly PairRow[];
  haystacks: ReadonlyMap<PostPair, readonly string[]>;
  total: number;
}

function compareNewest(a: PairRow, b: PairRow): number {
  const x = a.post;
  const y = b.post;
  if (x.date !== y.date) {
    if (x.date === null) return 1;
    if (y.date === null) return -1;
    return x.date < y.date ? 1 : -1;
  }
  return x.path < y.path ? -1 : x.path > y.path ? 1 : 0;
}

/**
 * Builds the index once per list of pairs and choice of language: each row shows the member of the first
 * `preferred` language it has (the language filter, the interface language, the site's default), and is sorted by
 * that member's date.
 */
export function indexPairs(pairs: readonly PostPair[], preferred: readonly (string | null | undefined)[]): PairIndex {
  const rows = pairs.map((pair) => ({ pair, post: memberFor(pair, preferred) }));
  const newest = rows.sort(compareNewest);
  const dated = newest.filter((r) => r.post.date !== null).reverse();
  const undated = newest.filter((r) => r.post.date === null);
  const haystacks = new Map<PostPair, string[]>();
  for (const pair of pairs) {
    haystacks.set(
      pair,
      pair.members.map((p) => [p.title, p.path, p.slug, p.category ?? '', ...p.categories].join('\n').toLowerCase()),
    );
  }
  return { newest, oldest: [...dated, ...undated], haystacks, total: pairs.length };
}

function hasCategory(p: PostEntry, category: string): boolean {
  return p.category === category || p.categories.includes(category);
}

/**
 * The rows that match: one member has every word of the text (in its title, path, slug or category), the pair has
 * the chosen language, and one member has the chosen category; in the chosen order.
 */
export function filterPairs(index: PairIndex, filter: PostFilter): PairRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const source = filter.order === 'oldest' ? index.oldest : index.newest;
  const out: PairRow[] = [];
  for (const row of source) {
    const { members } = row.pair;
    if (filter.language && !members.some((p) => p.language === filter.language)) continue;
    if (filter.category && !members.some((p) => hasCategory(p, filter.category))) continue;
    if (words.length > 0) {
      const hays = index.haystacks.get(row.pair) ?? [];
      if (!hays.some((hay) => words.every((w) => hay.includes(w)))) continue;
    }
    out.push(row);
  }
  return out;
}

/** The languages to offer in the filter: the site's configured ones first, then any other a post uses. */
export function languageOptions(posts: readonly PostEntry[], siteLanguages: readonly string[]): string[] {
  const seen = new Set(siteLanguages);
  const extra = new Set<string>();
  for (const p of posts) if (p.language && !seen.has(p.language)) extra.add(p.language);
  return [...siteLanguages, ...[...extra].sort()];
}

/** Every category some post has, alphabetically (case-insensitive). */
export function categoryOptions(posts: readonly PostEntry[]): string[] {
  const all = new Set<string>();
  for (const p of posts) {
    if (p.category) all.add(p.category);
    for (const c of p.categories) all.add(c);
  }
  return [...all].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
