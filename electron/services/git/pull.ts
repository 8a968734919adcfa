/**
 * Getting the remote's new commits for the current branch: fetch its upstream, then fast-forward (keeping
 * uncommitted changes that do not collide), or — only when the user asked — merge diverged histories. A merge
 * with conflicts is left as git leaves one (markers, index stages, MERGE_HEAD), with an exact backup to abort to.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ProgressCallback } from 'isomorphic-git';
import { AppFailure, messageOf } from '../../../shared/contract/errors';
import type { GitPullResult } from '../../../shared/contract/git-models';
import { withoutCredentials } from '../../../shared/git/remote-url';
import { dropStaleMergeBackup, restoreMergeBackupIfAny, saveMergeBackup } from './abort-merge';
import { planSwitch } from './branches';
import { compareCommits } from './commit-walk';
import { engine, git, type Repo, withRepoLock } from './git-engine';
import type { Identity } from './identity';
import { type AuthProvider, remoteAuth } from './remote-auth';
import { assertHttpUrl, httpWithTimeout, toRemoteFailure } from './remote-errors';
import { readBranch, readHeadOid, readOperation, readUpstream } from './repo-state';
import { readMatrix } from './status-matrix';
import { pruneEmptyParents } from './work-tree';

/** What a pull needs: whether diverged histories may be merged, credentials on request, who signs a merge. */
export interface PullOptions {
  merge?: boolean;
  auth: AuthProvider;
  /** Asked only when a merge commit is made, so a fast-forward needs no name and e-mail. */
  identity: () => Promise<Identity>;
  onProgress?: ProgressCallback;
}


/** The remote and branch a branch pulls from: its configured upstream, else `origin` with the same name. */
export async function pullSource(repo: Repo, branch: string): Promise<{ remote: string; branch: string; url: string }> {
  const upstream = (await readUpstream(repo, branch)) ?? { remote: 'origin', branch };
  const url = (await git.getConfig({ ...engine(repo), path: `remote.${upstream.remote}.url` })) as string | undefined;
  if (!url) throw new AppFailure('not-found', `This repository has no remote "${upstream.remote}" to get changes from.`);
  return { ...upstream, url };
}

/** Fails with 'in-progress' or 'detached' when a pull cannot start; returns the current branch. */
async function assertCanPull(repo: Repo): Promise<string> {
  const operation = await readOperation(repo);
  if (operation) {
    throw new AppFailure('in-progress', `A ${operation} is not finished in this repository. Finish or abort it before getting new changes.`);
  }
  const branch = await readBranch(repo);
  if (!branch) throw new AppFailure('detached', 'No branch is checked out (detached HEAD). Switch to a branch before getting new changes.');
  return branch;
}

/** Fetches the remote branch into `refs/remotes/<remote>/<branch>`; null when the remote has no commits yet. */
async function fetchUpstream(repo: Repo, local: string, source: { remote: string; branch: string; url: string }, options: PullOptions): Promise<string | null> {
  assertHttpUrl(source.url);
  const auth = remoteAuth(options.auth);
  try {
    const result = await git.fetch({
      ...engine(repo),
      http: httpWithTimeout(),
      remote: source.remote,
      ref: local,
      remoteRef: source.branch,
      singleBranch: true,
      tags: false,
      onAuth: auth.onAuth,
      onAuthFailure: auth.onAuthFailure,
      onProgress: options.onProgress,
    });
    return result.fetchHead;
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') {
      throw new AppFailure('not-found', `The branch "${source.branch}" does not exist on ${source.remote} yet. Send your changes first.`);
    }
    throw toRemoteFailure(error, source.url);
  }
}

