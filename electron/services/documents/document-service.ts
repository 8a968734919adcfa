/**
 * Reading and saving posts so that a save changes only what the user changed: the byte-order mark, line
 * endings and final newline survive, a file changed on disk since it was opened is never overwritten (also
 * by a save racing another), symlinked posts are written through to the file they point to, and nothing in
 * `.git/`, no binary or non-UTF-8 file, no read-only or hard-linked file is ever rewritten.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure, messageOf } from '../../../shared/contract/errors';
import type { DocumentSnapshot, LineEnding, SaveResult } from '../../../shared/contract/models';
import { normalizeRel, readSiteFile, resolveInside } from '../paths';
import { atomicWrite, fsyncDir, writeTempFile, type WriteFs } from './atomic-write';
import { withFileLock } from './file-lock';
import { refuseGitPath, refuseUnsafeTarget } from './save-guards';
import { looksBinary } from './text-bytes';
import { writeFailure } from './write-failure';

/** Larger files are not posts; reading them would only make the editor slow. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** How far we look for NUL bytes to tell a binary file from text (as git does). */
const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** The version of a file's content: a save names it to prove it is based on what is on disk now. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** Which line endings a text uses, so a save can keep them. Lone CRs (old Mac endings) count as 'mixed'. */
export function detectEol(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf + lf + cr === 0) return 'none';
  if (cr > 0 || (crlf > 0 && lf > 0)) return 'mixed';
  return crlf > 0 ? 'crlf' : 'lf';
}

/** Decodes a post's bytes, refusing binary files and invalid UTF-8 with a message people understand. */
function decodeText(bytes: Uint8Array, rel: string): string {
  if (looksBinary(bytes)) {
    throw new AppFailure('not-text', `${rel} looks like a binary file (it contains NUL bytes), so it cannot be edited as text.`, { path: rel });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom(bytes) ? bytes.subarray(3) : bytes);
  } catch {
    throw new AppFailure('not-text', `${rel} is not valid UTF-8 text; convert it to UTF-8 to edit it here.`, { path: rel });
  }
}

function tooLarge(rel: string, size: number): AppFailure {
  const mb = (size / 1024 / 1024).toFixed(1);
  return new AppFailure('too-large', `${rel} is ${mb} MB; files larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB cannot be edited.`, {
    path: rel,
  });
}

/** Reads a file that resolveInside has resolved, with the size limit and a clear failure for folders. */
async function readBytes(root: string, abs: string, rel: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(abs);
  } catch (error) {
    throw ioFailure(error, rel, 'read');
  }
  if (stat.isDirectory()) throw new AppFailure('not-readable', `${rel} is a folder, not a file.`, { path: rel });
  if (!stat.isFile()) throw new AppFailure('not-readable', `${rel} is not a regular file.`, { path: rel });
  if (stat.size > MAX_DOCUMENT_BYTES) throw tooLarge(rel, stat.size);
  // Read as every site file is: a FIFO or a link out swapped in after the checks above is refused, never followed.
  try {
    return await readSiteFile(root, rel, { maxBytes: MAX_DOCUMENT_BYTES });
  } catch (error) {
    if (error instanceof AppFailure && error.error.code === 'too-large') throw tooLarge(rel, MAX_DOCUMENT_BYTES + 1);
    throw ioFailure(error, rel, 'read');
  }
}

/** Turns a Node error while reading into a failure people can read, naming the site-relative path. */
function ioFailure(error: unknown, rel: string, verb: 'read'): AppFailure {
  if (error instanceof AppFailure) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new AppFailure('not-found', `${rel} does not exist in the site.`, { path: rel });
  if (code === 'EACCES' || code === 'EPERM') return new AppFailure('not-readable', `Could not ${verb} ${rel}: permission denied.`, { path: rel });
  return new AppFailure('io', `Could not ${verb} ${rel}: ${messageOf(error)}`, { path: rel });
}

/** Site-relative path (forward slashes) of the file a symlinked path points to, or null for a plain file. */
async function symlinkTargetOf(root: string, rel: string, real: string): Promise<string | null> {
  const realRoot = await fs.realpath(root);
  const normalized = normalizeRel(rel);
  const lexical = normalized === '' ? realRoot : path.join(realRoot, ...normalized.split('/'));
  if (lexical === real) return null;
  return path.relative(realRoot, real).split(path.sep).join('/');
}

/** Opens a post for editing: its text without BOM, how its lines end, and the version a save must name. */
export async function readDocument(root: string, rel: string): Promise<DocumentSnapshot> {
  // By name first, so a refused path says nothing about whether it exists.
  refuseGitPath(rel, root);
  const abs = await resolveInside(root, rel);
  refuseGitPath(rel, await resolveInside(root, '.'), abs);
  const bytes = await readBytes(root, abs, rel);
  const text = decodeText(bytes, rel);
  return {
    path: rel,
    text,
    version: hashBytes(bytes),
    bom: hasBom(bytes),
    eol: detectEol(text),
    finalNewline: text.endsWith('\n') || text.endsWith('\r'),
    symlinkTarget: await symlinkTargetOf(root, rel, abs),
  };
}

