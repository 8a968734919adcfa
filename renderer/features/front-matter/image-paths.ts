/**
 * How a site writes image paths in its front matter, learned from the values it already has: jekyll-assets
 * sites write `blog/x.jpg` (relative to the asset folder), layouts may add a folder themselves (`avatar:
 * me.png` shown from `avatars/`), plain sites write `/assets/x.jpg`. The picker writes new values the same way.
 */
import type { AssetImage } from '../../../shared/contract/models';

/** A value is `add` + the site path without `strip`. */
export interface ImagePathStyle {
  strip: string;
  add: string;
}

/** The site-relative path of an image of the listing. */
export function sitePathOf(image: AssetImage): string {
  return `${image.source}/${image.path}`;
}

/** The style most of `values` are written in, matched against the site's images; else relative to the first asset folder. */
export function inferImageStyle(values: readonly string[], images: readonly AssetImage[], sources: readonly string[]): ImagePathStyle {
  const sitePaths = images.map(sitePathOf);
  const bySuffix = new Map<string, string[]>();
  for (const p of sitePaths) {
    const name = p.slice(p.lastIndexOf('/') + 1);
    bySuffix.set(name, [...(bySuffix.get(name) ?? []), p]);
  }
  const votes = new Map<string, { style: ImagePathStyle; n: number }>();
  const vote = (style: ImagePathStyle) => {
    const k = `${style.strip}\u0000${style.add}`;
    const v = votes.get(k);
    if (v) v.n++;
    else votes.set(k, { style, n: 1 });
  };
  for (const value of values) {
    if (!value) continue;
    const bare = value.replace(/^\/+/, '');
    const add = value.startsWith('/') ? '/' : '';
    const name = bare.slice(bare.lastIndexOf('/') + 1);
    const match = (bySuffix.get(name) ?? []).find((p) => p === bare || p.endsWith(`/${bare}`));
    if (match) vote({ strip: match.slice(0, match.length - bare.length), add });
  }
  let best: { style: ImagePathStyle; n: number } | null = null;
  for (const v of votes.values()) if (!best || v.n > best.n) best = v;
  if (best) return best.style;
  const first = sources[0]?.replace(/^\/+|\/+$/g, '');
  return { strip: first ? `${first}/` : '', add: '' };
}

/** The value to write for a picked image. */
export function valueForImage(image: AssetImage, style: ImagePathStyle): string {
  const p = sitePathOf(image);
  return style.add + (p.startsWith(style.strip) ? p.slice(style.strip.length) : p);
}

/** Site paths a value may name, most likely first, for showing its thumbnail through `asset.read`. */
export function sitePathCandidates(value: string, style: ImagePathStyle, sources: readonly string[]): string[] {
  const bare = value.startsWith(style.add) ? value.slice(style.add.length) : value;
  const plain = value.replace(/^\/+/, '');
  const out = [`${style.strip}${bare}`, plain, ...sources.map((s) => `${s.replace(/^\/+|\/+$/g, '')}/${plain}`)];
  return [...new Set(out)].filter((p) => p && !p.split('/').includes('..'));
}

/** The images the picker offers: those the style can write (below `strip`), filtered by the typed words. */
export function pickableImages(images: readonly AssetImage[], style: ImagePathStyle, filter: string): AssetImage[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return images.filter((img) => {
    const p = sitePathOf(img);
    if (!p.startsWith(style.strip)) return false;
    const hay = p.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
