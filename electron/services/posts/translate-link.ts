/**
 * Turns a symlinked translation ("same text as English") into a file of its own to translate: a copy of the text the
 * link shows is written beside the link and renamed over it, so the link is replaced in one step and the original
 * it pointed to stays untouched.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import { hashBytes, writeFailure, writeTempFile } from '../documents';
import { normalizeRel, readSiteFile, resolveInside } from '../paths';

/** The same limit as opening a post: a bigger file is no post. */
const MAX_COPY_BYTES = 20 * 1024 * 1024;
/** Mode of the copy (the link itself has none worth keeping). */
const COPY_MODE = 0o644;

/** Replaces the symlink at `rel` with a copy of the file it leads to (inside the site); returns the copy's version as `document.read` gives it. */
export async function translateLink(root: string, rel: string): Promise<{ path: string; version: string }> {
  const normalized = normalizeRel(rel);
  const slash = normalized.lastIndexOf('/');
  const realDir = await resolveInside(root, slash < 0 ? '.' : normalized.slice(0, slash));
  const linkAbs = path.join(realDir, normalized.slice(slash + 1));
  const stat = await fs.lstat(linkAbs).catch(() => null);
  if (!stat) throw new AppFailure('not-found', `${normalized} does not exist in the site.`, { path: normalized });
  const lexicalDir = path.join(await resolveInside(root, '.'), ...normalized.split('/').slice(0, -1));
  if (!stat.isSymbolicLink() && lexicalDir !== realDir) {
    throw new AppFailure('refused', `${normalized} is in a folder that is itself a link to another folder; replace that folder link to translate its posts.`, { path: normalized });
  }
  if (!stat.isSymbolicLink()) throw new AppFailure('refused', `${normalized} already has its own text (it is not linked to another language's file), so there is nothing to replace.`, { path: normalized });
  // Confined by real path: a link leading out of the site, or nowhere, is refused here.
  const bytes = await readSiteFile(root, normalized, { maxBytes: MAX_COPY_BYTES });
  let temp: string | undefined;
  try {
    temp = await writeTempFile(realDir, linkAbs, bytes, COPY_MODE);
    // The link must still be the one we read through; rename then replaces the link itself, never its target.
    if (!(await fs.lstat(linkAbs).catch(() => null))?.isSymbolicLink()) {
      throw new AppFailure('conflict', `${normalized} changed on disk meanwhile; nothing was replaced.`, { path: normalized });
    }
    await fs.rename(temp, linkAbs);
    temp = undefined;
  } catch (error) {
    throw writeFailure(error, normalized);
  } finally {
    if (temp) await fs.rm(temp, { force: true }).catch(() => undefined);
  }
  return { path: normalized, version: hashBytes(bytes) };
}
