/** Choosing what goes into the next commit: stage and unstage files, as `git add`/`git rm --cached` and `git restore --staged` do. */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import { engine, git, gitFs, type Repo, withRepoLock } from './git-engine';
import { readHeadOid } from './repo-state';

/** A repository-relative path checked to stay inside the repository (no `..`, not absolute, not `.git`). */
export function checkRepoPath(repo: Repo, p: string): string {
  const clean = p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  const parts = clean.split('/');
  if (clean === '' || clean.startsWith('/') || /^[A-Za-z]:/.test(clean) || parts.includes('..') || parts[0] === '.git' || clean.includes('\0')) {
    throw new AppFailure('outside-site', `${p} is not a file inside the repository ${repo.dir}.`, { path: p });
  }
  return parts.filter((s) => s !== '.').join('/');
}

/** Whether a working-copy entry exists (a dangling symlink exists too: git tracks the link). */
async function existsInWorkdir(repo: Repo, filepath: string): Promise<boolean> {
  return fs.promises.lstat(path.join(repo.dir, ...filepath.split('/'))).then(() => true, () => false);
}

/** The largest file put into a commit: GitHub refuses bigger ones, and the engine would hold it in memory whole. */
export const MAX_STAGE_BYTES = 100 * 1024 * 1024;

/** Refuses, before anything is staged, a file too big for git servers, saying what to do instead of failing on push. */
async function checkSize(repo: Repo, filepath: string): Promise<void> {
  const stat = await fs.promises.lstat(path.join(repo.dir, ...filepath.split('/'))).catch(() => null);
  if (!stat?.isFile() || stat.size <= MAX_STAGE_BYTES) return;
  const mb = Math.round(stat.size / (1024 * 1024));
  throw new AppFailure('too-large', `${filepath} is ${mb} MB. Git servers such as GitHub refuse files over 100 MB, so Pressroom does not put it into a commit. Make it smaller (a picture exported at web size) or keep it outside the site.`, { path: filepath });
}

/** Puts the working copies of `paths` into the index: added or changed files are added, deleted ones removed. */
export async function stagePaths(repo: Repo, paths: string[]): Promise<void> {
  const clean = paths.map((p) => checkRepoPath(repo, p));
  return withRepoLock(repo, async () => {
    for (const filepath of clean) await checkSize(repo, filepath);
    for (const filepath of clean) {
      const args = { fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, filepath, cache: repo.cache };
      if (await existsInWorkdir(repo, filepath)) await git.add(args);
      else await git.remove(args);
    }
  });
}

/** The files a path names in the index or HEAD: itself when it is a file there, else every file under it as a folder. */
async function filesUnder(repo: Repo, paths: string[], hasCommits: boolean): Promise<string[]> {
  const base = engine(repo);
  const known = new Set(await git.listFiles(base));
  if (hasCommits) for (const f of await git.listFiles({ ...base, ref: 'HEAD' })) known.add(f);
  const out = new Set<string>();
  for (const p of paths) {
    if (known.has(p)) out.add(p);
    else for (const f of known) if (f.startsWith(`${p}/`)) out.add(f);
  }
  return [...out];
}

/** Takes `paths` out of the next commit (the index goes back to HEAD's version); the working copies are untouched. */
export async function unstagePaths(repo: Repo, paths: string[]): Promise<void> {
  const clean = paths.map((p) => checkRepoPath(repo, p));
  return withRepoLock(repo, async () => {
    const hasCommits = (await readHeadOid(repo)) !== null;
    // resetIndex takes files only: a folder would be written into the index as a file.
    for (const filepath of await filesUnder(repo, clean, hasCommits)) {
      const args = { fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, filepath, cache: repo.cache };
      if (hasCommits) await git.resetIndex(args);
      else await git.remove(args);
    }
  });
}
