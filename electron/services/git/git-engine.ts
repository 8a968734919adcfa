/**
 * The one git engine: isomorphic-git over Node's fs, so the app carries its git (no `git` needs to be
 * installed). Every git operation file takes a `Repo` from `openRepo` and runs inside `withRepoLock`.
 */
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { AppFailure } from '../../../shared/contract/errors';

export { git };

/** The fs client isomorphic-git reads and writes through (Node's, promise API picked up by the library). */
export const gitFs = fs;

/** An opened repository: its real root, its git folder, where the site sits in it, and the engine's object cache. */
export interface Repo {
  /** Real path of the working tree's root. */
  dir: string;
  /** The `.git` folder. */
  gitdir: string;
  /** Real path of the site's folder (the same as `dir`, or inside it). */
  siteRoot: string;
  /** The site's folder relative to `dir`: '' or ending in '/'. */
  sitePrefix: string;
  /** isomorphic-git's cache of parsed packfiles and index, kept per repository across calls. */
  cache: object;
}

const caches = new Map<string, object>();

/** Finds the repository a site lives in (its folder or one above); `not-a-repo` when there is none. */
export async function openRepo(siteRoot: string): Promise<Repo> {
  const realSite = await fs.promises.realpath(siteRoot);
  let dir: string;
  try {
    dir = await git.findRoot({ fs, filepath: realSite });
  } catch {
    throw new AppFailure('not-a-repo', `${realSite} is not inside a git repository.`, { path: realSite });
  }
  const gitdir = path.join(dir, '.git');
  const stat = await fs.promises.stat(gitdir).catch(() => null);
  if (!stat?.isDirectory()) {
    // A `.git` file (worktree or submodule) points elsewhere; isomorphic-git does not follow it.
    throw new AppFailure('not-supported', `${dir} is a git worktree or submodule, which Pressroom cannot use yet.`, { path: dir });
  }
  const rel = path.relative(dir, realSite).split(path.sep).join('/');
  let cache = caches.get(dir);
  if (!cache) {
    cache = {};
    caches.set(dir, cache);
  }
  return { dir, gitdir, siteRoot: realSite, sitePrefix: rel ? `${rel}/` : '', cache };
}

/** The arguments every isomorphic-git call of a repository takes (its folders, fs and the engine cache). */
export function engine(repo: Repo): { fs: typeof gitFs; dir: string; gitdir: string; cache: object } {
  return { fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache };
}

/** Drops the engine's cache of a repository (after another tool rewrote its packs, or when a site closes). */
export function forgetRepoCache(dir: string): void {
  caches.delete(dir);
}

const queues = new Map<string, Promise<unknown>>();

/** Runs git operations of one repository one after another, so two never write its index or refs at once. */
export function withRepoLock<T>(repo: Pick<Repo, 'dir'>, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(repo.dir) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(repo.dir, settled);
  void settled.then(() => {
    if (queues.get(repo.dir) === settled) queues.delete(repo.dir);
  });
  return next;
}

/** The site-relative path of a watcher event as a path in the repository. */
export function repoPath(repo: Pick<Repo, 'sitePrefix'>, sitePath: string): string {
  return repo.sitePrefix + sitePath;
}
