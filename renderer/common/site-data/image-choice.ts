/**
 * "The first of these paths that is an image of the site": how both the thumbnails and the preview find a
 * picture whose value can be written several ways. Candidates are asked for one after another (never all at
 * once), the chosen picture follows changes on disk, and every picture asked for is held until `release`.
 */
import { assetImageResource } from './site-resources';
import type { SiteData, SiteLease } from './site-data';

/** Holds the candidates of one picture and tells its owner when the picture to show changes. */
export class ImageChoice {
  /** The blob: URL to show, or null while loading or when no candidate is an image. */
  url: string | null = null;
  /** True once every candidate before the chosen one (or all of them) answered. */
  done = false;
  private readonly leases: SiteLease<string>[] = [];
  private readonly stops: Array<() => void> = [];
  private released = false;

  constructor(
    private readonly data: SiteData,
    private readonly site: string,
    private readonly candidates: readonly string[],
    private readonly onChange: (choice: ImageChoice) => void,
  ) {
    this.update(false);
  }

  /** Lets go of every picture this choice asked for (they are revoked once nobody else shows them). */
  release(): void {
    if (this.released) return;
    this.released = true;
    for (const stop of this.stops) stop();
    for (const lease of this.leases) lease.release();
  }

  private update(tell: boolean): void {
    if (this.released) return;
    let url: string | null = null;
    let done = true;
    for (let i = 0; i < this.candidates.length; i++) {
      if (i === this.leases.length) {
        const lease = this.data.acquire(assetImageResource, this.site, this.candidates[i]);
        this.leases.push(lease);
        this.stops.push(lease.subscribe(() => this.update(true)));
      }
      const state = this.leases[i].state;
      if (state.status === 'failed') continue;
      if (state.status === 'ready') url = state.value;
      else done = false;
      break;
    }
    if (url === this.url && done === this.done) return;
    this.url = url;
    this.done = done;
    if (tell) this.onChange(this);
  }
}
