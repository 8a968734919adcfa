/**
 * Undoing a merge a pull left with conflicts: back to exactly the state before the pull (HEAD, index, the bytes
 * of every file the merge wrote), from the backup the pull kept in `.git/pressroom-merge-backup/`. A merge left
 * by another tool (no backup) is undone as `git merge --abort` does: index and changed files back to HEAD.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import { engine, git, gitFs, type Repo, withRepoLock } from './git-engine';
import { readBranch, readHeadOid } from './repo-state';
import { pruneEmptyParents } from './work-tree';

/** The folder in `.git` where a pull keeps what it needs to undo its merge. */
export const MERGE_BACKUP_DIR = 'pressroom-merge-backup';

/** The files git keeps while a merge is unfinished. */
const MERGE_FILES = ['MERGE_HEAD', 'MERGE_MSG', 'MERGE_MODE', 'AUTO_MERGE'];

/** What the backup remembers: where HEAD was, and each file the merge may write (whether it existed, its mode). */
interface BackupState {
  head: string;
  branch: string;
  theirs: string;
  hadIndex: boolean;
  files: Array<{ path: string; existed: boolean; kind: 'file' | 'symlink' | 'none'; mode: number }>;
}

function backupDir(repo: Pick<Repo, 'gitdir'>): string {
  return path.join(repo.gitdir, MERGE_BACKUP_DIR);
}

/**
 * Remembers the state before a merge: HEAD, a copy of `.git/index` and the working copies of `paths`. The state
 * file is written last, so a backup without it is incomplete and never used.
 */
export async function saveMergeBackup(repo: Repo, state: { head: string; branch: string; theirs: string; paths: string[] }): Promise<void> {
  const dir = backupDir(repo);
  await fs.promises.rm(dir, { recursive: true, force: true });
  await fs.promises.mkdir(path.join(dir, 'files'), { recursive: true });
  const indexFile = path.join(repo.gitdir, 'index');
  const hadIndex = await fs.promises.copyFile(indexFile, path.join(dir, 'index')).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  const files: BackupState['files'] = [];
  for (const rel of state.paths) {
    const abs = path.join(repo.dir, ...rel.split('/'));
    const stat = await fs.promises.lstat(abs).catch(() => null);
    const copy = path.join(dir, 'files', ...rel.split('/'));
    if (stat?.isSymbolicLink()) {
      await fs.promises.mkdir(path.dirname(copy), { recursive: true });
      await fs.promises.writeFile(copy, await fs.promises.readlink(abs));
      files.push({ path: rel, existed: true, kind: 'symlink', mode: stat.mode });
    } else if (stat?.isFile()) {
      await fs.promises.mkdir(path.dirname(copy), { recursive: true });
      await fs.promises.copyFile(abs, copy);
      files.push({ path: rel, existed: true, kind: 'file', mode: stat.mode });
    } else {
      files.push({ path: rel, existed: false, kind: 'none', mode: 0 });
    }
  }
  const body: BackupState = { head: state.head, branch: state.branch, theirs: state.theirs, hadIndex, files };
  const tmp = path.join(dir, 'state.json.tmp');
  await fs.promises.writeFile(tmp, JSON.stringify(body));
  await fs.promises.rename(tmp, path.join(dir, 'state.json'));
}

async function readBackup(repo: Repo): Promise<BackupState | null> {
  const text = await fs.promises.readFile(path.join(backupDir(repo), 'state.json'), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    return JSON.parse(text) as BackupState;
  } catch {
    return null;
  }
}

/** Drops a backup no merge needs any more (the merge was committed or aborted by another tool). */
export async function dropStaleMergeBackup(repo: Repo): Promise<void> {
  const mergeHead = await exists(path.join(repo.gitdir, 'MERGE_HEAD'));
  if (!mergeHead) await fs.promises.rm(backupDir(repo), { recursive: true, force: true });
}

async function exists(p: string): Promise<boolean> {
  return fs.promises.lstat(p).then(
    () => true,
    () => false,
  );
}

/** Puts everything back from the backup when one is complete (a pull's merge that failed half-way). */
export async function restoreMergeBackupIfAny(repo: Repo): Promise<void> {
  const state = await readBackup(repo);
  if (state) await restoreMergeBackup(repo, state);
  else await fs.promises.rm(backupDir(repo), { recursive: true, force: true });
}

/** Restores the state a pull's backup remembers, then removes the merge's files and the backup. */
async function restoreMergeBackup(repo: Repo, state: BackupState): Promise<void> {
  const dir = backupDir(repo);
  for (const file of state.files) {
    const abs = path.join(repo.dir, ...file.path.split('/'));
    const copy = path.join(dir, 'files', ...file.path.split('/'));
    await fs.promises.rm(abs, { recursive: true, force: true });
    if (file.kind === 'none') {
      await pruneEmptyParents(repo.dir, path.posix.dirname(file.path));
      continue;
    }
    await fs.promises.mkdir(path.dirname(abs), { recursive: true });
    if (file.kind === 'symlink') {
      await fs.promises.symlink(await fs.promises.readFile(copy, 'utf8'), abs);
    } else {
      await fs.promises.copyFile(copy, abs);
      await fs.promises.chmod(abs, file.mode & 0o7777);
    }
  }
  const indexFile = path.join(repo.gitdir, 'index');
  if (state.hadIndex) {
    const tmp = `${indexFile}.pressroom-restore`;
    await fs.promises.copyFile(path.join(dir, 'index'), tmp);
    await fs.promises.rename(tmp, indexFile);
  } else {
    await fs.promises.rm(indexFile, { force: true });
  }
  if ((await readBranch(repo)) === state.branch && (await readHeadOid(repo)) !== state.head) {
    await git.writeRef({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, ref: `refs/heads/${state.branch}`, value: state.head, force: true });
  }
  await removeMergeFiles(repo);
  await fs.promises.rm(dir, { recursive: true, force: true });
}

