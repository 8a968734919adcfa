/**
 * Small previews of a site's images for the asset browser: made once with sharp (libvips, prebuilt in its npm
 * packages) and kept in the app-data folder, never in the site, so opening the browser again costs a file read.
 * The cache is keyed by the image's real path, size and modification time (an edited image gets a new preview)
 * and bounded: past its limit the least recently used previews are removed.
 */
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { AppFailure } from '../../../shared/contract/errors';
import { atomicWrite } from '../documents';
import { MAX_FIGURE_BYTES, MAX_FIGURE_PIXELS } from './image-probe';

/** Widest a thumbnail gets (narrower images keep their width: nothing is enlarged). */
export const THUMBNAIL_WIDTH = 320;

/** Tallest a thumbnail gets, so a very tall strip stays a small file too. */
export const THUMBNAIL_MAX_HEIGHT = 960;

/** Previews kept in the cache at most; the least recently used go first. */
export const THUMBNAIL_CACHE_LIMIT = 2000;

/** The cache's folder inside the app-data folder. */
export const THUMBNAIL_FOLDER = 'thumbnails';

/** A thumbnail as the renderer shows it. */
export interface Thumbnail {
  mime: 'image/webp';
  base64: string;
}

/** Options for tests: a smaller cache bound. */
export interface ThumbnailOptions {
  cacheLimit?: number;
}

/** `O_NOFOLLOW`: the caller resolved the real path, so a link found there now was swapped in and is refused. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Thumbnails being made now, by cache key, so the same image asked for twice at once is decoded once. */
const inFlight = new Map<string, Promise<Thumbnail>>();

/** Per cache folder: how many previews it holds (learnt on the first write), so pruning needs no listing per write. */
const cacheCounts = new Map<string, number>();

function failure(code: 'too-large' | 'not-supported' | 'not-readable', name: string, message: string): AppFailure {
  return new AppFailure(code, message, { path: name });
}

/** Opens the image file (a regular file, at most 50 MB) and names its cache entry by real path, size and time. */
async function openImage(realPath: string): Promise<{ handle: fs.FileHandle; key: string }> {
  const name = path.basename(realPath);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(realPath, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppFailure('not-found', `${name} no longer exists.`, { path: name });
    throw failure('not-readable', name, `${name} could not be read (${code ?? 'error'}).`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw failure('not-supported', name, `${name} is not a file, so it has no preview.`);
    if (stat.size > MAX_FIGURE_BYTES) throw failure('too-large', name, `${name} is larger than 50 MB, so it has no preview.`);
    return { handle, key: createHash('sha256').update(`${realPath}\u0000${stat.size}\u0000${stat.mtimeMs}`).digest('hex') };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Makes the preview from the bytes. Always from a buffer: librsvg then has no base folder, so an SVG's external
 * references (`<image href="http://…">`, `file:`, a neighbouring file) are not loaded; a script is never run in a
 * raster. The pixel limit refuses a decompression bomb; an SVG is drawn at the preview's size, not its own.
 */
async function render(bytes: Buffer, name: string): Promise<Buffer> {
  try {
    // The header only; the limit applies below, where pixels are decoded (an SVG's at preview size).
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    let density: number | undefined;
    if (meta.format === 'svg' && meta.width && meta.width > THUMBNAIL_WIDTH) {
      // Drawn straight at thumbnail size: a huge vector canvas costs nothing and stays sharp.
      density = Math.max(1, ((meta.density ?? 72) * THUMBNAIL_WIDTH) / meta.width);
    }
    return await sharp(bytes, { limitInputPixels: MAX_FIGURE_PIXELS, animated: false, ...(density ? { density } : {}) })
      .rotate()
      .resize({ width: THUMBNAIL_WIDTH, height: THUMBNAIL_MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78, effort: 2 })
      .toBuffer();
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/pixel limit/i.test(message)) throw failure('too-large', name, `${name} has too many pixels for a preview (over 100 megapixels).`);
    throw failure('not-supported', name, `${name} is not an image Pressroom can preview.`);
  }
}

/** Learns how many previews the folder holds, once per process and folder. */
async function countOf(dir: string): Promise<number> {
  let count = cacheCounts.get(dir);
  if (count === undefined) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    count = names.filter((n) => n.endsWith('.webp')).length;
    cacheCounts.set(dir, count);
  }
  return count;
}

/**
 * Removes the least recently used previews (oldest modification time; a cache hit touches its file) until a tenth
 * below the limit, so the folder is listed once per many writes rather than on every one.
 */
export async function pruneThumbnails(dir: string, limit = THUMBNAIL_CACHE_LIMIT): Promise<number> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.webp'));
  const keep = Math.floor(limit * 0.9);
  if (names.length <= limit) {
    cacheCounts.set(dir, names.length);
    return 0;
  }
  const aged: Array<{ name: string; at: number }> = [];
  for (const name of names) {
    const stat = await fs.lstat(path.join(dir, name)).catch(() => null);
    if (stat?.isFile()) aged.push({ name, at: stat.mtimeMs });
  }
  aged.sort((a, b) => a.at - b.at);
  let removed = 0;
  for (const { name } of aged.slice(0, Math.max(0, aged.length - keep))) {
    await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
    removed++;
  }
  cacheCounts.set(dir, aged.length - removed);
  return removed;
}

