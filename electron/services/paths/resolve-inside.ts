/**
 * Every path a call names is relative to an open site and must stay inside it, however it is spelled and
 * wherever its symlinks lead. This module is the one gate for that.
 */
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';

/** Symlink hops we follow by hand for a dangling link before giving up (the kernel's own limit is 40). */
const MAX_LINK_HOPS = 40;

function outside(rel: string, why: string): AppFailure {
  return new AppFailure('outside-site', `The path ${JSON.stringify(rel.slice(0, 200))} is not inside the site: ${why}.`, {
    path: rel,
  });
}

/** A segment that means "this folder" or "the parent", also when its dots are percent-encoded. */
function dotMeaning(segment: string): '.' | '..' | null {
  const decoded = segment.replace(/%2e/gi, '.');
  if (decoded === '.') return '.';
  if (decoded === '..') return '..';
  return null;
}

/**
 * Checks a site-relative path's spelling and returns it normalized (forward slashes, no `.`/`..`, no empty
 * segments; '' for the site root), so callers that need the lexical path agree with resolveInside.
 */
export function normalizeRel(rel: string): string {
  if (typeof rel !== 'string' || rel.length === 0) throw outside(String(rel ?? ''), 'the path is empty');
  if (rel.includes('\u0000')) throw outside(rel, 'it contains a NUL character');
  if (rel.includes('\\')) throw outside(rel, 'it contains a backslash; use forward slashes');
  if (/%2f|%5c/i.test(rel)) throw outside(rel, 'it contains a percent-encoded path separator');
  if (rel.startsWith('/')) throw outside(rel, 'it is an absolute path');
  if (/^[A-Za-z]:/.test(rel)) throw outside(rel, 'it names a drive');
  const kept: string[] = [];
  for (const segment of rel.split('/')) {
    if (segment === '') continue;
    const meaning = dotMeaning(segment);
    if (meaning === '.') continue;
    if (meaning === '..') {
      if (kept.length === 0) throw outside(rel, 'it climbs out of the site folder');
      kept.pop();
      continue;
    }
    kept.push(segment);
  }
  return kept.join('/');
}

/**
 * True when `candidate` is `root` or lies below it. Pure and case-sensitive; separator-aware so that
 * `/site2` is not inside `/site`. Both must be absolute; `..` in them is normalized first.
 */
export function isInside(root: string, candidate: string): boolean {
  if (!path.isAbsolute(root) || !path.isAbsolute(candidate)) return false;
  const r = path.resolve(root);
  const c = path.resolve(candidate);
  if (c === r) return true;
  const prefix = r.endsWith(path.sep) ? r : r + path.sep;
  return c.startsWith(prefix);
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/**
 * The real path of `p` where the tail may not exist yet: the nearest existing ancestor is realpath'd and the
 * rest appended. A dangling symlink on the way is followed to where it points, so a new file cannot be
 * created through a link that leads out of the site.
 */
async function realpathAllowMissing(p: string, hops = 0): Promise<string> {
  if (hops > MAX_LINK_HOPS) throw Object.assign(new Error(`Too many symbolic links at ${p}`), { code: 'ELOOP' });
  try {
    return await fs.realpath(p);
  } catch (error) {
    const code = errno(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  let stat: Stats | null = null;
  try {
    stat = await fs.lstat(p);
  } catch (error) {
    const code = errno(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  if (stat?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(p), await fs.readlink(p));
    return realpathAllowMissing(target, hops + 1);
  }
  const parent = path.dirname(p);
  if (parent === p) return p;
  return path.join(await realpathAllowMissing(parent, hops), path.basename(p));
}

/**
 * Resolves a site-relative path to the real path of its target and refuses anything outside the site
 * (absolute paths, climbing `..`, backslashes, percent-encoded separators or dots, NUL, symlinks leading out).
 * With `allowMissing` the target may not exist yet (for new files); otherwise a missing target is 'not-found'.
 */
export async function resolveInside(root: string, rel: string, opts: { allowMissing?: boolean } = {}): Promise<string> {
  const normalized = normalizeRel(rel);
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch {
    throw new AppFailure('not-found', `The site folder ${root} no longer exists.`, { path: root });
  }
  const lexical = normalized === '' ? realRoot : path.join(realRoot, ...normalized.split('/'));
  let real: string;
  try {
    real = opts.allowMissing ? await realpathAllowMissing(lexical) : await fs.realpath(lexical);
  } catch (error) {
    const code = errno(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AppFailure('not-found', `${rel} does not exist in the site.`, { path: rel });
    }
    if (code === 'ELOOP') throw new AppFailure('not-readable', `${rel} is a loop of symbolic links.`, { path: rel });
    if (code === 'EACCES' || code === 'EPERM') {
      throw new AppFailure('not-readable', `${rel} cannot be reached: permission denied.`, { path: rel });
    }
    throw new AppFailure('io', `Could not resolve ${rel}: ${(error as Error).message}`, { path: rel });
  }
  if (!isInside(realRoot, real)) throw outside(rel, 'it is a symbolic link that leads out of the site');
  return real;
}
