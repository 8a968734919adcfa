/**
 * Brings a staged image into the site's figure folder: confined to the site by real path, the same content
 * reused instead of copied, a taken name (also one differing only in case) never overwritten, and a large
 * photo optionally replaced by a web copy (resized, metadata stripped, orientation applied).
 */
import { createHash } from 'node:crypto';
import { constants, type Dirent, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { AppFailure, messageOf } from '../../../shared/contract/errors';
import type { ImportedFigure } from '../../../shared/contract/figure-models';
import { atomicWrite } from '../documents';
import { normalizeRel, resolveInside } from '../paths';
import { type FigureMime, MAX_FIGURE_BYTES, MAX_FIGURE_PIXELS } from './image-probe';

/** Heavier images than this are "large": a web copy is offered (the 1 MB). */
export const LARGE_FIGURE_BYTES = 1024 * 1024;

/** What an import needs of the site's figure settings (a subset of `readFigureSettings`' result). */
export interface FigureTarget {
  /** Site-relative folder images go to. */
  folder: string;
  /** Widest web copy, in pixels. */
  maxWidth: number;
  /** What a post names the file at a site path with. */
  referenceOf(sitePath: string): string;
}

/** The picture to import: its bytes and what the probe found. */
export interface FigureSource {
  data: Buffer;
  mime: FigureMime;
  width: number;
  height: number;
}

/** Everything `importFigure` needs. */
export interface ImportFigureOptions {
  siteRoot: string;
  settings: FigureTarget;
  staged: FigureSource;
  /** The file name to write (already checked with `fileNameProblem`). */
  fileName: string;
  downscale: boolean;
  keepOriginal: boolean;
}

/** True when a web copy should be offered: wider than `maxWidth` or heavier than 1 MB (never for SVG, a drawing). */
export function isLargeFigure(image: { mime: FigureMime; width: number; bytes: number }, maxWidth: number): boolean {
  if (image.mime === 'image/svg+xml') return false;
  return image.width > maxWidth || image.bytes > LARGE_FIGURE_BYTES;
}

/**
 * The figure folder's site-relative path and real path, confined to the site (a folder, or a symlink on the
 * way, leading outside is 'outside-site'). With `create` a missing folder is made inside the site.
 */
export async function figureFolder(siteRoot: string, folder: string, opts: { create: boolean }): Promise<{ rel: string; real: string | null }> {
  const rel = folder.trim() === '' || folder.trim() === '/' ? '' : normalizeRel(folder.trim());
  const shownRel = rel === '' ? '.' : rel;
  const planned = await resolveInside(siteRoot, shownRel, { allowMissing: true });
  let stat = await fs.stat(planned).catch(() => null);
  if (!stat) {
    if (!opts.create) return { rel, real: null };
    try {
      await fs.mkdir(planned, { recursive: true });
      stat = await fs.stat(planned);
    } catch (error) {
      throw new AppFailure('not-writable', `The figure folder ${shownRel} could not be created: ${messageOf(error)}`, { path: shownRel });
    }
  }
  if (!stat.isDirectory()) {
    throw new AppFailure('not-writable', `The figure folder ${shownRel} is a file, not a folder; change "figures: folder:" in .pressroom.yml.`, { path: shownRel });
  }
  // Checked again now that it exists: a link swapped in meanwhile must still lead inside the site.
  const real = await resolveInside(siteRoot, shownRel);
  return { rel, real };
}

/** How a candidate for reuse is opened: read only, never through a link, never blocking. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The site path of a regular file in the folder with exactly one of `contents`, or null (same size first, then SHA-256). */
export async function findSameContent(folder: { rel: string; real: string | null }, contents: readonly Buffer[]): Promise<string | null> {
  if (!folder.real) return null;
  const wanted = new Map<number, string[]>();
  for (const c of contents) wanted.set(c.length, [...(wanted.get(c.length) ?? []), sha256(c)]);
  let entries: Dirent[];
  try {
    entries = await fs.readdir(folder.real, { withFileTypes: true });
  } catch {
    return null;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // Links are not followed: one could lead out of the site.
    if (!entry.isFile()) continue;
    const file = path.join(folder.real, entry.name);
    let handle: FileHandle | undefined;
    try {
      // Opened without following a link swapped in since the listing, and never blocking on a FIFO.
      handle = await fs.open(file, READ_FLAGS);
      const stat = await handle.stat();
      const hashes = wanted.get(stat.size);
      if (!stat.isFile() || !hashes) continue;
      if (hashes.includes(sha256(await handle.readFile()))) return folder.rel ? `${folder.rel}/${entry.name}` : entry.name;
    } catch {
      // vanished or unreadable: not a match
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }
  return null;
}

/** The names in a folder as a case-insensitive system compares them (NFC, lower case). */
async function takenNames(dir: string): Promise<Set<string>> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return new Set(names.map((n) => n.normalize('NFC').toLowerCase()));
}

function withSuffix(fileName: string, suffix: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)}${suffix}${fileName.slice(dot)}` : `${fileName}${suffix}`;
}

/**
 * Writes `data` as `fileName` in `dir`, or as `name-2.ext`, `name-3.ext`… when the name (in any case) is taken:
 * never over another file. Returns the name written. The write is atomic (atomicWrite) and checks just before
 * its rename that no file took the name meanwhile.
 */
async function writeNew(dir: string, fileName: string, data: Uint8Array): Promise<string> {
  for (let n = 1; n <= 1000; n++) {
    const name = n === 1 ? fileName : withSuffix(fileName, `-${n}`);
    const key = name.normalize('NFC').toLowerCase();
    if ((await takenNames(dir)).has(key)) continue;
    try {
      await atomicWrite(path.join(dir, name), data, {
        beforeRename: async () => {
          if ((await takenNames(dir)).has(key)) throw new AppFailure('exists', `${name} appeared while it was written.`);
        },
      });
      return name;
    } catch (error) {
      if (error instanceof AppFailure && error.error.code === 'exists') continue;
      throw error;
    }
  }
  throw new AppFailure('exists', `The figure folder already has ${fileName} and a thousand variants of it; choose another name.`);
}

/**
 * A web copy: at most `maxWidth` wide (never enlarged), orientation applied, metadata stripped, same format
 * (every frame of an animated GIF or WebP kept). An SVG, a drawing, is returned as it is.
 */
export async function downscaleImage(image: FigureSource, maxWidth: number): Promise<FigureSource> {
  if (image.mime === 'image/svg+xml') return image;
  const animated = image.mime === 'image/gif' || image.mime === 'image/webp';
  try {
    let pipeline = sharp(image.data, { limitInputPixels: MAX_FIGURE_PIXELS, failOn: 'error', animated })
      .rotate()
      .resize({ width: maxWidth, withoutEnlargement: true });
    if (image.mime === 'image/jpeg') pipeline = pipeline.jpeg({ quality: 82, mozjpeg: true });
    else if (image.mime === 'image/png') pipeline = pipeline.png({ compressionLevel: 9 });
    else if (image.mime === 'image/webp') pipeline = pipeline.webp({ quality: 80 });
    else if (image.mime === 'image/gif') pipeline = pipeline.gif();
    else pipeline = pipeline.avif({ quality: 60 });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { data, mime: image.mime, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) {
      throw new AppFailure('too-large', 'The picture has too many pixels to be made smaller safely (over 100 megapixels).');
    }
    throw new AppFailure('not-supported', `The picture could not be made smaller: ${message}`);
  }
}

/**
 * Imports a staged image into the site's figure folder and says how posts name it. The same content already
 * there is reused (nothing written); a taken name gets `-2`, `-3`…; with `downscale` a web copy is written,
 * and with `keepOriginal` the original beside it as `name-original.ext`.
 */
export async function importFigure(opts: ImportFigureOptions): Promise<ImportedFigure> {
  const { siteRoot, settings, staged } = opts;
  if (staged.data.length > MAX_FIGURE_BYTES) throw new AppFailure('too-large', 'Pictures up to 50 MB can be imported.');
  const folder = await figureFolder(siteRoot, settings.folder, { create: true });
  const dir = folder.real as string;
  let web = opts.downscale ? await downscaleImage(staged, settings.maxWidth) : staged;
  // A "web copy" no smaller than the original in any way is the original.
  if (web !== staged && web.width === staged.width && web.data.length >= staged.data.length) web = staged;
  const sitePath = (name: string) => (folder.rel ? `${folder.rel}/${name}` : name);
  const reuse = await findSameContent(folder, web === staged ? [staged.data] : [web.data, staged.data]);
  if (reuse) {
    const file = path.join(dir, path.basename(reuse));
    const meta = await sharp(file, { limitInputPixels: MAX_FIGURE_PIXELS }).metadata().catch(() => null);
    return {
      path: reuse,
      reference: settings.referenceOf(reuse),
      reused: true,
      renamed: false,
      width: meta?.width ?? web.width,
      height: meta?.height ?? web.height,
      bytes: (await fs.stat(file)).size,
      original: null,
    };
  }
  const written = await writeNew(dir, opts.fileName, web.data);
  let original: string | null = null;
  if (opts.keepOriginal && web !== staged) original = sitePath(await writeNew(dir, withSuffix(opts.fileName, '-original'), staged.data));
  const rel = sitePath(written);
  return {
    path: rel,
    reference: settings.referenceOf(rel),
    reused: false,
    renamed: written !== opts.fileName,
    width: web.width,
    height: web.height,
    bytes: web.data.length,
    original,
  };
}
