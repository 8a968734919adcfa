/**
 * Keystroke to preview: in the real app (browser mode, Chromium), the time from a key press in the editor until
 * the preview frame's DOM shows the typed text, and until the frame that shows it is drawn, for a seed-sized 10 KB post
 * (rendered on the main thread) and a 200 KB post (rendered in the worker). Beside each, the driver's own floor
 * in the same browser: the same keys typed into a plain textarea whose text is echoed into a div, timed by the
 * same in-page code, so what is left "over the floor" is what Pressroom adds.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, startApp } from '../e2e/harness';
import { result, stats } from './measure';
import { corpusPost } from './render-corpus';
import type { RenderBenchResult } from './render.bench';

const KEYS = 40;
const POSTS = {
  small: { path: '_i18n/en/_posts/2024/2024-08-02-bench-small.md', title: 'Small bench post', bytes: 10 * 1024 },
  big: { path: '_i18n/en/_posts/2024/2024-08-01-bench-big.md', title: 'Big bench post', bytes: 200 * 1024 },
} as const;
/** Targets for p95 over the floor (to the frame that shows the key), per post. */
const TARGET_MS = { small: 16, big: 50 } as const;

type Size = keyof typeof POSTS;

/** The timings of one series: key down → DOM shows it, key down → the frame that shows it is drawn, and renderPost's own time. */
interface Series {
  dom: number[];
  frame: number[];
  render: number[];
}

/** Installs the measuring code on `target` (a getter evaluated in the page): notes when `__expect` appears in it. */
async function watch(page: Page, target: 'preview' | 'echo'): Promise<void> {
  // tsx keeps function names with a helper the page lacks; give the page a no-op one.
  await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
  await page.evaluate((which) => {
    const w = window as unknown as { __pressedAt: number; __expect: string; __dom: number[]; __frame: number[]; __render: number[] };
    w.__dom = [];
    w.__render = [];
    w.__frame = [];
    w.__pressedAt = 0;
    w.__expect = '';
    document.addEventListener('keydown', () => (w.__pressedAt = performance.now()), true);
    const frame = document.querySelector<HTMLIFrameElement>('.preview-frame');
    const root = which === 'echo' ? document.getElementById('echo')! : frame!.contentDocument!.getElementById('pr-article')!;
    // A frame is made after its animation-frame callbacks; a task posted from the first of them runs once the
    // frame is drawn. The loop's callback runs first in every frame (it was asked for in the previous one).
    let inFrame = false;
    const thisFrame: Array<(now: number) => void> = [];
    let nextFrame: Array<(now: number) => void> = [];
    const loop = () => {
      inFrame = true;
      thisFrame.push(...nextFrame);
      nextFrame = [];
      setTimeout(() => {
        inFrame = false;
        const now = performance.now();
        for (const done of thisFrame.splice(0)) done(now);
      }, 0);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    new MutationObserver(() => {
      if (w.__expect && w.__pressedAt && root.textContent!.includes(w.__expect)) {
        const pressed = w.__pressedAt;
        w.__dom.push(performance.now() - pressed);
        // How long renderPost itself took for this render, where the app says (data-render-ms on the frame).
        if (frame?.dataset.renderMs) w.__render.push(Number(frame.dataset.renderMs));
        w.__expect = '';
        // On screen with the frame being made now (a change during its animation-frame callbacks) or the next one.
        (inFrame ? thisFrame : nextFrame).push((now) => w.__frame.push(now - pressed));
      }
    }).observe(root, { subtree: true, childList: true, characterData: true });
  }, target);
}

async function measure(page: Page, input: string, settleMs: number): Promise<Series> {
  await page.locator(input).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nBench ');
  await page.waitForTimeout(settleMs);
  for (let i = 0; i < KEYS; i++) {
    const token = `w${i}z`;
    await page.evaluate((t) => ((window as unknown as { __expect: string }).__expect = t), token);
    await page.keyboard.type(token, { delay: 0 });
    await page.waitForFunction(() => (window as unknown as { __expect: string }).__expect === '', undefined, { timeout: 10_000 });
    await page.keyboard.press('Space');
    await page.waitForTimeout(settleMs);
  }
  await page.waitForFunction((n) => (window as unknown as { __frame: number[] }).__frame.length >= n, KEYS);
  return page.evaluate(() => {
    const w = window as unknown as { __dom: number[]; __frame: number[]; __render: number[] };
    return { dom: w.__dom, frame: w.__frame, render: w.__render };
  });
}

/** The floor: a plain textarea echoing into a div, in a fresh page of the same browser. */
async function floor(browser: Browser, settleMs: number): Promise<Series> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      '<!doctype html><textarea id="input" rows="10" cols="80"></textarea><div id="echo"></div>' +
        '<script>const i=document.getElementById("input"),e=document.getElementById("echo");i.addEventListener("input",()=>{e.textContent=i.value;});</script>',
    );
    await watch(page, 'echo');
    return await measure(page, '#input', settleMs);
  } finally {
    await page.close();
  }
}