/** Removes MERGE_HEAD, MERGE_MSG and the rest of a merge's marker files, as an abort or the finished merge commit does. */
export async function removeMergeFiles(repo: Pick<Repo, 'gitdir'>): Promise<void> {
  await Promise.all(MERGE_FILES.map((f) => fs.promises.rm(path.join(repo.gitdir, f), { force: true })));
}

/**
 * `git merge --abort` without a backup: every path whose index entry differs from HEAD (conflicted ones included)
 * gets HEAD's version back in the index and the working copy; files changed only in the working copy are kept.
 */
async function resetMergeToHead(repo: Repo): Promise<void> {
  const head = await readHeadOid(repo);
  if (!head) throw new AppFailure('not-supported', 'This merge has no commit to go back to; undo it with git in a terminal.');
  const args = engine(repo);
  const changed = await indexDifferences(repo, head);
  for (const [filepath, headEntry] of changed) {
    const abs = path.join(repo.dir, ...filepath.split('/'));
    await fs.promises.rm(abs, { recursive: true, force: true });
    if (!headEntry) {
      await git.remove({ ...args, filepath });
      await pruneEmptyParents(repo.dir, path.posix.dirname(filepath));
      continue;
    }
    await fs.promises.mkdir(path.dirname(abs), { recursive: true });
    const { blob } = await git.readBlob({ ...args, oid: headEntry.oid });
    if (headEntry.mode === '120000') await fs.promises.symlink(Buffer.from(blob).toString('utf8'), abs);
    else await fs.promises.writeFile(abs, blob, { mode: headEntry.mode === '100755' ? 0o755 : 0o644 });
    await git.remove({ ...args, filepath });
    await git.add({ ...args, filepath, force: true });
  }
  await removeMergeFiles(repo);
}

/** Paths whose index entries (any stage) differ from HEAD's tree, with HEAD's entry (null when HEAD lacks the path). */
async function indexDifferences(repo: Repo, head: string): Promise<Map<string, { oid: string; mode: string } | null>> {
  const args = engine(repo);
  const out = new Map<string, { oid: string; mode: string } | null>();
  await git.walk({
    ...args,
    trees: [git.TREE({ ref: head }), git.STAGE()],
    map: async (filepath, [tree, stage]) => {
      if (filepath === '.') return true;
      const treeType = tree ? await tree.type() : null;
      const stageType = stage ? await stage.type() : null;
      if (treeType === 'tree' || stageType === 'tree') return true;
      const headEntry = treeType === 'blob' ? { oid: await tree!.oid(), mode: (await tree!.mode()).toString(8) } : null;
      const stageOid = stageType ? await stage!.oid() : null;
      const stageMode = stageType ? (await stage!.mode()).toString(8) : null;
      if (headEntry?.oid !== stageOid || headEntry?.mode !== stageMode) out.set(filepath, headEntry);
      return true;
    },
  });
  for (const filepath of await unmergedPaths(repo)) {
    if (out.has(filepath)) continue;
    const entry = await git
      .readTree({ ...args, oid: head, filepath: path.posix.dirname(filepath) === '.' ? undefined : path.posix.dirname(filepath) })
      .then((t) => t.tree.find((e) => e.path === path.posix.basename(filepath)))
      .catch(() => undefined);
    out.set(filepath, entry && entry.type === 'blob' ? { oid: entry.oid, mode: entry.mode } : null);
  }
  return out;
}

/** Paths with conflict stages (1–3) in the index, read from the index file itself. */
async function unmergedPaths(repo: Repo): Promise<string[]> {
  const buf = await fs.promises.readFile(path.join(repo.gitdir, 'index')).catch(() => null);
  if (!buf || buf.toString('latin1', 0, 4) !== 'DIRC') return [];
  const version = buf.readUInt32BE(4);
  const count = buf.readUInt32BE(8);
  if (version !== 2 && version !== 3) return [];
  const out = new Set<string>();
  let at = 12;
  for (let i = 0; i < count && at + 62 <= buf.length; i++) {
    const flags = buf.readUInt16BE(at + 60);
    const extended = version === 3 && (flags & 0x4000) !== 0;
    const nameStart = at + 62 + (extended ? 2 : 0);
    const nameEnd = buf.indexOf(0, nameStart);
    if (nameEnd < 0) break;
    if ((flags >> 12) & 0x3) out.add(buf.toString('utf8', nameStart, nameEnd));
    const entryLength = nameEnd - at + 1;
    at += Math.ceil(entryLength / 8) * 8;
  }
  return [...out];
}

/** Aborts the unfinished merge: exactly back to before the pull when it kept a backup, else as `git merge --abort`. */
export async function abortMerge(repo: Repo): Promise<void> {
  await withRepoLock(repo, async () => {
    const inMerge = await exists(path.join(repo.gitdir, 'MERGE_HEAD'));
    const backup = inMerge ? await readBackup(repo) : null;
    if (!inMerge) {
      await fs.promises.rm(backupDir(repo), { recursive: true, force: true });
      throw new AppFailure('not-found', 'There is no unfinished merge to abort.');
    }
    if (backup) await restoreMergeBackup(repo, backup);
    else await resetMergeToHead(repo);
  });
}