/** Turns the editor's text into the bytes to write, keeping the file's BOM and CRLF endings. */
function encodeLike(current: Uint8Array, text: string): Uint8Array {
  const bom = hasBom(current);
  let body = bom && text.startsWith('\uFEFF') ? text.slice(1) : text;
  const eol = detectEol(new TextDecoder('utf-8').decode(current));
  if (eol === 'crlf' && !body.includes('\r')) body = body.replace(/\n/g, '\r\n');
  const encoded = new TextEncoder().encode(body);
  if (!bom) return encoded;
  const out = new Uint8Array(BOM.length + encoded.length);
  out.set(BOM, 0);
  out.set(encoded, BOM.length);
  return out;
}

/** Test seams of a save; production passes none. */
export interface SaveIo {
  /** The file system the write goes through (a test's fails like a full disk or a locked file). */
  fs?: WriteFs;
  /** Runs after the version check, with the new content on disk, just before the check is repeated and the rename. */
  afterCheck?: () => Promise<void>;
}

function changedOnDisk(rel: string): AppFailure {
  return new AppFailure('conflict', `The file changed on disk since it was opened: ${rel}. Nothing was saved; reload it to see the changes.`, {
    path: rel,
    retryable: false,
  });
}

/** The version on disk now, read as every site file is; a file grown past the limit counts as changed. */
async function versionOnDisk(realRoot: string, abs: string, rel: string): Promise<Buffer> {
  try {
    return await readBytes(realRoot, abs, path.relative(realRoot, abs).split(path.sep).join('/'));
  } catch (error) {
    if (error instanceof AppFailure && (error.error.code === 'too-large' || error.error.code === 'not-found')) throw changedOnDisk(rel);
    throw error instanceof AppFailure ? new AppFailure(error.error.code, error.message, { ...error.error, path: rel }) : error;
  }
}

/**
 * Saves the editor's text over the file it was read from, unless the file changed on disk since
 * (`conflict`, nothing written). Unchanged bytes are not written at all. Symlinks are written through.
 * The check and the rename run under the file's lock and the version is checked again just before the
 * rename, so of concurrent saves on one version exactly one wins and a change on disk is never overwritten.
 */
export async function saveDocument(root: string, rel: string, text: string, baseVersion: string, io: SaveIo = {}): Promise<SaveResult> {
  refuseGitPath(rel, root);
  let abs: string;
  try {
    abs = await resolveInside(root, rel);
  } catch (error) {
    if (error instanceof AppFailure && error.error.code === 'not-found') {
      throw new AppFailure('conflict', `The file was removed on disk since it was opened: ${rel}. Nothing was saved.`, { path: rel });
    }
    throw error;
  }
  const realRoot = await resolveInside(root, '.');
  refuseGitPath(rel, realRoot, abs);
  return withFileLock(abs, async () => {
    const current = await versionOnDisk(realRoot, abs, rel);
    if (hashBytes(current) !== baseVersion) throw changedOnDisk(rel);
    // The service itself never rewrites a binary or non-UTF-8 file, whatever a caller sends.
    decodeText(current, rel);
    const bytes = encodeLike(current, text);
    if (sameBytes(bytes, current)) return { version: baseVersion };
    if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge(rel, bytes.length);
    refuseUnsafeTarget(
      rel,
      await fs.stat(abs).catch((error: unknown) => {
        throw ioFailure(error, rel, 'read');
      }),
    );
    await atomicWriteFor(abs, bytes, rel, {
      fs: io.fs,
      beforeRename: async () => {
        await io.afterCheck?.();
        if (hashBytes(await versionOnDisk(realRoot, abs, rel)) !== baseVersion) throw changedOnDisk(rel);
      },
    });
    return { version: hashBytes(bytes) };
  });
}

async function atomicWriteFor(abs: string, bytes: Uint8Array, rel: string, opts: Parameters<typeof atomicWrite>[2]): Promise<void> {
  try {
    await atomicWrite(abs, bytes, opts);
  } catch (error) {
    if (error instanceof AppFailure) throw new AppFailure(error.error.code, error.message, { ...error.error, path: rel });
    throw error;
  }
}

/**
 * Creates a new file and never overwrites one: the content is written to a temporary file first and then
 * hard-linked to its name, which fails atomically if the name is taken. Missing folders are created.
 */
export async function createDocument(root: string, rel: string, text: string): Promise<SaveResult> {
  const exists = () => new AppFailure('exists', `${rel} already exists; choose another name.`, { path: rel });
  const realRoot = await resolveInside(root, '.');
  const normalized = normalizeRel(rel);
  if (normalized === '') throw exists();
  refuseGitPath(rel, realRoot);
  const lexical = path.join(realRoot, ...normalized.split('/'));
  // Anything already at the name, even a dangling symlink, counts as taken.
  const taken = await fs.lstat(lexical).then(
    () => true,
    () => false,
  );
  if (taken) throw exists();
  const abs = await resolveInside(root, rel, { allowMissing: true });
  refuseGitPath(rel, realRoot, abs);
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge(rel, bytes.length);
  const dir = path.dirname(abs);
  let tempPath: string | undefined;
  try {
    await fs.mkdir(dir, { recursive: true });
    tempPath = await writeTempFile(dir, abs, bytes, 0o644);
    try {
      await fs.link(tempPath, abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw exists();
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      // The filesystem has no hard links (e.g. FAT): exclusive create still never overwrites.
      await fs.writeFile(abs, bytes, { flag: 'wx', mode: 0o644 }).catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'EEXIST' ? exists() : e;
      });
    }
    await fsyncDir(dir);
  } catch (error) {
    throw writeFailure(error, rel);
  } finally {
    if (tempPath) await fs.rm(tempPath, { force: true }).catch(() => undefined);
  }
  return { version: hashBytes(bytes) };
}
