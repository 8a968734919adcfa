/**
 * Typing in the post filter with 10,000 posts: one filterPosts call per keystroke (the list's work for each
 * key), against a plain Array.prototype.filter with `includes` over the same lowercase titles in the same run.
 */
import type { PostEntry } from '../shared/contract/models';
import { filterPairs, indexPairs, NO_FILTER } from '../renderer/features/posts/filter-posts';
import { pairPosts } from '../shared/site/post-pairs';
import { type BenchResult, result, timePaired } from './measure';

const POSTS = 10_000;
/** What a user types, key by key, then a two-word query. */
const KEYSTROKES = ['p', 'pr', 'pre', 'pres', 'press', 'press 9', 'press 99', 'n', 'nu', 'number 12'];
const ROUNDS = 20;

function postOf(i: number): PostEntry {
  return {
    path: `_i18n/${i % 2 ? 'en' : 'de'}/_posts/2020-01-01-p${i}.md`, title: `Press release number ${i}`, date: `20${String(10 + (i % 15))}-01-01`,
    dateSource: 'file-name', slug: `p${i}`, language: i % 2 ? 'en' : 'de', category: i % 3 ? 'press' : 'events', categories: [],
    layout: 'post', draft: false, symlinkTarget: null, symlinkLanguage: null, error: null, size: 3000,
  };
}

/** ROUNDS × every keystroke, each a timed filterPosts call beside a timed plain filter; medians per keystroke. */
export async function benchFilterPosts(): Promise<BenchResult> {
  const posts = Array.from({ length: POSTS }, (_, i) => postOf(i));
  const indexStarted = performance.now();
  const index = indexPairs(pairPosts(posts, ['en', 'de']), ['en']);
  const indexMs = performance.now() - indexStarted;
  const titles = posts.map((p) => p.title.toLowerCase());
  const runs: number[] = [];
  const referenceRuns: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of KEYSTROKES) {
      const paired = await timePaired(
        () => (sink += filterPairs(index, { ...NO_FILTER, text, language: 'en' }).length),
        () => (sink += titles.filter((t) => t.includes(text)).length),
        { runs: 1, warmup: round === 0 ? 3 : 0 },
      );
      runs.push(...paired.runs);
      referenceRuns.push(...paired.referenceRuns);
    }
  }
  if (sink === 0) throw new Error('no keystroke matched anything');
  return result(`filter ${POSTS} posts, per keystroke`, runs, { label: 'plain Array.filter + includes over the same titles', runs: referenceRuns }, `indexing the list once: ${indexMs.toFixed(1)} ms`);
}
