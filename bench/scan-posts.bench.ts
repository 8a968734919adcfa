/** Times opening a site of 10,000 posts, the size of a long-running press archive, so regressions show. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSite } from '../electron/services/site/open-site';
import { generateSite } from './generate-site';

const POSTS = 10_000;
const RUNS = 7;

/** Generates the site once, then opens it RUNS times and reports the median in milliseconds. */
export async function benchScanPosts(): Promise<{ name: string; medianMs: number; runs: number[] }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-bench-scan-'));
  try {
    await generateSite(dir, POSTS);
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const { posts } = await openSite(dir);
      runs.push(performance.now() - started);
      if (posts.length !== POSTS) throw new Error(`expected ${POSTS} posts, found ${posts.length}`);
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return { name: `open a site of ${POSTS} posts`, medianMs: sorted[Math.floor(sorted.length / 2)], runs };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
