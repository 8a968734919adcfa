/**
 * The one way user content is written: a temporary file beside the target, flushed to disk, then renamed
 * over it, so a crash, a full disk or a killed process leaves either the old file or the new one, never half.
 */
import { promises as nodeFs, type Stats } from 'node:fs';
import path from 'node:path';
import { ownTempWriter, tempNameFor } from './temp-name';
import { errno, writeFailure } from './write-failure';

/**
 * The file-system functions a write uses. Production uses Node's; tests pass one that fails like a full
 * disk or a locked file, to prove what such a fault leaves behind.
 */
export type WriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'stat' | 'lstat' | 'realpath' | 'readlink' | 'readdir' | 'unlink' | 'rm'>;

/** How a write may be steered: the mode of a new file, the file system, and a last check before the rename. */
export interface AtomicWriteOptions {
  /** Mode of a file that did not exist before (0644 when not given); an existing file keeps its own. */
  mode?: number;
  fs?: WriteFs;
  /** Runs after the new content is safely on disk and just before the rename; throwing cancels the write. */
  beforeRename?: () => Promise<void>;
}

/** Default mode of a file that did not exist before. */
const NEW_FILE_MODE = 0o644;

/** Follows symlinks to the final target, also when the last link dangles (the target is then created). */
async function finalTarget(fs: WriteFs, filePath: string): Promise<string> {
  let current = path.resolve(filePath);
  for (let hops = 0; hops <= 40; hops++) {
    try {
      return await fs.realpath(current);
    } catch (error) {
      if (errno(error) !== 'ENOENT') throw error;
    }
    let stat: Stats;
    try {
      stat = await fs.lstat(current);
    } catch (error) {
      if (errno(error) !== 'ENOENT') throw error;
      return current;
    }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw Object.assign(new Error(`Too many symbolic links at ${filePath}`), { code: 'ELOOP' });
}

/** Flushes a folder's entries (the rename) to disk; platforms that cannot open a folder for that are skipped. */
export async function fsyncDir(dir: string, fs: Pick<WriteFs, 'open'> = nodeFs): Promise<void> {
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = errno(error);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes `data` to a new temporary file in `dir` named after `target`, with `mode`, flushed to disk.
 * Returns its path; the caller renames or links it into place and removes it on failure.
 */
export async function writeTempFile(
  dir: string,
  target: string,
  data: Uint8Array | string,
  mode: number,
  owner?: Stats,
  fs: Pick<WriteFs, 'open' | 'rm'> = nodeFs,
): Promise<string> {
  const tempPath = path.join(dir, await tempNameFor(dir, target));
  const handle = await fs.open(tempPath, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.chmod(mode);
    if (owner) await handle.chown(owner.uid, owner.gid).catch(() => undefined);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return tempPath;
}

/** True when a process with this id exists (EPERM means it exists but belongs to someone else). */
function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno(error) !== 'ESRCH';
  }
}

/**
 * A writer killed with SIGKILL cannot remove its temporary file; this removes those it can prove are this
 * install's (see temp-name.ts) whose process is gone. A look-alike made by anyone else is kept. Returns how
 * many were removed. Cheap (one readdir) so every write can call it.
 */
export async function sweepStaleTempFiles(dir: string, fs: WriteFs = nodeFs): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.tmp')) continue;
    const pid = await ownTempWriter(dir, name);
    if (pid === null || pid === process.pid || isAlive(pid)) continue;
    try {
      const stat = await fs.lstat(path.join(dir, name));
      if (!stat.isFile()) continue;
      // A file another user owns was not made by us, whatever its name says.
      if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) continue;
      await fs.unlink(path.join(dir, name));
      removed++;
    } catch {
      // gone already or not ours to remove: nothing to do
    }
  }
  return removed;
}

/**
 * Replaces the file's content atomically and durably. A symlink is written through to its final target
 * (the link stays a link); the existing file's mode is kept (`opts.mode` or 0644 for a new file).
 * Failures are AppFailures naming the path, with a code that says what went wrong ('disk-full', 'busy',
 * 'not-writable', 'io') and whether retrying may help; the file is untouched and no temporary file is left.
 */
export async function atomicWrite(filePath: string, data: Uint8Array | string, opts: AtomicWriteOptions = {}): Promise<void> {
  const fs = opts.fs ?? nodeFs;
  let tempPath: string | undefined;
  try {
    const target = await finalTarget(fs, filePath);
    const dir = path.dirname(target);
    await sweepStaleTempFiles(dir, fs);
    let existing: Stats | undefined;
    try {
      existing = await fs.stat(target);
    } catch (error) {
      if (errno(error) !== 'ENOENT') throw error;
    }
    const mode = existing ? existing.mode & 0o7777 : (opts.mode ?? NEW_FILE_MODE);
    tempPath = await writeTempFile(dir, target, data, mode, existing, fs);
    await opts.beforeRename?.();
    await fs.rename(tempPath, target);
    tempPath = undefined;
    // The new content is in place: a folder that cannot be flushed must not report the save as failed (a retry
    // would then meet its own version as a conflict). Only the rename's durability across a power cut is at stake.
    await fsyncDir(dir, fs).catch(() => undefined);
  } catch (error) {
    if (tempPath) await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw writeFailure(error, filePath);
  }
}
