/**
 * Rendering speed: renderPost for a typical (10 KB) and a very long (200 KB) post, as the preview runs it, and
 * the whole `pressroom render` process on a 1 MB file against Ruby kramdown (what Jekyll runs) on the same input.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderPost } from '../shared/render/render-post';
import type { SiteContext } from '../shared/render/render-types';
import { type BenchResult, result } from './measure';
import { corpusPost } from './render-corpus';

const REPO = path.resolve(__dirname, '..');
const CLI = path.join(REPO, 'dist/electron/cli.cjs');
const KRAMDOWN_SCRIPT = path.join(REPO, 'scripts/golden/render-kramdown.rb');

const site: SiteContext = {
  config: { title: 'Bench', baseurl: '', url: 'https://example.org' },
  data: {},
  assetUrl: (p) => `pressroom-asset:${p}`,
  postUrl: () => null,
};

/** One benchmark's outcome with its 95th percentile (see bench/measure.ts). */
export type RenderBenchResult = BenchResult & { p95Ms: number };

function timeRenders(source: string, runs: number): number[] {
  for (let i = 0; i < 3; i++) renderPost({ source, site, path: '_posts/2024-01-01-bench.md', sourceLines: true });
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    renderPost({ source, site, path: '_posts/2024-01-01-bench.md', sourceLines: true });
    out.push(performance.now() - started);
  }
  return out;
}

/** renderPost (with source lines, as the preview) on a 10 KB post. */
export async function benchRender10k(): Promise<RenderBenchResult> {
  const runs = timeRenders(corpusPost(10 * 1024), 50);
  return result('renderPost, 10 KB post', runs);
}

/** renderPost (with source lines, as the preview's worker) on a 200 KB post. */
export async function benchRender200k(): Promise<RenderBenchResult> {
  const runs = timeRenders(corpusPost(200 * 1024), 15);
  return result('renderPost, 200 KB post', runs);
}

function timeProcess(command: string, args: string[]): number {
  const started = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/** Whole-process time of `pressroom render` on a 1 MB Markdown file, and its ratio to Ruby kramdown on the same file. */
export async function benchRenderCli(): Promise<RenderBenchResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run bench builds).`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-bench-render-'));
  try {
    const file = path.join(dir, 'corpus.md');
    await fs.writeFile(file, corpusPost(1024 * 1024, false));
    const RUNS = 5;
    const name = 'pressroom render, 1 MB file (whole process)';
    const ours: number[] = [];
    for (let i = 0; i < RUNS; i++) ours.push(timeProcess(process.execPath, [CLI, 'render', file]));
    if (spawnSync('ruby', ['-e', 'require "kramdown"; require "kramdown-parser-gfm"']).status !== 0) {
      return result(name, ours, undefined, 'kramdown not available (needs ruby with kramdown and kramdown-parser-gfm): no reference');
    }
    const theirs: number[] = [];
    for (let i = 0; i < RUNS; i++) theirs.push(timeProcess('ruby', [KRAMDOWN_SCRIPT, file]));
    return result(name, ours, { label: `Ruby kramdown (${path.relative(REPO, KRAMDOWN_SCRIPT)}) on the same file`, runs: theirs });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
