/**
 * How every benchmark measures and reports, so numbers read the same everywhere: timings in milliseconds,
 * summarized as median and 95th percentile, and where a benchmark has one, the ratio to a reference run
 * measured beside it in the same process (the same machine, the same moment), since absolute milliseconds
 * say more about the machine than about the code.
 *
 * Use: `const { runs, referenceRuns } = await timePaired(subject, reference, { runs: 9 })`, then return
 * `result('name', runs, { label: 'plain readdir + read', runs: referenceRuns })` from the bench.
 */

/** A reference run's figures, measured in the same process right beside the subject's. */
export interface ReferenceResult {
  /** What the reference does, e.g. "plain readdir + 4 KiB read of the same files". */
  label: string;
  medianMs: number;
  p95Ms: number;
  runs: number[];
}

/** One benchmark's outcome, as bench/run.ts prints it. */
export interface BenchResult {
  name: string;
  medianMs: number;
  runs: number[];
  /** The 95th percentile, where a benchmark reports it. */
  p95Ms?: number;
  /** The reference measured beside it; the printed ratio is median / reference median. */
  reference?: ReferenceResult;
  /** A comparison or a reason, printed after the figures. */
  note?: string;
}

/** Median and 95th percentile (nearest rank) of a list of timings. */
export function stats(runs: readonly number[]): { medianMs: number; p95Ms: number } {
  if (runs.length === 0) throw new Error('no timings to summarize');
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p95Ms = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
  return { medianMs, p95Ms };
}

/** Milliseconds one call of `fn` takes (awaited when it returns a promise). */
export async function timeOnce(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * Times `subject` and `reference` alternately (`warmup` untimed calls of each first), so drift of the machine
 * (caches, frequency, other load) hits both alike; returns the subject's and the reference's timings.
 */
export async function timePaired(
  subject: () => unknown,
  reference: () => unknown,
  opts: { runs: number; warmup?: number },
): Promise<{ runs: number[]; referenceRuns: number[] }> {
  for (let i = 0; i < (opts.warmup ?? 1); i++) {
    await subject();
    await reference();
  }
  const runs: number[] = [];
  const referenceRuns: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    referenceRuns.push(await timeOnce(reference));
    runs.push(await timeOnce(subject));
  }
  return { runs, referenceRuns };
}

/** A BenchResult with median and p95, and the reference's figures when one was measured. */
export function result(name: string, runs: number[], reference?: { label: string; runs: number[] }, note?: string): BenchResult & { p95Ms: number } {
  return {
    name,
    ...stats(runs),
    runs,
    ...(reference ? { reference: { label: reference.label, ...stats(reference.runs), runs: reference.runs } } : {}),
    ...(note ? { note } : {}),
  };
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

/** The lines bench/run.ts prints for one result: figures, then the ratio to the reference, then the note. */
export function formatResult(r: BenchResult): string {
  const p95 = r.p95Ms === undefined ? '' : `, p95 ${ms(r.p95Ms)} ms`;
  const runs = r.runs.length > 12 ? `${r.runs.length} runs` : `runs: ${r.runs.map(ms).join(', ')}`;
  const lines = [`${r.name}: median ${ms(r.medianMs)} ms${p95} (${runs})`];
  if (r.reference) {
    const ref = r.reference;
    lines.push(`  reference, ${ref.label}: median ${ms(ref.medianMs)} ms, p95 ${ms(ref.p95Ms)} ms; ratio ${(r.medianMs / ref.medianMs).toFixed(2)}× the reference`);
  }
  if (r.note) lines.push(`  ${r.note}`);
  return lines.join('\n');
}
