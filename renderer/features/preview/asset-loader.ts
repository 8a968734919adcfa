/**
 * Turns the preview's image marks into pictures: each site image is asked for once per document through
 * `asset.read` (main checks the path) and shown as a blob: URL; what cannot be shown becomes a visible
 * placeholder, so a broken or refused path is noticed instead of silently missing.
 */
import type { Api } from '../../../shared/contract/contract';
import { assetCandidates } from './url-policy';

function toBlobUrl(base64: string, mime: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

/** One document's images: blob URLs by site path, made once and revoked when the document goes. */
export class AssetLoader {
  private readonly cache = new Map<string, Promise<string | null>>();
  private disposed = false;

  constructor(
    private readonly api: Pick<Api, 'asset.read'>,
    private readonly site: string,
    private readonly assetSources: () => readonly string[],
  ) {}

  private read(path: string): Promise<string | null> {
    let pending = this.cache.get(path);
    if (!pending) {
      pending = this.api['asset.read']({ site: this.site, path }).then((r) => (r.ok && !this.disposed ? toBlobUrl(r.value.base64, r.value.mime) : null));
      this.cache.set(path, pending);
    }
    return pending;
  }

  /** The blob URL of the first candidate path that is an image of the site, or null. */
  async resolve(kind: 'asset' | 'site', path: string): Promise<string | null> {
    for (const candidate of assetCandidates({ kind, path }, this.assetSources())) {
      const url = await this.read(candidate);
      if (url) return url;
    }
    return null;
  }

  /** Shows every marked image under `root`: a blob URL, or the broken-image placeholder. */
  fill(root: ParentNode, brokenLabel: (path: string) => string): Promise<void>[] {
    const jobs: Promise<void>[] = [];
    for (const img of root.querySelectorAll<HTMLImageElement>('img[data-pr-asset]')) {
      const path = img.getAttribute('data-pr-asset')!;
      const kind = img.getAttribute('data-pr-asset-kind') === 'asset' ? 'asset' : 'site';
      img.removeAttribute('data-pr-asset');
      jobs.push(
        this.resolve(kind, path).then((url) => {
          if (this.disposed) return;
          if (url) img.src = url;
          else markBroken(img, brokenLabel(path));
        }),
      );
    }
    for (const img of root.querySelectorAll<HTMLImageElement>('img[data-pr-broken]')) {
      markBroken(img, brokenLabel(img.getAttribute('data-pr-broken') ?? ''));
      img.removeAttribute('data-pr-broken');
    }
    return jobs;
  }

  /** Forgets and revokes every blob URL of this document. */
  dispose(): void {
    this.disposed = true;
    for (const pending of this.cache.values()) void pending.then((url) => url && URL.revokeObjectURL(url));
    this.cache.clear();
  }
}

/** Replaces an image with a visible "image not available" box naming the path. */
export function markBroken(img: HTMLImageElement, label: string): void {
  const box = img.ownerDocument.createElement('span');
  box.className = 'pr-broken-image';
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', label);
  box.textContent = label;
  img.replaceWith(box);
}
