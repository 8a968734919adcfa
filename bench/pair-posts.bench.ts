/**
 * Pairing a site's posts with their translations, as the site screen does on every list change: 10,000 releases in
 * English and German (20,000 files), against a plain Map grouping by file name over the same paths in the same run,
 * and the cost at 2,000 and 20,000 files to show it grows linearly.
 */
import type { PostEntry } from '../shared/contract/models';
import { pairPosts } from '../shared/site/post-pairs';
import { type BenchResult, result, timeOnce, timePaired } from './measure';

const LANGUAGES = ['en', 'de'];

function postsOf(releases: number): PostEntry[] {
  const out: PostEntry[] = [];
  for (let i = 0; i < releases; i++) {
    for (const language of LANGUAGES) {
      // Every tenth release lacks its German file, as an untranslated one would.
      if (language === 'de' && i % 10 === 0) continue;
      out.push({
        path: `_i18n/${language}/_posts/${i % 3 ? 'announcements' : 'blog'}/2020-01-01-release-${i}.md`, title: `Release ${i}`, date: '2020-01-01',
        dateSource: 'file-name', slug: `release-${i}`, language, category: 'press', categories: [], layout: 'post', draft: false,
        symlinkTarget: null, symlinkLanguage: null, error: null, size: 3000,
      });
    }
  }
  return out;
}

/** Median of pairPosts over 10,000 releases beside a bare Map grouping; the note compares 1,000 and 10,000 releases. */
export async function benchPairPosts(): Promise<BenchResult> {
  const posts = postsOf(10_000);
  const { runs, referenceRuns } = await timePaired(
    () => pairPosts(posts, LANGUAGES),
    () => {
      const m = new Map<string, PostEntry[]>();
      for (const p of posts) {
        const name = p.path.slice(p.path.lastIndexOf('/') + 1);
        const list = m.get(name);
        if (list) list.push(p);
        else m.set(name, [p]);
      }
      return m;
    },
    { runs: 30, warmup: 3 },
  );
  const small = postsOf(1_000);
  const smallRuns: number[] = [];
  const bigRuns: number[] = [];
  // Each timed run starts from a collected heap (npm run bench passes --expose-gc): otherwise the small run pays for
  // the garbage the big one left, and the ratio says more about the collector than about pairPosts.
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  for (let i = 0; i < 15; i++) {
    collect();
    smallRuns.push(await timeOnce(() => pairPosts(small, LANGUAGES)));
    collect();
    bigRuns.push(await timeOnce(() => pairPosts(posts, LANGUAGES)));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const ratio = median(bigRuns) / median(smallRuns);
  return result(`pair ${posts.length} posts into releases`, runs, { label: 'a bare Map grouping by file name', runs: referenceRuns }, `10× the posts costs ${ratio.toFixed(1)}× the time (linear is 10×)`);
}