async function inApp(browser: Browser, size: Size, settleMs: number): Promise<Series> {
  const app = await startApp({
    copySample: true,
    browser,
    prepareSite: async (dir) => {
      for (const post of Object.values(POSTS)) await fs.writeFile(path.join(dir, post.path), corpusPost(post.bytes).replace('Benchmark post', post.title));
    },
  });
  try {
    const list = app.page.getByRole('listbox', { name: 'Posts' }).or(app.page.getByRole('list', { name: 'Posts' }));
    await list.getByText(POSTS[size].title).first().click();
    await app.page.locator('.preview-frame[data-renders]').waitFor({ timeout: 30_000 });
    await watch(app.page, 'preview');
    return await measure(app.page, '.cm-content', settleMs);
  } finally {
    await app.close();
  }
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function run(size: Size): Promise<RenderBenchResult> {
  const settleMs = size === 'big' ? 150 : 50;
  const browser = await launchChromium();
  try {
    const base = await floor(browser, settleMs);
    const app = await inApp(browser, size, settleMs);
    const appDom = stats(app.dom);
    const appFrame = stats(app.frame);
    const floorDom = stats(base.dom);
    const floorFrame = stats(base.frame);
    const overP95 = appFrame.p95Ms - floorFrame.p95Ms;
    const note = [
      `over the floor, to frame: p50 ${ms(appFrame.medianMs - floorFrame.medianMs)}, p95 ${ms(overP95)} (target ≤ ${TARGET_MS[size]} ms: ${overP95 <= TARGET_MS[size] ? 'met' : 'missed'})`,
      `to DOM: p50 ${ms(appDom.medianMs)}, p95 ${ms(appDom.p95Ms)}; floor p50 ${ms(floorDom.medianMs)}, p95 ${ms(floorDom.p95Ms)}; over the floor p50 ${ms(appDom.medianMs - floorDom.medianMs)}, p95 ${ms(appDom.p95Ms - floorDom.p95Ms)}`,
      app.render.length > 0 ? `of which renderPost itself (data-render-ms): p50 ${ms(stats(app.render).medianMs)}, p95 ${ms(stats(app.render).p95Ms)}` : 'renderPost time not reported by this build',
    ].join('\n  ');
    const name = `keystroke to preview frame, ${size === 'big' ? '200 KB' : '10 KB'} post`;
    return result(name, app.frame, { label: 'floor: the same keys into a plain textarea echoed into a div, same browser', runs: base.frame }, note);
  } finally {
    await browser.close();
  }
}

/** Keystroke → preview for a seed-sized 10 KB post (main thread, same frame). */
export async function benchKeystrokeSample(): Promise<RenderBenchResult> {
  return run('small');
}

/** Keystroke → preview for a 200 KB post (worker). */
export async function benchKeystrokeBig(): Promise<RenderBenchResult> {
  return run('big');
}
