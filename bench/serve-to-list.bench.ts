/**
 * How long a user waits from starting `pressroom serve` on the sample site until the post list shows in the
 * browser: process start, server start, renderer load, site open and scan, first list entry painted.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { copySite, launchChromium, makeTempDir, SAMPLE_SITE, startServer } from '../e2e/harness';
import { type BenchResult, result } from './measure';

const RUNS = 5;

/** Five runs of spawn → first post visible in Chromium (browser launch not counted); median and p95. */
export async function benchServeToList(): Promise<BenchResult> {
  const browser = await launchChromium();
  const runs: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const root = await makeTempDir('pressroom-bench-');
      const siteDir = path.join(root, 'site');
      const appDataDir = path.join(root, 'app-data');
      await copySite(SAMPLE_SITE, siteDir);
      await fs.mkdir(appDataDir);
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      const server = await startServer({ siteDir, appDataDir });
      try {
        await page.goto(server.url);
        const list = page.getByRole('listbox', { name: 'Posts' }).or(page.getByRole('list', { name: 'Posts' }));
        await list.getByRole('option').or(list.getByRole('listitem')).first().waitFor({ state: 'visible', timeout: 60_000 });
        runs.push(performance.now() - started);
      } finally {
        await context.close();
        await server.stop();
        await fs.rm(root, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return result('serve-to-list', runs);
}
