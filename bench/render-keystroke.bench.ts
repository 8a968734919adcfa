/**
 * Keystroke to preview: in the real app (browser mode, Chromium), the time from a key press in the editor until
 * the preview frame's DOM shows the typed text, for the sample post (rendered on the main thread after paint)
 * and for a 200 KB post (rendered in the worker).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium, startApp } from '../e2e/harness';
import { corpusPost, stats } from './render-corpus';
import type { RenderBenchResult } from './render.bench';

const KEYS = 25;
const BIG_PATH = '_i18n/en/_posts/2024/2024-08-01-bench-big.md';

/** Installs a MutationObserver (from the app page) on the preview article that notes when `__expect` appears. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __pressedAt: number; __expect: string; __delays: number[] };
    w.__delays = [];
    w.__pressedAt = 0;
    w.__expect = '';
    document.addEventListener('keydown', () => (w.__pressedAt = performance.now()), true);
    const frame = document.querySelector<HTMLIFrameElement>('.preview-frame')!;
    const article = frame.contentDocument!.getElementById('pr-article')!;
    new MutationObserver(() => {
      if (w.__expect && w.__pressedAt && article.textContent!.includes(w.__expect)) {
        w.__delays.push(performance.now() - w.__pressedAt);
        w.__expect = '';
      }
    }).observe(article, { subtree: true, childList: true, characterData: true });
  });
}

async function measure(page: Page): Promise<number[]> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nBench ');
  for (let i = 0; i < KEYS; i++) {
    const token = `w${i}z`;
    await page.evaluate((t) => ((window as unknown as { __expect: string }).__expect = t), token);
    await page.keyboard.type(token, { delay: 0 });
    await page.waitForFunction(() => (window as unknown as { __expect: string }).__expect === '', undefined, { timeout: 10_000 });
    await page.keyboard.press('Space');
    await page.waitForTimeout(50);
  }
  return page.evaluate(() => (window as unknown as { __delays: number[] }).__delays);
}

async function run(title: string, big: boolean): Promise<number[]> {
  const browser = await launchChromium();
  const app = await startApp({
    copySample: true,
    browser,
    prepareSite: big ? (dir) => fs.writeFile(path.join(dir, BIG_PATH), corpusPost(200 * 1024).replace('Benchmark post', 'Big bench post')) : undefined,
  });
  try {
    const list = app.page.getByRole('listbox', { name: 'Posts' }).or(app.page.getByRole('list', { name: 'Posts' }));
    await list.getByText(title).first().click();
    await app.page.locator('.preview-frame[data-renders]').waitFor({ timeout: 30_000 });
    await watch(app.page);
    return await measure(app.page);
  } finally {
    await app.close();
    await browser.close();
  }
}

/** Keystroke → preview DOM for the sample post (about 2 KB). */
export async function benchKeystrokeSample(): Promise<RenderBenchResult> {
  const runs = await run('Kestrel Cloud 1.1 brings GPU workloads and faster upgrades', false);
  return { name: 'keystroke to preview, sample post', ...stats(runs), runs };
}

/** Keystroke → preview DOM for a 200 KB post (worker). */
export async function benchKeystrokeBig(): Promise<RenderBenchResult> {
  const runs = await run('Big bench post', true);
  return { name: 'keystroke to preview, 200 KB post', ...stats(runs), runs };
}
