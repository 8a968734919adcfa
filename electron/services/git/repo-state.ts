/**
 * The cheap part of a repository's status, read again on every status request: HEAD, branch, upstream,
 * ahead/behind, an unfinished operation and the push remote. Only ref and config reads, no working-tree walk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GitOperation, GitRemote, GitStatus } from '../../../shared/contract/git-models';
import { describeRemote } from '../../../shared/git/remote-url';
import { compareCommits } from './commit-walk';
import { git, gitFs, type Repo } from './git-engine';

/** Everything of GitStatus except the changes and the paths, plus the commit HEAD points at (null without commits). */
export type RepoState = Pick<GitStatus, 'branch' | 'detachedAt' | 'upstream' | 'ahead' | 'behind' | 'hasCommits' | 'operation' | 'remote'> & {
  headOid: string | null;
};

/** The files and folders another tool leaves in `.git` while an operation is unfinished, in git's own order of precedence. */
const OPERATION_MARKERS: ReadonlyArray<[string, GitOperation]> = [
  ['rebase-merge', 'rebase'],
  ['rebase-apply', 'rebase'],
  ['MERGE_HEAD', 'merge'],
  ['CHERRY_PICK_HEAD', 'cherry-pick'],
  ['REVERT_HEAD', 'revert'],
  ['BISECT_LOG', 'bisect'],
];

/** The unfinished operation another tool (or a pull) left in the repository, if any. */
export async function readOperation(repo: Pick<Repo, 'gitdir'>): Promise<GitOperation | null> {
  for (const [marker, operation] of OPERATION_MARKERS) {
    if (await fs.promises.stat(path.join(repo.gitdir, marker)).then(() => true, () => false)) return operation;
  }
  return null;
}

/** The commit HEAD resolves to, or null before the first commit. */
export async function readHeadOid(repo: Repo): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, ref: 'HEAD' });
  } catch {
    return null;
  }
}

/** The current branch's short name, or null on a detached HEAD (a fresh repository still has its unborn branch). */
export async function readBranch(repo: Repo): Promise<string | null> {
  const branch = await git.currentBranch({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, fullname: false });
  return branch ?? null;
}

/** A branch's upstream as configured by `git push -u` / `git branch -u`: remote name and the remote's branch. */
export async function readUpstream(repo: Repo, branch: string): Promise<{ remote: string; branch: string } | null> {
  const remote = (await git.getConfig({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, path: `branch.${branch}.remote` })) as string | undefined;
  const merge = (await git.getConfig({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, path: `branch.${branch}.merge` })) as string | undefined;
  if (!remote || !merge || remote === '.') return null;
  return { remote, branch: merge.replace(/^refs\/heads\//, '') };
}

/** How many commits `local` has that `remoteRef` lacks and the other way round; 0/0 when the remote ref was never fetched. */
export async function aheadBehind(repo: Repo, local: string, remoteRef: string): Promise<{ ahead: number; behind: number }> {
  let theirs: string;
  try {
    theirs = await git.resolveRef({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, ref: remoteRef });
  } catch {
    return { ahead: 0, behind: 0 };
  }
  if (theirs === local) return { ahead: 0, behind: 0 };
  const result = await compareCommits(repo, local, [theirs]);
  return { ahead: result.tipOnly.length, behind: result.othersOnly };
}

/** The remote pushes go to: `origin`, else the only remote, else null. */
export async function readPushRemote(repo: Repo): Promise<GitRemote | null> {
  const remotes = await git.listRemotes({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir });
  const chosen = remotes.find((r) => r.remote === 'origin') ?? (remotes.length === 1 ? remotes[0] : undefined);
  return chosen ? describeRemote(chosen.remote, chosen.url) : null;
}

/** Reads HEAD, branch, upstream, ahead/behind, operation and remote: the part of a status that costs only ref reads. */
export async function readRepoState(repo: Repo): Promise<RepoState> {
  const [headOid, branch, operation, remote] = await Promise.all([readHeadOid(repo), readBranch(repo), readOperation(repo), readPushRemote(repo)]);
  let upstream: string | null = null;
  let ahead = 0;
  let behind = 0;
  if (branch) {
    const up = await readUpstream(repo, branch);
    if (up) {
      upstream = `${up.remote}/${up.branch}`;
      if (headOid) ({ ahead, behind } = await aheadBehind(repo, headOid, `refs/remotes/${up.remote}/${up.branch}`));
    }
  }
  return {
    headOid,
    branch,
    detachedAt: branch === null && headOid ? headOid.slice(0, 7) : null,
    upstream,
    ahead,
    behind,
    hasCommits: headOid !== null,
    operation,
    remote,
  };
}
