/**
 * Rendering speed: renderPost for a typical (10 KB) and a very long (200 KB) post, as the preview runs it; how
 * its time grows with the post (100 KB, 1 MB, 4 MB: time per KB should stay flat); and the whole
 * `pressroom render --site` process on a 1 MB post against Jekyll's own Liquid-then-kramdown on the same site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderPost } from '../shared/render/render-post';
import type { SiteContext } from '../shared/render/render-types';
import { type BenchResult, result, stats, timePaired } from './measure';
import { corpusPost, corpusPostUrl, writeCorpusSite } from './render-corpus';

const REPO = path.resolve(__dirname, '..');
const CLI = path.join(REPO, 'dist/electron/cli.cjs');
const JEKYLL_SCRIPT = path.join(REPO, 'bench/render-jekyll-post.rb');

const site: SiteContext = {
  config: { title: 'Bench', baseurl: '', url: 'https://example.org' },
  data: {},
  assetUrl: (p) => `/assets/${p}`,
  postUrl: corpusPostUrl,
};

/** One benchmark's outcome with its 95th percentile (see bench/measure.ts). */
export type RenderBenchResult = BenchResult & { p95Ms: number };

function timeRenders(source: string, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) renderPost({ source, site, path: '_posts/2024-01-01-bench.md', sourceLines: true });
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    renderPost({ source, site, path: '_posts/2024-01-01-bench.md', sourceLines: true });
    out.push(performance.now() - started);
  }
  return out;
}

/** renderPost (with source lines, as the preview) on a 10 KB post, warm (the preview renders on every keystroke). */
export async function benchRender10k(): Promise<RenderBenchResult> {
  // 50 untimed renders first: the preview's worker is warm after the first few keystrokes.
  const runs = timeRenders(corpusPost(10 * 1024), 100, 50);
  const { medianMs } = stats(runs);
  return result('renderPost, 10 KB post (warm)', runs, undefined, `target: median at most 3 ms (${medianMs <= 3 ? 'met' : 'missed'})`);
}

/** renderPost (with source lines, as the preview's worker) on a 200 KB post. */
export async function benchRender200k(): Promise<RenderBenchResult> {
  const runs = timeRenders(corpusPost(200 * 1024), 15);
  return result('renderPost, 200 KB post', runs);
}

/** Milliseconds one run of a whole process takes (start, work, exit); a failed run throws with its stderr. */
export function timeProcess(command: string, args: string[]): number {
  const started = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/**
 * Median renderPost time per KB of post for 100 KB, 1 MB and 4 MB: equal per-KB times mean linear cost. The
 * sizes take turns (a round renders each), so a busy moment of the machine slows all sizes alike.
 */
export async function benchRenderScaling(): Promise<RenderBenchResult> {
  const sizes = [100, 1024, 4096];
  const sources = sizes.map((kb) => corpusPost(kb * 1024));
  sources.forEach((source, i) => {
    // A problem (a Liquid limit) would leave work undone and make the big post look cheap.
    const { problems } = renderPost({ source, site, path: '_posts/2024-01-01-bench.md', sourceLines: true });
    if (problems.length) throw new Error(`the ${sizes[i]} KB post renders with problems: ${problems[0].message}`);
  });
  const runs: number[][] = sizes.map(() => []);
  for (let round = 0; round < 5; round++) {
    sources.forEach((source, i) => runs[i].push(...timeRenders(source, sizes[i] <= 100 ? 5 : 1, 0)));
  }
  const medians = runs.map((r) => stats(r).medianMs);
  const perKb = medians.map((ms, i) => ms / (sources[i].length / 1024));
  const growth = perKb[perKb.length - 1] / perKb[0];
  const note = `per KB: ${sizes.map((kb, i) => `${kb} KB ${perKb[i].toFixed(3)} ms`).join(', ')}; 4 MB per-KB / 100 KB per-KB = ${growth.toFixed(2)} (linear: about 1; quadratic: about 40)`;
  return result('renderPost scaling, 100 KB / 1 MB / 4 MB post (medians)', medians, undefined, note);
}

/**
 * Whole-process time of `pressroom render --site` on a 1 MB post in a generated 200-post site, and its ratio to
 * Jekyll rendering the same post of the same site (bench/render-jekyll-post.rb: Liquid, then kramdown).
 */
export async function benchRenderCli(): Promise<RenderBenchResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run bench builds).`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-bench-render-'));
  try {
    const file = await writeCorpusSite(dir, 1024 * 1024);
    const name = 'pressroom render --site, 1 MB post in a 200-post site (whole process)';
    const args = [CLI, 'render', '--site', dir, file];
    // The site holds every asset and post the post names: a problem on stderr means the bench measures less work.
    const check = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (check.status !== 0 || check.stderr.trim()) throw new Error(`pressroom render reported problems: ${check.stderr.split('\n')[0]}`);
    const ours = () => timeProcess(process.execPath, args);
    if (spawnSync('ruby', ['-e', 'require "jekyll"']).status !== 0) {
      const runs = Array.from({ length: 5 }, ours);
      return result(name, runs, undefined, 'Jekyll not available (needs ruby with the jekyll gem, Debian: apt install jekyll): no reference');
    }
    const { runs, referenceRuns } = await timePaired(ours, () => timeProcess('ruby', [JEKYLL_SCRIPT, dir, file]), { runs: 3 });
    const ratio = stats(runs).medianMs / stats(referenceRuns).medianMs;
    const label = `Jekyll ${jekyllVersion()} Liquid then kramdown (${path.relative(REPO, JEKYLL_SCRIPT)}) on the same site`;
    return result(name, runs, { label, runs: referenceRuns }, `target: ratio at most 0.3 (${ratio <= 0.3 ? 'met' : 'missed'})`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function jekyllVersion(): string {
  return spawnSync('ruby', ['-e', 'require "jekyll"; print Jekyll::VERSION'], { encoding: 'utf8' }).stdout.trim();
}
