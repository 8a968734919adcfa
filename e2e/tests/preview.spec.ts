/**
 * The live preview as an author uses it: the sample post shows as an article (title, headings, the
 * `{% asset %}` figure actually loaded, table, quote, footnotes), typing shows up in the preview, scrolling
 * either side brings the other along, and light and dark screenshots are kept for review.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { REPO_ROOT, type RunningApp, startApp } from '../harness';
import { EditorPage } from '../pages/editor-page';
import { PostListPage } from '../pages/post-list-page';
import { PreviewPage } from '../pages/preview-page';

const GPU_TITLE = 'Kestrel Cloud 1.1 brings GPU workloads and faster upgrades';
const LONG_TITLE = 'A long read for scroll sync';
const LONG_PATH = '_i18n/en/_posts/2024/2024-07-01-long-read.md';
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

let app: RunningApp | undefined;
let cspErrors: string[] = [];
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A post long enough to scroll: sections with paragraphs, a list and a table each. */
function longPost(): string {
  const sections = Array.from({ length: 30 }, (_, i) => {
    const n = i + 1;
    return [
      `## Section ${n}`,
      '',
      `Section ${n} opens with a paragraph that is long enough to wrap in the editor and in the preview, so the two`,
      'sides have different heights and scroll sync has to map lines, not pixels.',
      '',
      `- point one of section ${n}`,
      `- point two of section ${n}`,
      '',
      `| Key ${n} | Value |`,
      '|---|---|',
      '| a | 1 |',
      '',
    ].join('\n');
  });
  return `---\nlayout: post\ntitle: "${LONG_TITLE}"\ncategory: blog\n---\n${sections.join('\n')}`;
}

async function openPost(title: string, opts: Parameters<typeof startApp>[0] = {}): Promise<{ editor: EditorPage; preview: PreviewPage; page: Page }> {
  app = await startApp({
    copySample: true,
    prepareSite: async (dir) => {
      await fs.writeFile(path.join(dir, LONG_PATH), longPost());
    },
    ...opts,
  });
  cspErrors = [];
  app.page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });
  const list = new PostListPage(app.page);
  await list.expectLoaded();
  await list.openPost(title);
  const editor = new EditorPage(app.page);
  await expect(editor.content).toBeVisible();
  const preview = new PreviewPage(app.page);
  return { editor, preview, page: app.page };
}

/** The number of the "Section N" heading nearest the top of the editor's viewport. */
async function editorTopSection(page: Page): Promise<number> {
  return page.locator('.cm-scroller').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top;
    const lines = [...scroller.querySelectorAll('.cm-line')].filter((l) => /^## Section \d+/.test(l.textContent ?? ''));
    const visible = lines.find((l) => l.getBoundingClientRect().bottom > top + 4) ?? lines[lines.length - 1];
    return Number(/Section (\d+)/.exec(visible?.textContent ?? '')?.[1] ?? 0);
  });
}

/** The number of the "Section N" heading nearest the top of the preview's viewport. */
async function previewTopSection(preview: PreviewPage): Promise<number> {
  return preview.frame.locator('html').evaluate((html) => {
    const heads = [...html.ownerDocument.querySelectorAll('h2')].filter((h) => /^Section \d+$/.test(h.textContent ?? ''));
    const visible = heads.find((h) => h.getBoundingClientRect().bottom > 4) ?? heads[heads.length - 1];
    return Number(/Section (\d+)/.exec(visible?.textContent ?? '')?.[1] ?? 0);
  });
}

