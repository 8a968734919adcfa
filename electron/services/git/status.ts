/**
 * The git panel's status: a full read once, then a tracker that re-reads only the files the watcher reported
 * (plus the cheap ref reads every time), so a status after one saved post costs about one file, not the site.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GitStatus } from '../../../shared/contract/git-models';
import { engine, git, type Repo, withRepoLock } from './git-engine';
import { readRepoState, type RepoState } from './repo-state';
import { isChanged, readMatrix, rowsToChanges, type StatusRow } from './status-matrix';
import { readAllRowsFast } from './status-full';
import { HeadTrees, type IndexSnapshot, indexDifferences, readFileRow, readIndexSnapshot, treeDifferences } from './status-rows';

/** Progress of a full read: files looked at so far out of (about) how many the repository has. */
export interface StatusProgress {
  done: number;
  total: number;
}

/** Options of a full status read. */
export interface ReadStatusOptions {
  onProgress?: (progress: StatusProgress) => void;
}

/** Keeps one repository's status current at the cost of what changed since the last `get()`. */
export interface StatusTracker {
  /** Marks repository-relative paths (files or folders) the watcher reported as changed; 'all' after a branch switch or a burst. */
  invalidate(paths: string[] | 'all'): void;
  /** The status now: a full read the first time (or after 'all'), else only the invalidated paths and the files a new index or HEAD changed. */
  get(options?: ReadStatusOptions): Promise<GitStatus>;
}

/** How often a full read reports progress, in files. */
const PROGRESS_EVERY = 100;

/** A stamp of `.git/index` that changes whenever anything rewrites it. */
async function indexStamp(repo: Repo): Promise<string> {
  const st = await fs.promises.stat(path.join(repo.gitdir, 'index')).catch(() => null);
  return st ? `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}` : 'none';
}

/** Every changed row of the repository: the one-pass read, or statusMatrix's walk where only it can tell; reports progress. */
async function readAllRows(repo: Repo, onProgress?: (progress: StatusProgress) => void): Promise<StatusRow[]> {
  let total = 0;
  if (onProgress) {
    try {
      total = (await git.listFiles(engine(repo))).length;
    } catch {
      // A corrupted index is reported by the matrix read below.
    }
  }
  let done = 0;
  onProgress?.({ done, total });
  const onFile = onProgress
    ? (): void => {
        done++;
        if (done % PROGRESS_EVERY === 0) onProgress({ done, total: Math.max(total, done) });
      }
    : undefined;
  const rows = (await readAllRowsFast(repo, onFile)) ?? (await readMatrix(repo, undefined, onFile));
  onProgress?.({ done, total: Math.max(total, done) });
  return rows.filter(isChanged);
}

/** The status as the contract carries it. */
async function assemble(repo: Repo, state: RepoState, rows: Iterable<StatusRow>): Promise<GitStatus> {
  const changes = await rowsToChanges(repo, rows, state.headOid, state.operation === 'merge');
  const { headOid: _head, ...rest } = state;
  return { repoRoot: repo.dir, sitePrefix: repo.sitePrefix, ...rest, changes };
}

/** Reads the whole status of a repository (every file), for the first look or when a tracker is not kept. */
export function readStatus(repo: Repo, options: ReadStatusOptions = {}): Promise<GitStatus> {
  return withRepoLock(repo, async () => {
    const state = await readRepoState(repo);
    return assemble(repo, state, await readAllRows(repo, options.onProgress));
  });
}

/** A repository-relative path as statusMatrix takes it, or null for what cannot be in the repository. */
function cleanPath(p: string): string | null {
  const clean = p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (clean === '' || clean === '.') return '';
  if (clean.startsWith('/') || clean.split('/').includes('..') || clean === '.git' || clean.startsWith('.git/')) return null;
  return clean;
}

/** Starts tracking a repository's status; the first `get()` reads it fully. */
export function createStatusTracker(repo: Repo): StatusTracker {
  let rows: Map<string, StatusRow> | null = null;
  let all = true;
  const pending = new Set<string>();
  let lastHead: string | null = null;

  // The index parsed once per index version (with the stamp it had), HEAD's trees once per HEAD.
  let snapshot: IndexSnapshot | null = null;
  let snapshotStamp = '';
  let headTrees: HeadTrees | null = null;

  const refreshPaths = async (paths: string[], headOid: string | null): Promise<void> => {
    if (headTrees?.headOid !== headOid) headTrees = new HeadTrees(repo, headOid);
    const walk: string[] = [];
    for (const p of paths) {
      const row = snapshot ? await readFileRow(repo, snapshot, headTrees, p) : 'walk';
      if (row === 'walk') {
        walk.push(p);
        continue;
      }
      rows!.delete(p);
      if (row && isChanged(row)) rows!.set(p, row);
    }
    if (walk.length === 0) return;
    const fresh = await readMatrix(repo, walk);
    for (const p of walk) {
      const under = `${p}/`;
      for (const key of rows!.keys()) if (key === p || key.startsWith(under)) rows!.delete(key);
    }
    for (const row of fresh) if (isChanged(row)) rows!.set(row[0], row);
  };

  return {
    invalidate(paths) {
      if (paths === 'all') {
        all = true;
        return;
      }
      for (const p of paths) {
        const clean = cleanPath(p);
        if (clean === null) continue;
        // '' is the watcher's "reload everything"; a changed .gitignore changes which files count.
        if (clean === '' || clean === '.gitignore' || clean.endsWith('/.gitignore')) all = true;
        else pending.add(clean);
      }
    },
    get(options = {}) {
      return withRepoLock(repo, async () => {
        try {
          return await track(options);
        } catch (err) {
          all = true; // paths taken off `pending` may not have been read: read everything next time
          throw err;
        }
      });
    },
  };

  async function track(options: ReadStatusOptions): Promise<GitStatus> {
    const state = await readRepoState(repo);
    let full = rows === null || all;
    const paths = new Set(pending);
    // Another tool (or our own stage/unstage) rewrote the index: re-read only the entries that changed in it.
    const stamp = await indexStamp(repo);
    if (!full && stamp !== snapshotStamp) {
      const next = await readIndexSnapshot(repo);
      if (next === null || snapshot === null) full = true;
      else {
        for (const p of indexDifferences(snapshot, next)) paths.add(p);
        snapshot = next;
        snapshotStamp = stamp;
      }
    }
    // A commit moved HEAD: re-read only the files whose committed version changed.
    if (!full && state.headOid !== lastHead) {
      const changed = lastHead && state.headOid ? await treeDifferences(repo, lastHead, state.headOid) : null;
      if (changed === null) full = true;
      else for (const p of changed) paths.add(p);
    }
    pending.clear();
    all = false;
    if (full) {
      rows = new Map((await readAllRows(repo, options.onProgress)).map((r) => [r[0], r]));
      // Taken after the walk: statusMatrix may itself have rewritten the index's stat cache.
      snapshotStamp = await indexStamp(repo);
      snapshot = await readIndexSnapshot(repo);
    } else if (paths.size > 0) {
      await refreshPaths([...paths], state.headOid);
    }
    lastHead = state.headOid;
    return assemble(repo, state, rows!.values());
  }
}