/** Gets the remote's new commits for the current branch; see GitPullResult for what it did. */
export async function pull(repo: Repo, options: PullOptions): Promise<GitPullResult> {
  return withRepoLock(repo, async () => {
    const branch = await assertCanPull(repo);
    await dropStaleMergeBackup(repo);
    const source = await pullSource(repo, branch);
    const theirs = await fetchUpstream(repo, branch, source, options);
    const ours = await readHeadOid(repo);
    if (!theirs || theirs === ours) return { kind: 'up-to-date' };
    if (ours && (await git.isDescendent({ ...engine(repo), oid: ours, ancestor: theirs, depth: -1 }))) return { kind: 'up-to-date' };

    if (!ours || (await git.isDescendent({ ...engine(repo), oid: theirs, ancestor: ours, depth: -1 }))) {
      const commits = (await compareCommits(repo, theirs, ours ? [ours] : [])).tipOnly.length;
      await moveWorkingCopy(repo, ours, theirs, 'Getting the new changes');
      await git.writeRef({ ...engine(repo), ref: `refs/heads/${branch}`, value: theirs, force: true });
      return { kind: 'fast-forward', commits };
    }

    const { tipOnly, othersOnly } = await compareCommits(repo, ours, [theirs]);
    if (!options.merge) return { kind: 'diverged', ahead: tipOnly.length, behind: othersOnly };
    return mergeDiverged(repo, { branch, ours, theirs, source, identity: await options.identity(), behind: othersOnly });
  });
}

/** Moves the working copy and index from commit `from` to `to`, refusing ('conflict', nothing changed) when it would overwrite uncommitted work. */
async function moveWorkingCopy(repo: Repo, from: string | null, to: string, doing: string): Promise<void> {
  let apply: () => Promise<void>;
  try {
    apply = await planSwitch(repo, from, to);
  } catch (error) {
    if (error instanceof AppFailure && error.error.code === 'conflict') {
      const paths = error.error.paths ?? [];
      const which = paths.length === 1 ? paths[0] : `${paths.length} files`;
      throw new AppFailure('conflict', `${doing} would overwrite your uncommitted changes in ${which}. Commit them first, then try again.`, { paths });
    }
    throw error;
  }
  await apply();
}

interface MergeInput {
  branch: string;
  ours: string;
  theirs: string;
  source: { remote: string; branch: string; url: string };
  identity: Identity;
  behind: number;
}

/** One file's entry in the three commits of a merge (null where absent). */
interface ThreeWay {
  ours: string | null;
  base: string | null;
  theirs: string | null;
}

/** Every file that differs between the merge base and either side, with its oid+mode in each. */
async function threeWay(repo: Repo, ours: string, base: string, theirs: string): Promise<Map<string, ThreeWay>> {
  const out = new Map<string, ThreeWay>();
  await git.walk({
    ...engine(repo),
    trees: [git.TREE({ ref: ours }), git.TREE({ ref: base }), git.TREE({ ref: theirs })],
    map: async (filepath, entries) => {
      if (filepath === '.') return true;
      const ids: Array<string | null> = [];
      let allTrees = true;
      for (const entry of entries) {
        const type = entry ? await entry.type() : null;
        if (type !== 'tree') allTrees = false;
        ids.push(entry && type === 'blob' ? `${await entry.oid()} ${(await entry.mode()).toString(8)}` : null);
      }
      if (allTrees) return true;
      const [o, b, t] = ids;
      if (o !== b || t !== b) out.set(filepath, { ours: o, base: b, theirs: t });
      return true;
    },
  });
  return out;
}

