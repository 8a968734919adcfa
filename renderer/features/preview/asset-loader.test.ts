// @vitest-environment jsdom
// The preview's pictures: shown as blob: URLs held while a block shows them, revoked once the block (or the
// document) goes, replaced when the file changes on disk, and a visible placeholder when there is no such image.
import { describe, expect, it, vi } from 'vitest';
import { GRACE_MS, siteDataFor } from '../../common/site-data/site-data';
import { fakeMain, type FakeMain, pictureAnswer, spyOnBlobUrls } from '../../common/site-data/site-data-testing';
import { AssetLoader } from './asset-loader';

const SITE = '/sites/press';
const { made, revoked } = spyOnBlobUrls();

function setup(files: Record<string, string>): { main: FakeMain; loader: AssetLoader; block(...paths: string[]): HTMLElement } {
  const main = fakeMain({ 'asset.read': (args) => (files[String(args.path)] ? pictureAnswer(files[String(args.path)]) : { ok: false, error: { code: 'not-found', message: 'gone' } }) });
  const loader = new AssetLoader(main.api, SITE, () => ({ folders: ['assets/images'], files: Object.keys(files) }));
  const article = document.createElement('article');
  document.body.append(article);
  const block = (...paths: string[]) => {
    const el = document.createElement('div');
    for (const p of paths) {
      const img = document.createElement('img');
      // `{% asset p %}` as the preview's site context resolved it: the file in the site's asset folder.
      img.setAttribute('data-pr-asset', `assets/images/${p}`);
      img.setAttribute('data-pr-asset-kind', 'asset');
      el.append(img);
    }
    article.append(el);
    return el;
  };
  return { main, loader, block };
}

const label = (p: string) => `Image not available: ${p}`;
const srcs = (el: Element) => [...el.querySelectorAll('img')].map((i) => i.getAttribute('src'));

describe('the preview asset loader', () => {
  it('shows each image once per picture and keeps it while a block still shows it', async () => {
    const { main, loader, block } = setup({ 'assets/images/a.png': 'A' });
    const first = block('a.png');
    await Promise.all(loader.fill(first, label));
    // The user types in the paragraph: the block is built again with the same image, the old one goes.
    const rebuilt = block('a.png');
    await Promise.all(loader.fill(rebuilt, label));
    first.remove();
    loader.retain([rebuilt]);
    await vi.advanceTimersByTimeAsync(GRACE_MS * 2);
    expect(srcs(rebuilt)).toEqual(['blob:pic-1']);
    expect(main.count('asset.read')).toBe(1);
    expect(revoked).toEqual([]);
  });

  it('revokes the pictures of blocks no longer in the document, and all of them when the document goes', async () => {
    const { loader, block } = setup({ 'assets/images/a.png': 'A', 'assets/images/b.png': 'B' });
    const a = block('a.png');
    const b = block('b.png');
    await Promise.all([...loader.fill(a, label), ...loader.fill(b, label)]);
    a.remove();
    loader.retain([b]);
    await vi.advanceTimersByTimeAsync(GRACE_MS + 1);
    expect(revoked).toEqual([srcs(a)[0]]);
    loader.dispose();
    await vi.advanceTimersByTimeAsync(GRACE_MS + 1);
    expect(revoked.sort()).toEqual(made.sort());
  });

  it('shows the new picture after the image is replaced on disk, and revokes the old one', async () => {
    const files = { 'assets/images/a.png': 'old' };
    const { main, loader, block } = setup(files);
    const el = block('a.png');
    await Promise.all(loader.fill(el, label));
    expect(srcs(el)).toEqual(['blob:pic-1']);
    files['assets/images/a.png'] = 'new';
    siteDataFor(main.api).signal({ type: 'file.changed', site: SITE, path: 'assets/images/a.png' });
    await vi.advanceTimersByTimeAsync(0);
    expect(srcs(el)).toEqual(['blob:pic-2']);
    expect(revoked).toEqual([]);
    await vi.advanceTimersByTimeAsync(GRACE_MS + 1);
    expect(revoked).toEqual(['blob:pic-1']);
  });

  it('reads a resolved asset by exactly its path, and a site /assets/ path through the asset index', async () => {
    const { main, loader, block } = setup({ 'assets/images/a.png': 'A' });
    const el = block('a.png');
    const site = document.createElement('img');
    site.setAttribute('data-pr-asset', 'assets/a.png');
    site.setAttribute('data-pr-asset-kind', 'site');
    el.append(site);
    await Promise.all(loader.fill(el, label));
    expect(srcs(el)).toEqual(['blob:pic-1', 'blob:pic-1']);
    // The site path is tried as written first (no such file), then as the file `a.png` resolves to.
    expect([main.count('asset.read', 'assets/a.png'), main.count('asset.read', 'assets/images/a.png')]).toEqual([1, 1]);
  });

  it('shows a placeholder naming the path when the image is not there', async () => {
    const { loader, block } = setup({});
    const el = block('missing.png');
    await Promise.all(loader.fill(el, label));
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Image not available: assets/images/missing.png');
  });
});
