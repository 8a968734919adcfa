/**
 * The git panel on a site the size of a real one (1,500 files, 200 posts, 300 MB of images, a packed clone):
 * the status after saving one post (the tracker, warm), a one-file commit, and a cold full status, each beside
 * the real `git` doing the same on the same repository in the same run. Targets: status after one post
 * ≤ 100 ms and ≤ 3× `git status`.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { commitStaged } from '../electron/services/git/commit';
import { forgetRepoCache, openRepo } from '../electron/services/git/git-engine';
import { stagePaths } from '../electron/services/git/stage';
import { createStatusTracker, readStatus } from '../electron/services/git/status';
import { benchGitEnv, benchPostPaths, cloneGitSite } from './generate-git-site';
import { type BenchResult, result, timeOnce } from './measure';

const STATUS_RUNS = 15;
const COMMIT_RUNS = 11;
const COLD_RUNS = 5;
const IDENTITY = { name: 'Bench Author', email: 'bench@example.com' };

/** `git status --porcelain` as an editor runs it (never taking the index lock), returning its output. */
function gitStatus(dir: string): string {
  return execFileSync('git', ['--no-optional-locks', 'status', '--porcelain'], { cwd: dir, env: benchGitEnv(), encoding: 'utf8' });
}

/** Runs `work` on a fresh clone of the generated site and removes the clone afterwards. */
async function withClone<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await cloneGitSite();
  try {
    return await work(dir);
  } finally {
    forgetRepoCache(dir);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Appends an edit to a post, as saving it in the editor does (not timed). */
async function editPost(dir: string, rel: string, n: number): Promise<void> {
  await fs.appendFile(path.join(dir, rel), `\nEdit ${n}.\n`);
}

/** Status after saving one post: the warm tracker's `invalidate([post])` + `get()` beside `git status --porcelain`. */
export async function benchGitStatusOnePost(): Promise<BenchResult> {
  return withClone(async (dir) => {
    const post = benchPostPaths()[0];
    const repo = await openRepo(dir);
    const tracker = createStatusTracker(repo);
    const firstMs = await timeOnce(() => tracker.get());
    const runs: number[] = [];
    const referenceRuns: number[] = [];
    for (let i = -1; i < STATUS_RUNS; i++) {
      await editPost(dir, post, i);
      let status = '';
      const referenceMs = await timeOnce(() => (status = gitStatus(dir)));
      if (!status.includes(post)) throw new Error(`git status does not list ${post}`);
      tracker.invalidate([post]);
      const ms = await timeOnce(async () => {
        const ours = await tracker.get();
        if (!ours.changes.some((c) => c.path === post)) throw new Error(`the tracker does not list ${post}`);
      });
      if (i < 0) continue; // warm-up of both
      runs.push(ms);
      referenceRuns.push(referenceMs);
    }
    const r = result('git status after saving one post (1,500 files, 300 MB, tracker warm)', runs, { label: 'git --no-optional-locks status --porcelain', runs: referenceRuns });
    const ratio = r.medianMs / r.reference!.medianMs;
    const met = r.medianMs <= 100 && ratio <= 3;
    return { ...r, note: `target ≤ 100 ms and ≤ 3× git: ${met ? 'met' : 'MISSED'}; the tracker's first full read took ${firstMs.toFixed(0)} ms` };
  });
}

/** A one-file commit: stage one post and commit, beside `git add <post> && git commit -q -m x`. */
export async function benchGitCommitOnePost(): Promise<BenchResult> {
  return withClone(async (dir) => {
    const [ours, theirs] = benchPostPaths();
    const repo = await openRepo(dir);
    const runs: number[] = [];
    const referenceRuns: number[] = [];
    for (let i = -1; i < COMMIT_RUNS; i++) {
      await editPost(dir, theirs, i);
      const referenceMs = await timeOnce(() => {
        execFileSync('git', ['add', theirs], { cwd: dir, env: benchGitEnv() });
        execFileSync('git', ['commit', '-q', '-m', `x ${i}`], { cwd: dir, env: benchGitEnv() });
      });
      await editPost(dir, ours, i);
      const ms = await timeOnce(async () => {
        await stagePaths(repo, [ours]);
        await commitStaged(repo, { summary: `Edit ${i}`, signOff: false, identity: IDENTITY });
      });
      if (i < 0) continue;
      runs.push(ms);
      referenceRuns.push(referenceMs);
    }
    const log = execFileSync('git', ['log', '--format=%s', '-2'], { cwd: dir, env: benchGitEnv(), encoding: 'utf8' });
    if (!log.startsWith(`Edit ${COMMIT_RUNS - 1}\nx ${COMMIT_RUNS - 1}`)) throw new Error(`unexpected history: ${log}`);
    return result('commit one staged post (1,500 files, 300 MB)', runs, { label: 'git add <post> && git commit -q -m x', runs: referenceRuns });
  });
}

/** A cold full status (engine cache dropped: packs, index and every file read again), for information. */
export async function benchGitStatusCold(): Promise<BenchResult> {
  return withClone(async (dir) => {
    await editPost(dir, benchPostPaths()[0], 0);
    const runs: number[] = [];
    const referenceRuns: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      referenceRuns.push(await timeOnce(() => gitStatus(dir)));
      runs.push(
        await timeOnce(async () => {
          forgetRepoCache(dir);
          const status = await readStatus(await openRepo(dir));
          if (status.changes.length !== 1) throw new Error(`expected one change, got ${status.changes.length}`);
        }),
      );
    }
    return result('cold full git status (1,500 files, 300 MB, engine cache dropped)', runs, { label: 'git --no-optional-locks status --porcelain', runs: referenceRuns }, 'for information: the panel reads this once per site, in the background');
  });
}
