// `npm run bench`: runs every benchmark and prints medians (never part of the tests).
import { benchKeystrokeBig, benchKeystrokeSample } from './render-keystroke.bench';
import { benchRender10k, benchRender200k, benchRenderCli } from './render.bench';
import { benchScanPosts } from './scan-posts.bench';
import { benchServeToList } from './serve-to-list.bench';

/** One benchmark's outcome. */
export interface BenchResult {
  name: string;
  medianMs: number;
  runs: number[];
  /** The 95th percentile, where a benchmark reports it. */
  p95Ms?: number;
  /** A comparison or a reason, printed after the figures. */
  note?: string;
}

const benches: Array<() => Promise<BenchResult>> = [
  benchScanPosts,
  benchServeToList,
  benchRender10k,
  benchRender200k,
  benchRenderCli,
  benchKeystrokeSample,
  benchKeystrokeBig,
];

async function main(only: string | undefined): Promise<void> {
  for (const bench of benches) {
    if (only && !bench.name.toLowerCase().includes(only.toLowerCase())) continue;
    try {
      const r = await bench();
      const runs = r.runs.map((x) => x.toFixed(1)).join(', ');
      const p95 = r.p95Ms === undefined ? '' : `, p95 ${r.p95Ms.toFixed(1)} ms`;
      console.log(`${r.name}: median ${r.medianMs.toFixed(1)} ms${p95} (runs: ${runs})${r.note ? `\n  ${r.note}` : ''}`);
    } catch (error) {
      console.error(`${bench.name}: failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}

void main(process.argv[2]);
