/** Copies the bundled sample site to a folder of the user's, so they can try Pressroom without a site of their own. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppFailure, messageOf } from '../../../shared/contract/errors';

/** The folder name of a fresh copy; later copies get " 2", " 3", … so nothing is ever overwritten. */
export const SAMPLE_FOLDER_NAME = 'Pressroom sample site';

const MAX_ATTEMPTS = 1000;

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Claims a new, empty folder under `parent` by creating it; mkdir (not recursive) fails if the name is taken, so a race cannot overwrite. */
async function claimFolder(parent: string): Promise<string> {
  for (let i = 1; i <= MAX_ATTEMPTS; i++) {
    const candidate = path.join(parent, i === 1 ? SAMPLE_FOLDER_NAME : `${SAMPLE_FOLDER_NAME} ${i}`);
    try {
      await fs.mkdir(candidate);
      return candidate;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'EEXIST') continue;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new AppFailure('refused', 'Pressroom may not create a folder there.', { path: parent });
      }
      throw new AppFailure('io', `Could not create the folder: ${messageOf(error)}`, { path: parent });
    }
  }
  throw new AppFailure('exists', 'There are too many sample site copies in this folder already.', { path: parent });
}

/** Makes every copied file and folder writable by its owner: a read-only installation must not yield a read-only copy. */
async function makeOwnerWritable(dir: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    const st = await fs.lstat(full);
    if ((st.mode & 0o200) === 0) await fs.chmod(full, (st.mode & 0o7777) | 0o200);
    if (entry.isDirectory()) await makeOwnerWritable(full);
  }
}

/** Copies `sampleDir` into a new folder under `destinationParent` (symlinks stay symlinks) and returns the new folder. */
export async function createSampleSite(sampleDir: string, destinationParent: string): Promise<string> {
  try {
    if (!(await fs.stat(sampleDir)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AppFailure('not-found', 'The sample site is missing from this installation.', { path: sampleDir });
  }
  let parent = path.resolve(destinationParent);
  let parentStat;
  try {
    parentStat = await fs.stat(parent);
    parent = await fs.realpath(parent);
  } catch {
    throw new AppFailure('not-found', 'The destination folder does not exist.', { path: parent });
  }
  if (!parentStat.isDirectory()) throw new AppFailure('not-found', 'The destination is not a folder.', { path: parent });
  const source = await fs.realpath(sampleDir);
  if (parent === source || parent.startsWith(source + path.sep)) {
    throw new AppFailure('refused', 'The copy cannot go inside the sample site itself.', { path: parent });
  }

  const target = await claimFolder(parent);
  try {
    await fs.cp(source, target, { recursive: true, verbatimSymlinks: true, errorOnExist: true, force: false, preserveTimestamps: true });
    await makeOwnerWritable(target);
  } catch (error) {
    // Only the folder this call created is removed; nothing that was there before is touched.
    await fs.rm(target, { recursive: true, force: true }).catch(() => undefined);
    throw new AppFailure('io', `Could not copy the sample site: ${messageOf(error)}`, { path: target });
  }
  return target;
}
