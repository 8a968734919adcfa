/**
 * The one way user content is written: a temporary file beside the target, flushed to disk, then renamed
 * over it, so a crash, a full disk or a killed process leaves either the old file or the new one, never half.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { AppFailure, messageOf } from '../../../shared/contract/errors';

/** Default mode of a file that did not exist before. */
const NEW_FILE_MODE = 0o644;
/** Keeps the temporary name under the usual 255-byte name limit whatever the target's name. */
const MAX_BASE_IN_TEMP = 100;
/** Our temporary files: `.<basename>.pressroom-<pid>-<random>.tmp`. */
const TEMP_PATTERN = /^\..*\.pressroom-(\d+)-[0-9a-f]+\.tmp$/;

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** The name of a temporary file for `target`, recognizable by sweepStaleTempFiles. */
function tempNameFor(target: string): string {
  const base = path.basename(target).slice(0, MAX_BASE_IN_TEMP);
  return `.${base}.pressroom-${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/** Follows symlinks to the final target, also when the last link dangles (the target is then created). */
async function finalTarget(filePath: string): Promise<string> {
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
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
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
export async function writeTempFile(dir: string, target: string, data: Uint8Array | string, mode: number, owner?: Stats): Promise<string> {
  const tempPath = path.join(dir, tempNameFor(target));
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
 * A writer killed with SIGKILL cannot remove its temporary file; this removes ours whose process is gone.
 * Returns how many were removed. Cheap (one readdir) so every write can call it.
 */
export async function sweepStaleTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isAlive(pid)) continue;
    try {
      const stat = await fs.lstat(path.join(dir, name));
      if (!stat.isFile()) continue;
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
 * Failures are AppFailure('io') naming the path; no temporary file is left behind.
 */
export async function atomicWrite(filePath: string, data: Uint8Array | string, opts: { mode?: number } = {}): Promise<void> {
  let tempPath: string | undefined;
  try {
    const target = await finalTarget(filePath);
    const dir = path.dirname(target);
    await sweepStaleTempFiles(dir);
    let existing: Stats | undefined;
    try {
      existing = await fs.stat(target);
    } catch (error) {
      if (errno(error) !== 'ENOENT') throw error;
    }
    const mode = existing ? existing.mode & 0o7777 : (opts.mode ?? NEW_FILE_MODE);
    tempPath = await writeTempFile(dir, target, data, mode, existing);
    await fs.rename(tempPath, target);
    tempPath = undefined;
    await fsyncDir(dir);
  } catch (error) {
    if (tempPath) await fs.rm(tempPath, { force: true }).catch(() => undefined);
    if (error instanceof AppFailure) throw error;
    const reason = messageOf(error);
    throw new AppFailure('io', `Could not save ${filePath}: ${reason}`, { path: filePath });
  }
}
