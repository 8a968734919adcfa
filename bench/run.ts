// `npm run bench`: runs every benchmark and prints medians, p95 and ratios to the reference measured beside
// each (never part of the tests). `npm run bench -- scan` runs only benchmarks whose function name has "scan".
import { messageOf } from '../shared/contract/errors';
import { benchFilterPosts } from './filter-posts.bench';
import { benchPairPosts } from './pair-posts.bench';
import { benchFigureImport12mp } from './figure-bench';
import { benchExportHtmlCli, benchExportPdfCli, benchExportPdfWarm } from './export-bench';
import { benchGitCommitOnePost, benchGitStatusCold, benchGitStatusOnePost } from './git-bench';
import { type BenchResult, formatResult } from './measure';
import { benchKeystrokeBig, benchKeystrokeSample } from './render-keystroke.bench';
import { benchRender10k, benchRender200k, benchRenderCli, benchRenderScaling } from './render.bench';
import { benchScanPosts } from './scan-posts.bench';
import { benchServeToList } from './serve-to-list.bench';

/** One benchmark's outcome (defined with the reporting helpers in bench/measure.ts). */
export type { BenchResult };

const benches: Array<() => Promise<BenchResult>> = [
  benchScanPosts,
  benchFilterPosts,
  benchPairPosts,
  benchServeToList,
  benchRender10k,
  benchRender200k,
  benchRenderScaling,
  benchRenderCli,
  benchKeystrokeSample,
  benchKeystrokeBig,
  benchGitStatusOnePost,
  benchGitCommitOnePost,
  benchGitStatusCold,
  benchFigureImport12mp,
  benchExportHtmlCli,
  benchExportPdfCli,
  benchExportPdfWarm,
];

async function main(only: string | undefined): Promise<void> {
  for (const bench of benches) {
    if (only && !bench.name.toLowerCase().includes(only.toLowerCase())) continue;
    try {
      console.log(formatResult(await bench()));
    } catch (error) {
      console.error(`${bench.name}: failed: ${messageOf(error)}`);
      process.exitCode = 1;
    }
  }
}

void main(process.argv[2]);