async function cached(file: string): Promise<Buffer | null> {
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile()) return null;
    const bytes = await fs.readFile(file);
    const now = new Date();
    // Touched so pruning keeps the previews in use.
    await fs.utimes(file, now, now).catch(() => undefined);
    return bytes;
  } catch {
    return null;
  }
}

async function makeThumbnail(bytes: Buffer, name: string, dir: string, file: string, limit: number): Promise<Thumbnail> {
  const webp = await render(bytes, name);
  try {
    await fs.mkdir(dir, { recursive: true });
    const existed = await fs.lstat(file).then(() => true, () => false);
    await atomicWrite(file, webp);
    if (!existed) {
      const count = (await countOf(dir)) + 1;
      cacheCounts.set(dir, count);
      if (count > limit) await pruneThumbnails(dir, limit);
    }
  } catch (error) {
    // A full or read-only app-data folder costs the cache, not the preview.
    console.error('pressroom: could not cache a thumbnail', error);
  }
  return { mime: 'image/webp', base64: webp.toString('base64') };
}

/**
 * The preview of the image at `realPath` (a real path the caller has confined to the site): WebP, at most 320 px
 * wide, never enlarged. Refuses with 'too-large' a file over 50 MB or over 100 megapixels and with
 * 'not-supported' anything sharp cannot read as an image.
 */
export async function thumbnailOf(realPath: string, appDataDir: string, options: ThumbnailOptions = {}): Promise<Thumbnail> {
  const name = path.basename(realPath);
  const dir = path.join(appDataDir, THUMBNAIL_FOLDER);
  const { handle, key } = await openImage(realPath);
  let bytes: Buffer;
  const file = path.join(dir, `${key}.webp`);
  try {
    const hit = await cached(file);
    if (hit) return { mime: 'image/webp', base64: hit.toString('base64') };
    const pending = inFlight.get(file);
    if (pending) return await pending;
    bytes = await handle.readFile();
    if (bytes.length > MAX_FIGURE_BYTES) throw failure('too-large', name, `${name} is larger than 50 MB, so it has no preview.`);
  } finally {
    await handle.close();
  }
  let pending = inFlight.get(file);
  if (!pending) {
    pending = makeThumbnail(bytes, name, dir, file, options.cacheLimit ?? THUMBNAIL_CACHE_LIMIT).finally(() => inFlight.delete(file));
    inFlight.set(file, pending);
  }
  return pending;
}

/** Sizes already read, by real path, with the file's size and time then (an edited image is read again); bounded. */
const knownSizes = new Map<string, { bytes: number; mtimeMs: number; size: { width: number; height: number } | null }>();
const MAX_KNOWN_SIZES = 50_000;

/** Bytes read from the start of an image to learn its size: the header of a JPEG, PNG, GIF or WebP, and most SVGs. */
export const IMAGE_HEADER_BYTES = 64 * 1024;

/**
 * An image's width and height from its first 64 KB (no pixel decoded), or null when the header is not there
 * (a huge EXIF block, a long SVG) or cannot be read: the browser then shows no size rather than wait for one.
 */
export async function imageSizeOf(realPath: string): Promise<{ width: number; height: number } | null> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(realPath, OPEN_FLAGS);
    const stat = await handle.stat();
    if (!stat.isFile()) return null;
    const known = knownSizes.get(realPath);
    if (known && known.bytes === stat.size && known.mtimeMs === stat.mtimeMs) return known.size;
    const head = Buffer.alloc(IMAGE_HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, IMAGE_HEADER_BYTES, 0);
    const meta = await sharp(head.subarray(0, bytesRead), { limitInputPixels: false }).metadata();
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.pageHeight ?? meta.autoOrient?.height ?? meta.height;
    const size = width && height ? { width, height } : null;
    if (knownSizes.size >= MAX_KNOWN_SIZES) knownSizes.clear();
    knownSizes.set(realPath, { bytes: stat.size, mtimeMs: stat.mtimeMs, size });
    return size;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}