test('the sample post shows as an article: title, headings, the asset figure, table, quote and footnotes', async () => {
  const { preview } = await openPost(GPU_TITLE);
  await expect(preview.frame.getByRole('heading', { level: 1, name: GPU_TITLE })).toBeVisible();
  await expect(preview.frame.getByRole('heading', { level: 2, name: 'Highlights' })).toBeVisible();
  const figureImage = preview.figureImages;
  await expect(figureImage).toHaveAttribute('alt', 'Upgrade timeline of Kestrel Cloud 1.1');
  await expect.poll(() => figureImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(await figureImage.evaluate((img: HTMLImageElement) => img.src)).toMatch(/^blob:/);
  // The figure's own style (width: 90%) applies, centred, without an inline style attribute.
  const figure = await preview.frame.locator('figure:not(.pr-page-image)').evaluate((f) => {
    const r = f.getBoundingClientRect();
    const parent = f.parentElement!.getBoundingClientRect();
    return { ratio: r.width / parent.width, left: r.left - parent.left, right: parent.right - r.right, styleAttr: f.getAttribute('style') };
  });
  expect(figure.ratio).toBeCloseTo(0.9, 1);
  expect(Math.abs(figure.left - figure.right)).toBeLessThan(2);
  await expect(preview.frame.locator('table th').first()).toHaveText('Upgrade path');
  await expect(preview.frame.locator('blockquote cite')).toContainText('Jonas Becker');
  await expect(preview.frame.locator('.footnotes li')).toContainText('IOMMU support');
  await expect(preview.loadRemoteButton).toHaveCount(0);
  expect(cspErrors).toEqual([]);
  expect(app!.pageErrors).toEqual([]);
});

test('typing in the editor updates the preview, keeping the blocks that did not change', async () => {
  const { editor, preview, page } = await openPost(GPU_TITLE);
  const image = preview.figureImages;
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const before = await image.evaluate((img: HTMLImageElement) => img.src);
  await editor.cursorToEnd();
  await page.keyboard.type('\n\n## Typed live\n\nA closing line typed in the editor.');
  await expect(preview.frame.getByRole('heading', { level: 2, name: 'Typed live' })).toBeVisible();
  await preview.expectText('A closing line typed in the editor.');
  // The figure was not rebuilt: same blob URL, still loaded.
  expect(await image.evaluate((img: HTMLImageElement) => img.src)).toBe(before);
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  // The place being edited stays in view in the preview.
  await expect(preview.frame.getByText('A closing line typed in the editor.')).toBeInViewport();
  // Broken Liquid is named under the preview with its line; the text still shows.
  await page.keyboard.type('\n\n{% endif %}');
  await expect(preview.problems).toContainText('1 problem in this post');
  await preview.problems.locator('summary').click();
  await expect(preview.problems).toContainText(/Line \d+:/);
  await preview.expectText('A closing line typed in the editor.');
  expect(cspErrors).toEqual([]);
});

test('scrolling the editor scrolls the preview to the same place, and the other way round', async () => {
  const { editor, preview, page } = await openPost(LONG_TITLE);
  await preview.expectText('Section 30');
  // Editor → preview.
  const box = (await editor.content.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.wheel(0, 2500);
  await expect.poll(() => editorTopSection(page)).toBeGreaterThan(5);
  const editorSection = await editorTopSection(page);
  await expect.poll(async () => Math.abs((await previewTopSection(preview)) - editorSection)).toBeLessThanOrEqual(1);
  // Preview → editor.
  await preview.wheel(3000);
  await expect.poll(() => previewTopSection(preview)).toBeGreaterThan(editorSection + 3);
  const previewSection = await previewTopSection(preview);
  await expect.poll(async () => Math.abs((await editorTopSection(page)) - previewSection)).toBeLessThanOrEqual(1);
  // No ping-pong: once both sides are still, they stay where they are.
  await page.waitForTimeout(600);
  const settled = [await editorTopSection(page), await previewTopSection(preview), await preview.scrollTop()];
  await page.waitForTimeout(600);
  expect([await editorTopSection(page), await previewTopSection(preview), await preview.scrollTop()]).toEqual(settled);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot of the preview in ${scheme} mode`, async () => {
    const { preview, page } = await openPost(GPU_TITLE, { colorScheme: scheme });
    await expect.poll(() => preview.figureImages.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(preview.frame.locator('html')).toHaveAttribute('data-theme', scheme);
    await fs.mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `preview-${scheme}.png`) });
    await preview.wheel(2000);
    await page.waitForTimeout(300);
    await preview.pane.screenshot({ path: path.join(SHOTS, `preview-${scheme}-lower.png`) });
  });
}