/** Merges the fetched commits into the branch: a merge commit when it merges cleanly, else a merge to resolve or abort. */
async function mergeDiverged(repo: Repo, input: MergeInput): Promise<GitPullResult> {
  const { branch, ours, theirs, source, identity } = input;
  const dirty = (await readMatrix(repo)).filter(([, head, workdir, stage]) => (head === 1 ? workdir !== 1 || stage !== 1 : stage !== 0)).map(([p]) => p);
  if (dirty.length > 0) {
    throw new AppFailure('conflict', 'Commit your changes before merging the new changes from the remote: a merge needs a clean working copy.', {
      paths: dirty.sort(),
    });
  }
  const bases = await git.findMergeBase({ ...engine(repo), oids: [ours, theirs] });
  if (bases.length !== 1) throw new AppFailure('not-supported', 'These histories are too tangled for Pressroom to merge; merge them with git in a terminal.');
  const changes = await threeWay(repo, ours, bases[0], theirs);
  const theirChanges = [...changes].filter(([, c]) => c.theirs !== c.base).map(([p]) => p);
  const inTheWay: string[] = [];
  for (const p of theirChanges) {
    if (changes.get(p)!.ours !== null) continue;
    if (await fs.promises.lstat(path.join(repo.dir, ...p.split('/'))).then(() => true, () => false)) inTheWay.push(p);
  }
  if (inTheWay.length > 0) {
    throw new AppFailure('conflict', 'Files that git does not track are in the way of files the merge brings. Move them away, then try again.', { paths: inTheWay.sort() });
  }

  const person = { name: identity.name, email: identity.email };
  const message = `Merge branch '${source.branch}' of ${withoutCredentials(source.url)}\n`;
  const theirRef = `refs/remotes/${source.remote}/${source.branch}`;
  const mergeArgs = { ...engine(repo), ours: `refs/heads/${branch}`, theirs: theirRef, noUpdateBranch: true, message, author: person, committer: person };
  try {
    const result = await git.merge({ ...mergeArgs, abortOnConflict: true });
    await moveWorkingCopy(repo, ours, result.oid!, 'Merging the new changes');
    await git.writeRef({ ...engine(repo), ref: `refs/heads/${branch}`, value: result.oid!, force: true });
    return { kind: 'merged', commits: input.behind };
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    if ((error as { code?: string }).code !== 'MergeConflictError') throw unsupportedMerge(error);
  }

  // Conflicts: remember the exact state, then let the engine write markers and index stages, then finish as git does.
  await saveMergeBackup(repo, { head: ours, branch, theirs, paths: [...changes.keys()] });
  try {
    let conflicted: string[] = [];
    try {
      await git.merge({ ...mergeArgs, abortOnConflict: false });
    } catch (error) {
      if ((error as { code?: string }).code !== 'MergeConflictError') throw unsupportedMerge(error);
      conflicted = ((error as { data?: { filepaths?: string[] } }).data?.filepaths ?? []).slice().sort();
    }
    await stageTheirChanges(repo, changes, new Set(conflicted));
    await writeMergeFiles(repo, { ours, theirs, message, conflicted });
    return { kind: 'conflict', paths: conflicted };
  } catch (error) {
    await restoreMergeBackupIfAny(repo);
    throw error;
  }
}

function unsupportedMerge(error: unknown): AppFailure {
  return new AppFailure('not-supported', `Pressroom cannot merge these changes (${messageOf(error)}); merge them with git in a terminal.`);
}

/**
 * Brings the index and working copy of every file only the remote changed to the remote's version (the engine
 * writes those files but leaves their index entries, and never deletes), so `git status` shows what git would.
 */
async function stageTheirChanges(repo: Repo, changes: Map<string, ThreeWay>, conflicted: Set<string>): Promise<void> {
  const added: string[] = [];
  for (const [filepath, change] of changes) {
    if (conflicted.has(filepath) || change.theirs === change.base || change.ours !== change.base) continue;
    if (change.theirs === null) {
      await fs.promises.rm(path.join(repo.dir, ...filepath.split('/')), { force: true });
      await git.remove({ ...engine(repo), filepath });
      await pruneEmptyParents(repo.dir, path.posix.dirname(filepath));
    } else {
      added.push(filepath);
    }
  }
  if (added.length > 0) await git.add({ ...engine(repo), filepath: added, force: true });
}

/** Writes what git writes for an unfinished merge: MERGE_HEAD, MERGE_MSG (with the conflicts listed), MERGE_MODE, ORIG_HEAD. */
async function writeMergeFiles(repo: Repo, m: { ours: string; theirs: string; message: string; conflicted: string[] }): Promise<void> {
  const conflicts = m.conflicted.length > 0 ? `\n# Conflicts:\n${m.conflicted.map((p) => `#\t${p}\n`).join('')}` : '';
  await fs.promises.writeFile(path.join(repo.gitdir, 'MERGE_MSG'), m.message + conflicts);
  await fs.promises.writeFile(path.join(repo.gitdir, 'MERGE_MODE'), '');
  await fs.promises.writeFile(path.join(repo.gitdir, 'ORIG_HEAD'), `${m.ours}\n`);
  await fs.promises.writeFile(path.join(repo.gitdir, 'MERGE_HEAD'), `${m.theirs}\n`);
}
