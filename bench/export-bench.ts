/**
 * Export of a seed-sized release (the SCS R3 post with its figure, from e2e/fixtures/scs-site): standalone HTML and
 * PDF from the command line as a script runs them (whole process, the browser's start included for the PDF), and
 * the PDF from a warm engine as the app and browser mode export a second time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChromiumPdfEngine, exportPost, findChromium } from '../electron/services/export';
import { copySite, exportSitePost } from '../electron/services/export/export-site-testing';
import { type BenchResult, result, stats, timeOnce, timePaired } from './measure';
import { timeProcess } from './render.bench';

const REPO = path.resolve(__dirname, '..');
const CLI = path.join(REPO, 'dist/electron/cli.cjs');
const POST = '_i18n/en/_posts/2022/2022-09-21-all-good-things-come-in-threes.md';
const RUNS = 7;
/** The target for a PDF from the command line, the browser's start included. */
const PDF_TARGET_MS = 1500;

async function withSite<T>(fn: (root: string, out: string) => Promise<T>): Promise<T> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run bench builds).`);
  const { base, root } = await copySite('e2e/fixtures/scs-site');
  const out = path.join(base, 'out');
  await fs.mkdir(out);
  try {
    return await fn(root, out);
  } finally {
    await fs.rm(base, { recursive: true, force: true });
  }
}

/** `pressroom export --html`, whole process, beside `pressroom render` of the same post (the same start and site read, no images embedded). */
export async function benchExportHtmlCli(): Promise<BenchResult> {
  return withSite(async (root, out) => {
    const file = path.join(root, POST);
    const { runs, referenceRuns } = await timePaired(
      () => timeProcess(process.execPath, [CLI, 'export', file, '--html', path.join(out, 'r3.html')]),
      () => timeProcess(process.execPath, [CLI, 'render', file]),
      { runs: RUNS },
    );
    const bytes = (await fs.stat(path.join(out, 'r3.html'))).size;
    return result('pressroom export --html, SCS R3 release with its figure (whole process)', runs, { label: 'pressroom render of the same post (whole process)', runs: referenceRuns }, `HTML ${(bytes / 1024).toFixed(0)} KB`);
  });
}

/** `pressroom export --pdf`, whole process with the browser's start, beside the same browser printing the same HTML on its own. */
export async function benchExportPdfCli(): Promise<BenchResult> {
  return withSite(async (root, out) => {
    const file = path.join(root, POST);
    const html = path.join(out, 'r3.html');
    timeProcess(process.execPath, [CLI, 'export', file, '--html', html]);
    const browser = findChromium('pdf');
    const ours = () => timeProcess(process.execPath, [CLI, 'export', file, '--pdf', path.join(out, 'r3.pdf'), '--page-size', 'A4']);
    if (!browser) return result('pressroom export --pdf', [], undefined, 'no Chromium found: no measurement');
    const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const alone = () => timeProcess(browser, ['--headless', ...sandbox, '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${path.join(out, 'alone.pdf')}`, `file://${html}`]);
    const { runs, referenceRuns } = await timePaired(ours, alone, { runs: RUNS });
    const pages = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [path.join(out, 'r3.pdf')], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? '?';
    const median = stats(runs).medianMs;
    const label = `${path.basename(browser)} --print-to-pdf of the same HTML (its own start included)`;
    return result(`pressroom export --pdf, SCS R3 release, ${pages} A4 pages (whole process, browser start included)`, runs, { label, runs: referenceRuns }, `target: at most ${PDF_TARGET_MS} ms (${median <= PDF_TARGET_MS ? 'met' : 'missed'}) on ${os.cpus().length} cores`);
  });
}

/** A second PDF export from a warm engine (the app and browser mode keep the browser), beside the HTML export of the same document. */
export async function benchExportPdfWarm(): Promise<BenchResult> {
  return withSite(async (root, out) => {
    const engine = createChromiumPdfEngine({ idleMs: 0 });
    try {
      const doc = await exportSitePost(root, POST);
      const source = path.join(root, POST);
      const write = (format: 'html' | 'pdf') => exportPost({ doc, format, destination: path.join(out, `warm.${format}`), replace: true, root, sourcePath: source, engine, pageSize: 'A4' });
      const first = await timeOnce(() => write('pdf'));
      const { runs, referenceRuns } = await timePaired(
        () => write('pdf'),
        () => write('html'),
        { runs: RUNS },
      );
      return result('export PDF from a warm engine (print + metadata + write)', runs, { label: 'writing the HTML of the same document', runs: referenceRuns }, `first PDF with the browser's start: ${first.toFixed(0)} ms`);
    } finally {
      await engine.dispose();
    }
  });
}
