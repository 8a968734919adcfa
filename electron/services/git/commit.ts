/**
 * Committing what is staged, as `git commit` does: only the index, never the rest of the working copy; the first
 * commit of a fresh repository; the end of a merge whose conflicts are resolved. Refuses what git would refuse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addSignOffTrailer, buildCommitMessage } from '../../../shared/git/commit-message';
import type { GitCommitSummary } from '../../../shared/contract/git-models';
import { AppFailure } from '../../../shared/contract/errors';
import { removeMergeFiles } from './abort-merge';
import { engine, git, gitFs, type Repo, withRepoLock } from './git-engine';
import type { Identity } from './identity';
import { readBranch, readHeadOid, readOperation } from './repo-state';
import { readMatrix, rowsToChanges } from './status-matrix';

/** What the panel's commit form sends. */
export interface CommitRequest {
  summary: string;
  description?: string | null;
  signOff: boolean;
  identity: Identity;
}

/** A commit as isomorphic-git reads it. */
export type CommitObject = Awaited<ReturnType<typeof git.readCommit>>['commit'];

/** A commit as lists show it: first line, author, and the author's time as ISO 8601. */
export function commitSummary(oid: string, commit: Pick<CommitObject, 'message' | 'author'>): GitCommitSummary {
  return {
    oid,
    summary: commit.message.split('\n', 1)[0]!.trim(),
    authorName: commit.author.name,
    authorEmail: commit.author.email,
    date: new Date(commit.author.timestamp * 1000).toISOString(),
  };
}

/** The commit MERGE_HEAD names (the first line of the file). */
async function readMergeHead(repo: Repo): Promise<string> {
  const text = await fs.promises.readFile(path.join(repo.gitdir, 'MERGE_HEAD'), 'utf8');
  return text.split('\n')[0]!.trim();
}

/** Whether the index differs from HEAD (what `git diff --cached --quiet` asks), stopping at the first difference. */
async function hasStagedChanges(repo: Repo, headOid: string | null): Promise<boolean> {
  if (!headOid) return (await git.listFiles(engine(repo))).length > 0;
  let found = false;
  await git.walk({
    fs: gitFs,
    dir: repo.dir,
    gitdir: repo.gitdir,
    cache: repo.cache,
    trees: [git.TREE({ ref: headOid }), git.STAGE()],
    map: async (filepath, [inHead, inIndex]) => {
      if (found) return null;
      if (filepath === '.') return true;
      const [headType, indexType] = await Promise.all([inHead?.type(), inIndex?.type()]);
      if (headType === 'tree' && indexType === 'tree') return true;
      if (headType !== indexType || (await inHead!.oid()) !== (await inIndex!.oid()) || (await inHead!.mode()) !== (await inIndex!.mode())) found = true;
      return null;
    },
  });
  return found;
}

/** Commits the index as the next commit of the current branch, by `identity`, with an optional sign-off. */
export function commitStaged(repo: Repo, request: CommitRequest): Promise<GitCommitSummary> {
  return withRepoLock(repo, async () => {
    const summary = request.summary.replace(/\s+/gu, ' ').trim();
    if (!summary) throw new AppFailure('invalid-arguments', 'A commit needs a summary.');
    const operation = await readOperation(repo);
    if (operation !== null && operation !== 'merge') {
      throw new AppFailure('in-progress', `A ${operation} is in progress in this repository. Finish it or abort it in the tool that started it, then commit.`);
    }
    const branch = await readBranch(repo);
    if (branch === null) {
      throw new AppFailure('detached', 'HEAD is not on a branch (detached), so a commit would belong to no branch. Switch to a branch first.');
    }
    const headOid = await readHeadOid(repo);
    if (operation === 'merge') {
      const conflicted = (await rowsToChanges(repo, await readMatrix(repo), headOid, true)).filter((c) => c.conflicted).map((c) => c.path);
      if (conflicted.length > 0) {
        throw new AppFailure('in-progress', `The merge still has conflicts in ${conflicted.length} file(s). Resolve them and stage the files, then commit.`, { paths: conflicted });
      }
    }
    if (operation !== 'merge' && !(await hasStagedChanges(repo, headOid))) throw new AppFailure('nothing-staged', 'Nothing is staged: stage the changes that should go into the commit first.');

    let message = buildCommitMessage(summary, request.description);
    if (request.signOff) message = addSignOffTrailer(message, request.identity);
    const when = new Date();
    const person = { name: request.identity.name, email: request.identity.email, timestamp: Math.floor(when.getTime() / 1000), timezoneOffset: when.getTimezoneOffset() };
    const parent = operation === 'merge' && headOid ? [headOid, await readMergeHead(repo)] : undefined;
    let oid: string;
    try {
      oid = await git.commit({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, message, author: person, committer: person, cache: repo.cache, ...(parent ? { parent } : {}) });
    } catch (err) {
      if (err instanceof git.Errors.UnmergedPathsError) {
        const paths = (err.data as { filepaths?: string[] }).filepaths ?? [];
        throw new AppFailure('in-progress', 'Some files still have unresolved conflicts. Resolve them and stage the files, then commit.', { paths });
      }
      throw err;
    }
    if (parent) await removeMergeFiles(repo);
    return commitSummary(oid, { message, author: person });
  });
}
