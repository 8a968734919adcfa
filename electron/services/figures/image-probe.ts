/**
 * What an image brought into a site really is, judged by its bytes and never by its name, and whether it is
 * small enough to handle: a renamed PDF is refused, a decompression bomb is refused before it is decoded.
 */
import sharp from 'sharp';
import { AppFailure } from '../../../shared/contract/errors';
import type { StagedFigure } from '../../../shared/contract/figure-models';
import { extensionOfMime } from '../../../shared/figures/safe-file-name';
import { sniffImage } from '../assets';
import { checkSvg } from './svg-safety';

/** Files over this size are refused outright (the issue's 50 MB). */
export const MAX_FIGURE_BYTES = 50 * 1024 * 1024;

/** Pixel limit for anything decoded: 100 megapixels is far above any camera's photo and far below a bomb's. */
export const MAX_FIGURE_PIXELS = 100_000_000;

/** The kinds of image a figure may be. */
export type FigureMime = StagedFigure['mime'];

/** What an image is: its kind by content, its size in pixels and in bytes. */
export interface ProbedImage {
  mime: FigureMime;
  width: number;
  height: number;
  bytes: number;
}

function isFigureMime(mime: string | null): mime is FigureMime {
  return mime !== null && extensionOfMime(mime) !== null;
}

function shown(name: string): string {
  return JSON.stringify(name.slice(0, 120));
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Probes the bytes of an image named `name` (the name is only used in messages). Refuses with 'too-large' a
 * file over 50 MB or an image over 100 megapixels (read from its header, nothing decoded), with
 * 'not-supported' anything that is not a JPEG, PNG, GIF, WebP, AVIF or SVG by content or that cannot be read,
 * with 'refused' an SVG that `checkSvg` refuses (checked before anything parses it).
 */
export async function probeImage(bytes: Buffer, name: string): Promise<ProbedImage> {
  if (bytes.length > MAX_FIGURE_BYTES) {
    throw new AppFailure('too-large', `${shown(name)} is ${megabytes(bytes.length)}; pictures up to 50 MB can be imported.`, { path: name });
  }
  const mime = sniffImage(bytes);
  if (!isFigureMime(mime)) {
    const what = mime ? `a ${mime.replace('image/', '').toUpperCase()} file, which is not supported for figures` : 'not a picture';
    throw new AppFailure('not-supported', `${shown(name)} is ${what}: use a JPEG, PNG, GIF, WebP, AVIF or SVG image.`, {
      path: name,
      suggestion: 'Export the picture as JPEG or PNG and try again.',
    });
  }
  // A drawing is checked before any SVG reader sees it: nothing it refers to is ever loaded.
  const readable = mime === 'image/svg+xml' ? Buffer.from(checkSvg(bytes, name).text) : bytes;
  let meta: sharp.Metadata;
  try {
    // `metadata()` reads the header only, nothing is decoded; our own check below gives the plain message.
    meta = await sharp(readable, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppFailure('not-supported', `${shown(name)} looks like ${String(extensionOfMime(mime)).toUpperCase()} but could not be read: the file may be damaged.`, {
      path: name,
    });
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  const frames = Math.max(1, meta.pages ?? 1);
  if (mime !== 'image/svg+xml' && (width <= 0 || height <= 0)) {
    throw new AppFailure('not-supported', `${shown(name)} has no size in its header: the file may be damaged.`, { path: name });
  }
  if (width * height * frames > MAX_FIGURE_PIXELS) {
    const mp = Math.round((width * height * frames) / 1_000_000);
    throw new AppFailure(
      'too-large',
      `${shown(name)} is ${width} × ${height} pixels${frames > 1 ? ` in ${frames} frames` : ''} (${mp} megapixels); pictures up to 100 megapixels can be imported.`,
      { path: name, suggestion: 'Make the picture smaller in an image editor first.' },
    );
  }
  return { mime, width, height, bytes: bytes.length };
}
