/**
 * The one way site files (config, `_data`, `.pressroom.yml`, images, …) are read: confined to the site by real
 * path as every other path is, regular files only (a FIFO or device named like a config never blocks the app),
 * bounded in size, and opened so that a link or FIFO swapped in after the check is refused rather than followed.
 */
import { constants, promises as fs, type Stats } from 'node:fs';
import { AppFailure } from '../../../shared/contract/errors';
import { isInside, resolveInside } from './resolve-inside';

/** How a site file may be read. */
export interface SiteFileOptions {
  /** Larger files are refused with `too-large`; the limit also bounds what is read if the file grows meanwhile. */
  maxBytes: number;
}

/** `O_NOFOLLOW` refuses a symlink swapped in at the last step; `O_NONBLOCK` keeps a swapped-in FIFO from blocking. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** What kind of thing a non-file is, for a message people understand. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function notAFile(rel: string, stat: Stats): AppFailure {
  return new AppFailure('not-readable', `${rel} is ${kindOf(stat)}, not a regular file, so it is not read.`, { path: rel });
}

function tooLarge(rel: string, maxBytes: number): AppFailure {
  const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new AppFailure('too-large', `${rel} is larger than ${limit}, so it is not read.`, { path: rel });
}

function readFailure(rel: string, error: unknown): AppFailure {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppFailure('not-found', `${rel} does not exist in the site.`, { path: rel });
  if (code === 'ELOOP') return new AppFailure('outside-site', `${rel} changed into a symbolic link while it was read, so it is not read.`, { path: rel });
  if (code === 'EACCES' || code === 'EPERM') return new AppFailure('not-readable', `${rel} cannot be read: permission denied.`, { path: rel });
  return new AppFailure('not-readable', `${rel} could not be read (${code ?? 'error'}).`, { path: rel });
}

/** Where an open file really is, from the kernel (Linux); null where the platform cannot say. */
async function openedPath(fd: number): Promise<string | null> {
  try {
    return await fs.readlink(`/proc/self/fd/${fd}`);
  } catch {
    return null;
  }
}

/**
 * Reads the site file at site-relative `rel` and returns its bytes. Refuses with `outside-site` a path or link
 * that leads out of the site, `not-found` a missing file, `not-readable` anything but a regular file (checked
 * before opening, so a FIFO never blocks) and `too-large` a file over `maxBytes`.
 */
export async function readSiteFile(root: string, rel: string, opts: SiteFileOptions): Promise<Buffer> {
  const real = await resolveInside(root, rel);
  const realRoot = await fs.realpath(root);
  let before: Stats;
  try {
    before = await fs.lstat(real);
  } catch (error) {
    throw readFailure(rel, error);
  }
  if (!before.isFile()) throw notAFile(rel, before);
  if (before.size > opts.maxBytes) throw tooLarge(rel, opts.maxBytes);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(real, OPEN_FLAGS);
  } catch (error) {
    throw readFailure(rel, error);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw notAFile(rel, stat);
    // The file opened must be the one checked: not another swapped in, not one reached through a folder swapped for a link.
    const where = await openedPath(handle.fd);
    if (stat.dev !== before.dev || stat.ino !== before.ino || (where !== null && !isInside(realRoot, where))) {
      throw new AppFailure('outside-site', `${rel} changed while it was read (it may now lead out of the site), so it is not read.`, { path: rel });
    }
    if (stat.size > opts.maxBytes) throw tooLarge(rel, opts.maxBytes);
    // One byte more than the size, so a file that grew meanwhile is noticed; it is read on up to the limit.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, opts.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > opts.maxBytes) throw tooLarge(rel, opts.maxBytes);
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, opts.maxBytes + 1 - length))]);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw readFailure(rel, error);
  } finally {
    await handle.close();
  }
}

/** Decodes a site file's bytes as UTF-8 without the byte-order mark; `strict` refuses invalid UTF-8 (`not-text`). */
export function siteFileText(bytes: Uint8Array, rel: string, strict = false): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: strict }).decode(bytes);
  } catch {
    throw new AppFailure('not-text', `${rel} is not UTF-8 text.`, { path: rel });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a site text file (confined, regular, bounded as readSiteFile) as UTF-8 without the byte-order mark. */
export async function readSiteText(root: string, rel: string, opts: SiteFileOptions & { strict?: boolean }): Promise<string> {
  return siteFileText(await readSiteFile(root, rel, opts), rel, opts.strict);
}

/**
 * The real path of a site folder to list, confined like every site path: `null` when it does not exist or is not
 * a folder, `outside-site` when it (or a link on the way) leads out of the site.
 */
export async function resolveSiteFolder(root: string, rel: string): Promise<string | null> {
  let real: string;
  try {
    real = await resolveInside(root, rel);
  } catch (error) {
    if (error instanceof AppFailure && error.error.code === 'not-found') return null;
    throw error;
  }
  const stat = await fs.stat(real).catch(() => null);
  return stat?.isDirectory() ? real : null;
}
