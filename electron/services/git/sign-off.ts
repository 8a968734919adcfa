/**
 * DCO repair: finds the commits of the current branch that no remote has yet and that lack the author's
 * `Signed-off-by`, and adds the sign-off by rewriting only those unpushed commits (same trees, authors and dates),
 * so a pull request stops failing the DCO check without the user learning `git rebase --signoff`.
 */
import { AppFailure } from '../../../shared/contract/errors';
import type { GitCommitSummary } from '../../../shared/contract/git-models';
import { addSignOffTrailer, hasSignOff } from '../../../shared/git/commit-message';
import { appendReflog, defaultBranchName, resolveOid } from './branches';
import { type CommitObject, commitSummary } from './commit';
import { compareCommits } from './commit-walk';
import { engine, git, type Repo, withRepoLock } from './git-engine';
import type { Identity } from './identity';
import { readBranch, readHeadOid, readOperation, readUpstream } from './repo-state';

/** At most this many commits are listed (a branch that far from its base is not a pull request to repair). */
const MAX_LISTED = 500;
/** At most this many commits are walked or rewritten. */
const MAX_WALKED = 5_000;

/** Whether the message carries a `Signed-off-by` with the author's own e-mail, which is what DCO checks require. */
function isSignedByAuthor(commit: CommitObject): boolean {
  return hasSignOff(commit.message, commit.author.email);
}

/** The commit the branch's work is measured against: its upstream, else the default branch's remote-tracking ref, else the local default branch. */
async function baseOf(repo: Repo, branch: string | null): Promise<string | null> {
  if (branch) {
    const upstream = await readUpstream(repo, branch);
    const tip = upstream ? await resolveOid(repo, `refs/remotes/${upstream.remote}/${upstream.branch}`) : null;
    if (tip) return tip;
  }
  const defaultBranch = await defaultBranchName(repo, branch);
  if (!defaultBranch) return null;
  return (await resolveOid(repo, `refs/remotes/origin/${defaultBranch}`)) ?? (defaultBranch === branch ? null : await resolveOid(repo, `refs/heads/${defaultBranch}`));
}

/** The commits on HEAD that the base lacks, newest first; empty without commits or without a base. */
async function branchCommits(repo: Repo, head: string | null, limit: number): Promise<{ oids: string[]; truncated: boolean }> {
  if (!head) return { oids: [], truncated: false };
  const base = await baseOf(repo, await readBranch(repo));
  if (!base) return { oids: [], truncated: false };
  const { tipOnly, truncated } = await compareCommits(repo, head, [base], limit);
  return { oids: tipOnly, truncated };
}

async function readCommitObject(repo: Repo, oid: string): Promise<CommitObject> {
  return (await git.readCommit({ ...engine(repo), oid })).commit;
}

/** Commits on the current branch not yet on its upstream (or default branch) whose message lacks the author's sign-off, newest first. */
export async function unsignedCommits(repo: Repo): Promise<GitCommitSummary[]> {
  const { oids } = await branchCommits(repo, await readHeadOid(repo), MAX_WALKED);
  const unsigned: GitCommitSummary[] = [];
  for (const oid of oids) {
    const commit = await readCommitObject(repo, oid);
    if (!isSignedByAuthor(commit)) unsigned.push(commitSummary(oid, commit));
    if (unsigned.length >= MAX_LISTED) break;
  }
  return unsigned;
}

/** Every remote-tracking branch's commit: what some remote already has. */
async function remoteTips(repo: Repo): Promise<string[]> {
  const refs = await git.listRefs({ ...engine(repo), filepath: 'refs/remotes' }).catch(() => [] as string[]);
  const tips = new Set<string>();
  for (const ref of refs) {
    const oid = await resolveOid(repo, `refs/remotes/${ref}`);
    if (oid) tips.add(oid);
  }
  return [...tips];
}

