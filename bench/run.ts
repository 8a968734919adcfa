// `npm run bench`: runs every benchmark and prints medians (never part of the tests).
import { benchScanPosts } from './scan-posts.bench';
import { benchServeToList } from './serve-to-list.bench';

/** One benchmark's outcome. */
export interface BenchResult {
  name: string;
  medianMs: number;
  runs: number[];
}

const benches: Array<() => Promise<BenchResult>> = [benchScanPosts, benchServeToList];

async function main(only: string | undefined): Promise<void> {
  for (const bench of benches) {
    if (only && !bench.name.toLowerCase().includes(only.toLowerCase())) continue;
    try {
      const r = await bench();
      const runs = r.runs.map((x) => x.toFixed(1)).join(', ');
      console.log(`${r.name}: median ${r.medianMs.toFixed(1)} ms (runs: ${runs})`);
    } catch (error) {
      console.error(`${bench.name}: failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}

void main(process.argv[2]);
