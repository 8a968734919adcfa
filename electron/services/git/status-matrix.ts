/**
 * From isomorphic-git's status matrix (HEAD, working copy and index per file) to the changes the git panel
 * lists in words: new/changed/deleted/renamed, staged yes/no/partly, conflicted during a merge.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GitChange, GitChangeKind, GitStaged } from '../../../shared/contract/git-models';
import { AppFailure, messageOf } from '../../../shared/contract/errors';
import { git, gitFs, type Repo } from './git-engine';
import { HeadTrees } from './status-rows';

/** One row of `git.statusMatrix`: path, then HEAD (0 absent, 1 present), WORKDIR (0 absent, 1 = HEAD, 2 differs), STAGE (0 absent, 1 = HEAD, 2 = WORKDIR, 3 other). */
export type StatusRow = [string, number, number, number];

/** Reads status rows (all, or of `filepaths` only), with a corrupted index reported as an `io` failure the user can act on. */
export async function readMatrix(repo: Repo, filepaths?: string[], onFile?: (filepath: string) => void): Promise<StatusRow[]> {
  try {
    const rows = await git.statusMatrix({
      fs: gitFs,
      dir: repo.dir,
      gitdir: repo.gitdir,
      cache: repo.cache,
      ...(filepaths ? { filepaths } : {}),
      ...(onFile ? { filter: (f: string) => (onFile(f), true) } : {}),
    });
    return rows as StatusRow[];
  } catch (err) {
    const message = messageOf(err);
    if (/index|dircache|checksum/i.test(message)) {
      throw new AppFailure('io', `The repository's index (.git/index) cannot be read: ${message}. Running "git reset" in a terminal rebuilds it.`, {
        path: path.join(repo.gitdir, 'index'),
      });
    }
    throw err;
  }
}

/** A row that differs from HEAD in the index or the working copy (unchanged files are not listed). */
export function isChanged([, head, workdir, stage]: StatusRow): boolean {
  return !(head === 1 && workdir === 1 && stage === 1) && !(head === 0 && workdir === 0 && stage === 0);
}

/** Kind (HEAD against working copy) and staged state of one row, as the matrix's combinations mean them. */
export function describeRow([, head, workdir, stage]: StatusRow): { kind: GitChangeKind; staged: GitStaged } {
  let kind: GitChangeKind;
  if (head === 0) kind = 'new';
  else if (workdir === 0) kind = 'deleted';
  else if (stage === 0) kind = 'deleted'; // deleted in the index, an untracked copy on disk
  else kind = 'changed';
  let staged: GitStaged;
  if (head === 0) staged = stage === 0 ? 'no' : stage === 2 && workdir === 2 ? 'yes' : 'partly';
  else if (stage === 0) staged = workdir === 0 ? 'yes' : 'partly';
  else if (stage === 1) staged = 'no';
  else if (stage === 2) staged = 'yes';
  else staged = 'partly';
  return { kind, staged };
}

/** Working-copy oids already hashed, per repository, valid while the file's stat stays the same. */
const workdirOids = new WeakMap<object, Map<string, { stamp: string; oid: string }>>();

/** The blob oid of a working-copy file (also the index's oid when the row says index = working copy), hashed once per version. */
async function workdirBlobOid(repo: Repo, filepath: string): Promise<string | null> {
  try {
    const abs = path.join(repo.dir, ...filepath.split('/'));
    const st = await fs.promises.lstat(abs);
    const stamp = `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
    let known = workdirOids.get(repo.cache);
    if (!known) workdirOids.set(repo.cache, (known = new Map()));
    const hit = known.get(filepath);
    if (hit?.stamp === stamp) return hit.oid;
    const object = st.isSymbolicLink() ? Buffer.from(await fs.promises.readlink(abs)) : await fs.promises.readFile(abs);
    const { oid } = await git.hashBlob({ object });
    known.set(filepath, { stamp, oid });
    return oid;
  } catch {
    return null;
  }
}

/** Files larger than this are not searched for conflict markers (a merge's text files are far smaller). */
const MAX_MARKER_SCAN = 10 * 1024 * 1024;

/** Whether a working copy still has git's conflict-marker lines (`<<<<<<< ` … `>>>>>>> `). */
async function hasConflictMarkers(repo: Repo, filepath: string): Promise<boolean> {
  try {
    const abs = path.join(repo.dir, ...filepath.split('/'));
    const st = await fs.promises.lstat(abs);
    if (!st.isFile() || st.size > MAX_MARKER_SCAN) return false;
    const text = await fs.promises.readFile(abs, 'utf8');
    return /^<{7} /m.test(text) && /^>{7} /m.test(text);
  } catch {
    return false;
  }
}

/**
 * Turns changed rows into the panel's list: pairs a deleted and a new file with the same content into one rename
 * (both staged, or both not), marks conflicts during a merge, sorts by path.
 */
export async function rowsToChanges(repo: Repo, rows: Iterable<StatusRow>, headOid: string | null, inMerge: boolean): Promise<GitChange[]> {
  const changes: GitChange[] = [];
  const deleted: StatusRow[] = [];
  const added: StatusRow[] = [];
  for (const row of rows) {
    if (!isChanged(row)) continue;
    const [, head, workdir, stage] = row;
    if (head === 1 && workdir === 0 && (stage === 0 || stage === 1)) deleted.push(row);
    else if (head === 0 && workdir === 2 && (stage === 0 || stage === 2)) added.push(row);
    else changes.push(await toChange(repo, row, inMerge));
  }
  if (deleted.length > 0 && added.length > 0 && headOid) {
    // Only candidates are hashed: HEAD blobs of deletions, working copies of additions (= the index when staged).
    const byOid = new Map<string, StatusRow[]>();
    const head = new HeadTrees(repo, headOid);
    for (const row of deleted) {
      const oid = (await head.entry(row[0]))?.oid;
      if (!oid) continue;
      const key = `${oid}:${row[3] === 0 ? 'staged' : 'unstaged'}`;
      byOid.set(key, [...(byOid.get(key) ?? []), row]);
    }
    const paired = new Set<StatusRow>();
    for (const row of added) {
      const oid = await workdirBlobOid(repo, row[0]);
      const key = `${oid}:${row[3] === 2 ? 'staged' : 'unstaged'}`;
      const old = byOid.get(key)?.shift();
      if (!oid || !old) continue;
      paired.add(old).add(row);
      changes.push({ path: row[0], oldPath: old[0], kind: 'renamed', staged: row[3] === 2 ? 'yes' : 'no', conflicted: false });
    }
    for (const row of [...deleted, ...added]) if (!paired.has(row)) changes.push(await toChange(repo, row, inMerge));
  } else {
    for (const row of [...deleted, ...added]) changes.push(await toChange(repo, row, inMerge));
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** One row as a change; during a merge, a changed working copy is read for conflict markers. */
async function toChange(repo: Repo, row: StatusRow, inMerge: boolean): Promise<GitChange> {
  const { kind, staged } = describeRow(row);
  const conflicted = inMerge && row[2] === 2 && (await hasConflictMarkers(repo, row[0]));
  return { path: row[0], oldPath: null, kind, staged, conflicted };
}