/** `oids` ordered parents first (a commit after every one of its parents in the set). */
function parentsFirst(oids: string[], parents: Map<string, string[]>): string[] {
  const inSet = new Set(oids);
  const done = new Set<string>();
  const ordered: string[] = [];
  for (const start of oids) {
    const stack: Array<[string, boolean]> = [[start, false]];
    while (stack.length > 0) {
      const [oid, expanded] = stack.pop()!;
      if (done.has(oid)) continue;
      if (expanded) {
        done.add(oid);
        ordered.push(oid);
        continue;
      }
      stack.push([oid, true]);
      for (const parent of parents.get(oid) ?? []) if (inSet.has(parent) && !done.has(parent)) stack.push([parent, false]);
    }
  }
  return ordered;
}

/**
 * Adds `identity`'s sign-off to the branch's unpushed commits that lack the author's, oldest first: new commits with
 * the same tree, author, committer and dates (parents mapped, merges too), then moves the branch. The working copy and
 * index stay as they are. Refuses (`refused`) when a commit to rewrite is already on a remote-tracking branch.
 */
export async function addSignOffs(repo: Repo, identity: Identity): Promise<{ rewritten: number }> {
  return withRepoLock(repo, async () => {
    const operation = await readOperation(repo);
    if (operation) throw new AppFailure('in-progress', `The repository is in the middle of a ${operation}; finish or abort it first.`);
    const head = await readHeadOid(repo);
    const { oids, truncated } = await branchCommits(repo, head, MAX_WALKED);
    if (truncated) throw new AppFailure('refused', `The branch has more than ${MAX_WALKED} commits of its own; Pressroom does not rewrite that much history.`);
    if (!head || oids.length === 0) return { rewritten: 0 };

    const commits = new Map<string, CommitObject>();
    for (const oid of oids) commits.set(oid, await readCommitObject(repo, oid));
    const order = parentsFirst(oids, new Map([...commits].map(([oid, c]) => [oid, c.parent])));

    // Which commits change: those the sign-off changes and every one above them (its parent changes).
    const messages = new Map<string, string>();
    const changing = new Set<string>();
    for (const oid of order) {
      const commit = commits.get(oid)!;
      const message = isSignedByAuthor(commit) ? commit.message : addSignOffTrailer(commit.message, identity);
      messages.set(oid, message);
      if (message !== commit.message || commit.parent.some((p) => changing.has(p))) changing.add(oid);
    }
    if (changing.size === 0) return { rewritten: 0 };
    const unpushed = new Set((await compareCommits(repo, head, await remoteTips(repo), MAX_WALKED)).tipOnly);
    const pushed = [...changing].filter((oid) => !unpushed.has(oid));
    if (pushed.length > 0) {
      throw new AppFailure('refused', `${pushed.length === 1 ? 'A commit that needs the sign-off is' : `${pushed.length} commits that need the sign-off are`} already on the server; Pressroom never rewrites pushed history.`, {
        suggestion: 'Ask the project how to handle sign-offs on pushed commits, or add them with "git rebase --signoff" and force-push yourself.',
      });
    }

    const rewrittenAs = new Map<string, string>();
    let rewritten = 0;
    for (const oid of order) {
      if (!changing.has(oid)) continue;
      const commit = commits.get(oid)!;
      const message = messages.get(oid)!;
      if (message !== commit.message) rewritten++;
      // A signature would no longer match the rewritten commit, so it is dropped.
      const { gpgsig: _dropped, ...unsignedCommit } = commit;
      const parent = commit.parent.map((p) => rewrittenAs.get(p) ?? p);
      rewrittenAs.set(oid, await git.writeCommit({ ...engine(repo), commit: { ...unsignedCommit, parent, message } }));
    }
    const newHead = rewrittenAs.get(head) ?? head;
    const branch = await readBranch(repo);
    const ref = branch ? `refs/heads/${branch}` : 'HEAD';
    await git.writeRef({ ...engine(repo), ref, value: newHead, force: true });
    await appendReflog(repo, branch ? [ref, 'HEAD'] : ['HEAD'], head, newHead, `pressroom: signed off ${rewritten} commit(s)`, identity);
    return { rewritten };
  });
}
