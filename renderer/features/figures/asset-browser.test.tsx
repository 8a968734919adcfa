// @vitest-environment jsdom
// What a communications person sees in the asset browser: the site's images with name, size and how many posts use
// each (and which), thumbnails loaded only as they scroll into view, a search by name, the arrow keys and Enter,
// and "Insert" handing the chosen image on; a listing that fails says why.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FigureAsset, FigureBrowse } from '../../../shared/contract/figure-models';
import { fakeMain, type FakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { AssetBrowser, filterAssets } from './asset-browser';

const SITE = '/sites/press';

const IMAGES: FigureAsset[] = [
  { path: '_assets/images/blog/harbour.jpg', reference: 'blog/harbour.jpg', bytes: 240_000, width: 1600, height: 1067, usedBy: ['_posts/2024-05-01-launch.md', '_posts/2024-06-01-follow-up.md'] },
  { path: '_assets/images/logo.png', reference: 'logo.png', bytes: 3_000, width: 64, height: 32, usedBy: [] },
  { path: '_assets/images/blog/Café Team.jpg', reference: 'blog/Café Team.jpg', bytes: 1_500_000, width: null, height: null, usedBy: ['_posts/2024-05-01-launch.md'] },
];

/** A stand-in for IntersectionObserver: the test says which elements scrolled into view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly observed = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  static show(el: Element) {
    for (const o of FakeObserver.all.filter((x) => x.observed.has(el))) o.callback([{ isIntersecting: true, target: el } as IntersectionObserverEntry], o as unknown as IntersectionObserver);
  }
}

let main: FakeMain;

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  URL.createObjectURL = () => 'blob:thumb';
  URL.revokeObjectURL = () => undefined;
  main = fakeMain({
    'figure.browse': () => ({ ok: true, value: { images: IMAGES, truncated: false } satisfies FigureBrowse }),
    'figure.thumbnail': () => ({ ok: true, value: { mime: 'image/webp', base64: btoa('webp') } }),
    'site.posts': () => ({
      ok: true,
      value: [
        { path: '_posts/2024-05-01-launch.md', title: 'We launch the harbour app' },
        { path: '_posts/2024-06-01-follow-up.md', title: 'A month at the harbour' },
      ],
    }),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function open(onPick = vi.fn(), onClose = vi.fn()) {
  const view = await mount(main, <AssetBrowser site={SITE} onPick={onPick} onClose={onClose} />);
  await settle();
  return { ...view, onPick, onClose };
}

const tiles = () => Array.from(document.querySelectorAll<HTMLButtonElement>('.asset-tile'));
const byText = (selector: string, text: string) => Array.from(document.querySelectorAll<HTMLElement>(selector)).find((el) => el.textContent?.includes(text)) ?? null;

function type(field: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function key(el: Element, k: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}

describe('AssetBrowser', () => {
  it('shows every image with its name, folder, size, pixels and how many posts use it, listing those posts on request', async () => {
    await open();
    expect(document.querySelector('h2')?.textContent).toBe('Images of the site');
    expect(tiles().map((t) => t.querySelector('.asset-name')?.textContent)).toEqual(['harbour.jpg', 'logo.png', 'Café Team.jpg']);
    expect(tiles()[0].textContent).toContain('_assets/images/blog');
    expect(tiles()[0].textContent).toContain('234 KB · 1,600 × 1,067 px');
    expect(tiles()[2].textContent).toContain('1.4 MB');
    expect(tiles()[2].textContent).not.toContain('px');
    expect(document.querySelector('.asset-count')?.textContent).toBe('3 of 3 images');
    expect(byText('.asset-uses', 'Not used in any post')).not.toBeNull();

    const toggle = byText('.asset-uses-toggle', 'Used in 2 posts')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(async () => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const listed = Array.from(document.querySelectorAll('.asset-uses-list li')).map((li) => li.querySelector('.asset-uses-title')?.textContent);
    expect(listed).toEqual(['We launch the harbour app', 'A month at the harbour']);
  });

  it('loads a thumbnail only once its tile scrolls into view, with a placeholder until then', async () => {
    await open();
    expect(main.count('figure.thumbnail')).toBe(0);
    expect(document.querySelectorAll('.asset-thumb-wait')).toHaveLength(3);
    await settle(() => FakeObserver.show(tiles()[1].querySelector('.asset-thumb')!));
    expect(main.calls.filter((c) => c.name === 'figure.thumbnail').map((c) => c.args)).toEqual([{ site: SITE, path: '_assets/images/logo.png' }]);
    expect(tiles()[1].querySelector('img')?.getAttribute('src')).toBe('blob:thumb');
    expect(tiles()[0].querySelector('img')).toBeNull();
  });

  it('says when a thumbnail cannot be made, and keeps the tile usable', async () => {
    main.answers['figure.thumbnail'] = () => ({ ok: false, error: { code: 'not-supported', message: 'logo.png is not an image Pressroom can preview.' } });
    await open();
    await settle(() => FakeObserver.show(tiles()[1].querySelector('.asset-thumb')!));
    expect(tiles()[1].querySelector('.asset-thumb-none')?.textContent).toBe('No preview');
  });

  it('finds images by words of their name or folder, ignoring case and accents', async () => {
    await open();
    const search = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    await act(async () => type(search, 'cafe'));
    await settle();
    expect(tiles().map((t) => t.querySelector('.asset-name')?.textContent)).toEqual(['Café Team.jpg']);
    expect(document.querySelector('.asset-count')?.textContent).toBe('1 of 3 images');
    await act(async () => type(search, 'blog JPG'));
    await settle();
    expect(tiles()).toHaveLength(2);
    // The image chosen before the search hid it cannot be inserted unseen.
    await act(async () => tiles()[1].click());
    await act(async () => type(search, 'harbour'));
    await settle();
    expect((byText('.asset-browser-foot button', 'Insert') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => type(search, 'nothing-like-this'));
    await settle();
    expect(document.querySelector('.asset-state')?.textContent).toBe('No image matches “nothing-like-this”.');
  });

  it('moves between images with the arrow keys, inserts the one in focus with Enter, and the chosen one with Insert', async () => {
    const { onPick } = await open();
    const first = tiles()[0];
    expect(first.tabIndex).toBe(0);
    expect(tiles()[1].tabIndex).toBe(-1);
    first.focus();
    await act(async () => key(first, 'ArrowRight'));
    expect(document.activeElement).toBe(tiles()[1]);
    expect(tiles()[1].tabIndex).toBe(0);
    await act(async () => key(tiles()[1], 'End'));
    expect(document.activeElement).toBe(tiles()[2]);
    await act(async () => key(tiles()[2], 'Enter'));
    expect(onPick).toHaveBeenCalledWith(IMAGES[2]);

    const insert = byText('.asset-browser-foot button', 'Insert') as HTMLButtonElement;
    expect(insert.disabled).toBe(true);
    await act(async () => tiles()[1].click());
    expect(tiles()[1].getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('.asset-chosen')?.textContent).toBe('Chosen: _assets/images/logo.png');
    expect(insert.disabled).toBe(false);
    await act(async () => insert.click());
    expect(onPick).toHaveBeenLastCalledWith(IMAGES[1]);
  });

  it('closes with Cancel, and says so when the images cannot be read', async () => {
    main.answers['figure.browse'] = () => ({ ok: false, error: { code: 'not-readable', message: 'The asset folder cannot be read.' } });
    const { onClose } = await open();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('The images could not be read: The asset folder cannot be read.');
    await act(async () => (byText('.asset-browser-foot button', 'Cancel') as HTMLButtonElement).click());
    expect(onClose).toHaveBeenCalled();
  });

  it('lists a site with no images as empty, with a hint how to bring one in', async () => {
    main.answers['figure.browse'] = () => ({ ok: true, value: { images: [], truncated: false } });
    await open();
    expect(document.querySelector('.asset-state')?.textContent).toContain('This site has no images yet.');
  });
});

describe('filterAssets', () => {
  it('keeps every image for an empty query and matches all words', () => {
    expect(filterAssets(IMAGES, '  ')).toHaveLength(3);
    expect(filterAssets(IMAGES, 'blog harbour').map((i) => i.reference)).toEqual(['blog/harbour.jpg']);
  });
});
