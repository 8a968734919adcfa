/**
 * Turns the preview's image marks into pictures: each site image comes from the site-data cache (through
 * `asset.read`, main checks the path) as a blob: URL shared with the thumbnails; what cannot be shown becomes a
 * visible placeholder, so a broken or refused path is noticed instead of silently missing. Images are held
 * while a block of the document shows them and let go (then revoked) when the block or the document goes.
 */
import type { Api } from '../../../shared/contract/contract';
import type { AssetIndex } from '../../../shared/site/asset-lookup';
import { ImageChoice } from '../../common/site-data/image-choice';
import { siteDataFor } from '../../common/site-data/site-data';
import { assetCandidates } from '../../../shared/render/url-policy';

interface Slot {
  readonly choice: ImageChoice;
  /** The element shown: the image, or the placeholder that replaced it. */
  shown: Element;
  readonly img: HTMLImageElement;
  readonly label: string;
  settled: () => void;
}

/** One document's images, held per block of the preview. */
export class AssetLoader {
  private readonly slots = new Map<Element, Slot[]>();
  private disposed = false;

  constructor(
    private readonly api: Api,
    private readonly site: string,
    /** The site's asset index (from the render context), for site paths under `/assets/`. */
    private readonly assets: () => AssetIndex,
  ) {}

  /** Shows every marked image under `root` (a block): a blob URL, or the broken-image placeholder. Resolves when each is settled. */
  fill(root: Element, brokenLabel: (path: string) => string): Promise<void>[] {
    const jobs: Promise<void>[] = [];
    for (const img of root.querySelectorAll<HTMLImageElement>('img[data-pr-asset]')) {
      const path = img.getAttribute('data-pr-asset')!;
      const kind = img.getAttribute('data-pr-asset-kind') === 'asset' ? 'asset' : 'site';
      img.removeAttribute('data-pr-asset');
      if (this.disposed) continue;
      const candidates = assetCandidates({ kind, path }, this.assets());
      let settled!: () => void;
      jobs.push(new Promise<void>((resolve) => (settled = resolve)));
      const choice = new ImageChoice(siteDataFor(this.api), this.site, candidates, () => this.show(slot));
      const slot: Slot = { choice, shown: img, img, label: brokenLabel(path), settled };
      this.show(slot);
      const list = this.slots.get(root);
      if (list) list.push(slot);
      else this.slots.set(root, [slot]);
    }
    for (const img of root.querySelectorAll<HTMLImageElement>('img[data-pr-broken]')) {
      markBroken(img, brokenLabel(img.getAttribute('data-pr-broken') ?? ''));
      img.removeAttribute('data-pr-broken');
    }
    return jobs;
  }

  /** Lets go of the images of every block not in `blocks` (the preview's blocks after a patch). */
  retain(blocks: readonly Element[]): void {
    const keep = new Set(blocks);
    for (const [block, slots] of this.slots) {
      if (keep.has(block)) continue;
      for (const slot of slots) slot.choice.release();
      this.slots.delete(block);
    }
  }

  /** Lets go of every image of this document (revoked once nothing else shows them). */
  dispose(): void {
    this.disposed = true;
    this.retain([]);
  }

  private show(slot: Slot): void {
    const { url, done } = slot.choice;
    if (url) {
      if (slot.shown !== slot.img) slot.shown.replaceWith(slot.img);
      slot.shown = slot.img;
      slot.img.src = url;
    } else if (done && slot.shown === slot.img) {
      slot.shown = markBroken(slot.img, slot.label);
    }
    if (done) slot.settled();
  }
}

/** Replaces an image with a visible "image not available" box naming the path; returns the box. */
export function markBroken(img: HTMLImageElement, label: string): HTMLElement {
  const box = img.ownerDocument.createElement('span');
  box.className = 'pr-broken-image';
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', label);
  box.textContent = label;
  img.replaceWith(box);
  return box;
}
