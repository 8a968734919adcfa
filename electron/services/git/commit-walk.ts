/**
 * Which commits one tip has that others lack (ahead/behind, unpushed commits), found by walking both histories
 * newest first and stopping once nothing left to walk can change the answer, so a long shared history is not read.
 */
import { git, gitFs, type Repo } from './git-engine';

/** What the walk found: commits reachable from `tip` only (newest first) and how many the other tips have that `tip` lacks. */
export interface CommitComparison {
  /** Commits reachable from `tip` and from none of `others`, newest first (by committer time). */
  tipOnly: string[];
  /** How many commits the `others` reach that `tip` does not. */
  othersOnly: number;
  /** True when the walk stopped at `maxCommits` and the figures are lower bounds. */
  truncated: boolean;
}

const TIP = 1;
const OTHERS = 2;
const BOTH = TIP | OTHERS;

interface Queued {
  oid: string;
  time: number;
}

/** The commit's parents and committer time, read through the repository's engine cache. */
async function readParents(repo: Repo, oid: string): Promise<{ parents: string[]; time: number }> {
  const { commit } = await git.readCommit({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, oid, cache: repo.cache });
  return { parents: commit.parent, time: commit.committer.timestamp };
}

/**
 * Compares the history of `tip` with that of `others` (commit oids), like `git rev-list --left-right --count`:
 * a walk in committer-time order marking each commit with the side(s) reaching it, which stops once every commit
 * still queued is reached from both sides and none of the one-sided commits is younger than them.
 */
export async function compareCommits(repo: Repo, tip: string, others: readonly string[], maxCommits = 20_000): Promise<CommitComparison> {
  const flags = new Map<string, number>();
  const times = new Map<string, number>();
  const queue: Queued[] = [];
  // The oldest time of any commit seen with one side only: a stale queued commit younger than it may still reach it.
  let oldestOneSided = Infinity;

  const enqueue = async (oid: string, flag: number): Promise<void> => {
    const had = flags.get(oid) ?? 0;
    const now = had | flag;
    if (now === had) return;
    flags.set(oid, now);
    let time = times.get(oid);
    if (time === undefined) {
      time = (await readParents(repo, oid)).time;
      times.set(oid, time);
    }
    if (now !== BOTH) oldestOneSided = Math.min(oldestOneSided, time);
    // Newest last, so pop() takes the youngest; equal times keep first-come order.
    let at = queue.length;
    while (at > 0 && queue[at - 1].time > time) at--;
    queue.splice(at, 0, { oid, time });
  };

  await enqueue(tip, TIP);
  for (const other of others) await enqueue(other, OTHERS);
  let visited = 0;
  let truncated = false;
  while (queue.length > 0) {
    if (queue[queue.length - 1].time < oldestOneSided && queue.every((q) => flags.get(q.oid) === BOTH)) break;
    if (visited >= maxCommits) {
      truncated = true;
      break;
    }
    const { oid } = queue.pop()!;
    visited++;
    const flag = flags.get(oid)!;
    const { parents } = await readParents(repo, oid);
    for (const parent of parents) await enqueue(parent, flag);
  }

  const tipOnly: string[] = [];
  let othersOnly = 0;
  for (const [oid, flag] of flags) {
    if (flag === TIP) tipOnly.push(oid);
    else if (flag === OTHERS) othersOnly++;
  }
  tipOnly.sort((a, b) => times.get(b)! - times.get(a)!);
  return { tipOnly, othersOnly, truncated };
}
