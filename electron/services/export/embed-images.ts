/**
 * Fills the image slots of a sanitized export with pictures from inside the site, as `data:` URLs: read through
 * the site's confined reader (real path, regular files, bounded), judged by their bytes (`probeImage`; an SVG must
 * pass `checkSvg`), scaled down to print size when huge. Web images are never fetched: a visible note takes their
 * place. Each file is read once however often the post shows it, and the HTML is rewritten in one pass.
 */
import sharp from 'sharp';
import { AppFailure } from '../../../shared/contract/errors';
import type { ExportWarning } from '../../../shared/contract/export-models';
import { assetCandidates, type ImageSource } from '../../../shared/render/url-policy';
import type { AssetIndex } from '../../../shared/site/asset-lookup';
import { escapeHtml, escapeHtmlText } from '../../../shared/util/escape-html';
import { MAX_FIGURE_BYTES, probeImage, type ProbedImage } from '../figures';
import { readSiteFile } from '../paths';
import { hostOf, type ImageSlot } from './export-sanitize';

/** Pictures wider than this (or taller than `MAX_EMBED_HEIGHT`) are scaled down: far above 300 dpi on A4's text width. */
export const MAX_EMBED_WIDTH = 2000;
const MAX_EMBED_HEIGHT = 3000;
/** JPEG quality of a scaled-down photo. */
const JPEG_QUALITY = 85;

/** What the slots need to know of the site and the post's language. */
export interface EmbedOptions {
  /** The site's real root; null for a post outside any site (then no site image can be found). */
  root: string | null;
  assets: AssetIndex;
  /** The note left where a web image was. */
  remoteNote(host: string): string;
}

type Loaded = { url: string } | { warning: ExportWarning };

/** The picture ready to embed: scaled down when huge, else the file's own bytes. */
async function printReady(bytes: Buffer, probed: ProbedImage): Promise<{ mime: string; bytes: Buffer }> {
  const raster = probed.mime !== 'image/svg+xml';
  if (!raster || (probed.width <= MAX_EMBED_WIDTH && probed.height <= MAX_EMBED_HEIGHT)) return { mime: probed.mime, bytes };
  const image = sharp(bytes, { limitInputPixels: false, animated: false })
    // Browsers turn a photo by its EXIF orientation; scaling drops the EXIF, so the turn is applied first.
    .rotate()
    .resize({ width: MAX_EMBED_WIDTH, height: MAX_EMBED_HEIGHT, fit: 'inside', withoutEnlargement: true });
  const { hasAlpha } = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (probed.mime === 'image/png' || hasAlpha) return { mime: 'image/png', bytes: await image.png().toBuffer() };
  return { mime: 'image/jpeg', bytes: await image.jpeg({ quality: JPEG_QUALITY, mozjpeg: true }).toBuffer() };
}

/** Reads the first candidate that exists and makes it a data: URL, or says why there is none. */
async function loadSiteImage(root: string, candidates: readonly string[], shown: string): Promise<Loaded> {
  for (const rel of candidates) {
    let bytes: Buffer;
    try {
      bytes = await readSiteFile(root, rel, { maxBytes: MAX_FIGURE_BYTES });
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      if (error.error.code === 'not-found') continue;
      if (error.error.code === 'too-large') return { warning: { code: 'image-refused', detail: `${shown}: ${error.message}` } };
      return { warning: { code: 'missing-image', detail: `${shown}: ${error.message}` } };
    }
    try {
      const probed = await probeImage(bytes, rel);
      const ready = await printReady(bytes, probed);
      return { url: `data:${ready.mime};base64,${ready.bytes.toString('base64')}` };
    } catch (error) {
      if (!(error instanceof AppFailure) && !(error instanceof Error)) throw error;
      return { warning: { code: 'image-refused', detail: `${shown}: ${error.message}` } };
    }
  }
  return { warning: { code: 'missing-image', detail: shown } };
}

function note(text: string): string {
  return `<span class="pr-export-note">${escapeHtmlText(text)}</span>`;
}

/** The `<img data-pr-img="N"` slots made by `sanitizeForExport` (attribute values there are escaped, so `>` ends the tag). */
const SLOT = /<img data-pr-img="(\d+)"([^>]*)>/g;

/**
 * Replaces every image slot in `html` with its picture (a data: URL) or a note, loading each file once.
 * `cache` is shared by the parts of one document; `warnings` gets one entry per image left out.
 */
export async function embedImages(
  html: string,
  slots: readonly ImageSlot[],
  options: EmbedOptions,
  cache: Map<string, Promise<Loaded>>,
  warnings: ExportWarning[],
): Promise<string> {
  const used = new Set<number>();
  for (const m of html.matchAll(SLOT)) used.add(Number(m[1]));
  const results = new Map<number, Filled>();
  // One image after the other: a release has a handful, and each may be tens of megabytes while it is scaled.
  for (const index of [...used].sort((a, b) => a - b)) {
    const slot = slots[index];
    if (!slot) continue;
    results.set(index, await slotHtml(slot, options, cache, warnings));
  }
  return html.replace(SLOT, (_whole, n: string, rest: string) => {
    const done = results.get(Number(n));
    if (done === undefined) return '';
    return 'src' in done ? `<img src="${escapeHtml(done.src)}"${rest}>` : done.html;
  });
}

/** What a slot becomes: the picture (its other attributes stay as sanitized) or HTML in its place. */
type Filled = { src: string } | { html: string };

/** Fills one slot; a web image becomes a note, a missing or refused one its alternative text as a note. */
async function slotHtml(slot: ImageSlot, options: EmbedOptions, cache: Map<string, Promise<Loaded>>, warnings: ExportWarning[]): Promise<Filled> {
  const source: ImageSource = slot.source;
  const fallback = slot.alt.trim() || slot.src;
  if (source.kind === 'remote') {
    const host = hostOf(source.url) ?? source.url;
    warnings.push({ code: 'remote-image', detail: source.url.slice(0, 300) });
    return { html: note(options.remoteNote(host)) };
  }
  if (source.kind === 'blocked') {
    warnings.push({ code: source.reason === 'not-image' ? 'missing-image' : 'image-refused', detail: slot.src || '(no source)' });
    return { html: fallback ? note(fallback) : '' };
  }
  const key = `${source.kind}:${source.path}`;
  let loading = cache.get(key);
  if (!loading) {
    const candidates = assetCandidates(source, options.assets);
    loading = options.root === null ? Promise.resolve({ warning: { code: 'missing-image', detail: source.path } }) : loadSiteImage(options.root, candidates, source.path);
    cache.set(key, loading);
    const loaded = await loading;
    if ('warning' in loaded) warnings.push(loaded.warning);
  }
  const loaded = await loading;
  return 'warning' in loaded ? { html: note(fallback || source.path) } : { src: loaded.url };
}
