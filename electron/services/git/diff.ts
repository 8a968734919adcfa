/**
 * One file as committed (HEAD) and as it is on disk now, for the diff view: text, an image to show side by side,
 * or just a size for binary and very large files. The working copy is only read inside the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GitDiff, GitFileVersion } from '../../../shared/contract/git-models';
import { git, gitFs, type Repo, withRepoLock } from './git-engine';
import { readHeadOid } from './repo-state';
import { checkRepoPath } from './stage';

/** Largest text the diff view shows. */
export const MAX_DIFF_TEXT = 2 * 1024 * 1024;
/** Largest image the diff view shows. */
export const MAX_DIFF_IMAGE = 10 * 1024 * 1024;

/** Image types shown as pictures; SVG is text (its source diff is what matters). */
const IMAGE_MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** One version's bytes as the diff view shows them. */
export function describeVersion(filepath: string, bytes: Uint8Array): GitFileVersion {
  const size = bytes.byteLength;
  const mime = IMAGE_MIME[path.extname(filepath).toLowerCase()];
  if (mime) return size > MAX_DIFF_IMAGE ? { kind: 'too-large', size } : { kind: 'image', mime, base64: Buffer.from(bytes).toString('base64'), size };
  if (bytes.includes(0)) return { kind: 'binary', size };
  if (size > MAX_DIFF_TEXT) return { kind: 'too-large', size };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'binary', size };
  }
}

/** The HEAD version of a file, or null when HEAD has no such file (or there are no commits). */
async function headVersion(repo: Repo, filepath: string): Promise<GitFileVersion | null> {
  const head = await readHeadOid(repo);
  if (!head) return null;
  try {
    const { blob } = await git.readBlob({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, oid: head, filepath, cache: repo.cache });
    return describeVersion(filepath, blob);
  } catch {
    return null;
  }
}

/** Whether `child` is `parent` or inside it. */
const isInside = (parent: string, child: string): boolean => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/** The working copy, read only when its real path stays inside the repository (a link out of it shows as binary, size 0). */
async function workdirVersion(repo: Repo, filepath: string): Promise<GitFileVersion | null> {
  const abs = path.join(repo.dir, ...filepath.split('/'));
  const st = await fs.promises.lstat(abs).catch(() => null);
  if (!st) return null;
  const real = await fs.promises.realpath(abs).catch(() => null);
  if (real === null || !isInside(repo.dir, real) || isInside(repo.gitdir, real)) return { kind: 'binary', size: 0 };
  const target = await fs.promises.stat(real);
  if (!target.isFile()) return { kind: 'binary', size: 0 };
  const limit = IMAGE_MIME[path.extname(filepath).toLowerCase()] ? MAX_DIFF_IMAGE : MAX_DIFF_TEXT;
  if (target.size > limit) return { kind: 'too-large', size: target.size };
  return describeVersion(filepath, await fs.promises.readFile(real));
}

/** A file's diff: HEAD's version (of `oldPath` for a rename) and the working copy; null on the side where it does not exist. */
export async function readDiff(repo: Repo, filepath: string, oldPath: string | null = null): Promise<GitDiff> {
  const file = checkRepoPath(repo, filepath);
  const old = oldPath === null ? null : checkRepoPath(repo, oldPath);
  return withRepoLock(repo, async () => ({
    path: file,
    oldPath: old,
    before: await headVersion(repo, old ?? file),
    after: await workdirVersion(repo, file),
  }));
}
