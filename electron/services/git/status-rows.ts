/**
 * Status rows of single files at the cost of those files alone: HEAD's entry from cached trees, the index's entry
 * from one parse of `.git/index`, the working copy hashed. `git.statusMatrix({filepaths})` walks every sibling of
 * a file (a 1,000-post `_posts/` costs ~100 ms per saved post); this costs about one file. Anything unusual
 * (a folder, a conflict, an index format not parsed here) is handed back to the caller for statusMatrix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { git, gitFs, type Repo } from './git-engine';
import type { StatusRow } from './status-matrix';

/** What the index says of one path (with the stat data git compares to skip hashing unchanged files). */
export interface IndexEntry {
  oid: string;
  mode: number;
  ctimeSeconds: number;
  mtimeSeconds: number;
  ino: number;
  size: number;
  /** A conflict (stage 1–3 entries) left by a merge. */
  unmerged: boolean;
}

/** The index as a lookup: entries by path and every folder that has entries. */
export interface IndexSnapshot {
  entries: Map<string, IndexEntry>;
  folders: Set<string>;
  /** The index file's own modification time (seconds): a file changed in that second may look unchanged by stat ("racy git"). */
  mtimeSeconds: number;
}

const GITLINK = 0o160000;

/** Parses `.git/index` versions 2 and 3 (git's default); null for version 4, a sparse index or anything unexpected. */
export async function readIndexSnapshot(repo: Pick<Repo, 'gitdir'>): Promise<IndexSnapshot | null> {
  const file = path.join(repo.gitdir, 'index');
  const [buf, st] = await Promise.all([fs.promises.readFile(file).catch(() => null), fs.promises.stat(file).catch(() => null)]);
  const entries = new Map<string, IndexEntry>();
  const folders = new Set<string>();
  const mtimeSeconds = st ? Math.floor(st.mtimeMs / 1000) : 0;
  if (buf === null) return { entries, folders, mtimeSeconds };
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return null;
  const version = buf.readUInt32BE(4);
  if (version !== 2 && version !== 3) return null;
  const count = buf.readUInt32BE(8);
  let at = 12;
  for (let i = 0; i < count; i++) {
    if (at + 62 > buf.length) return null;
    const mode = buf.readUInt32BE(at + 24);
    const oid = buf.toString('hex', at + 40, at + 60);
    const flags = buf.readUInt16BE(at + 60);
    const extended = (flags & 0x4000) !== 0;
    if (extended && version < 3) return null;
    const extra = extended ? buf.readUInt16BE(at + 62) : 0;
    if (extra & 0x4000) return null; // skip-worktree (sparse checkout): leave it to isomorphic-git
    const nameStart = at + 62 + (extended ? 2 : 0);
    const nameEnd = buf.indexOf(0, nameStart);
    if (nameEnd < 0) return null;
    const filepath = buf.toString('utf8', nameStart, nameEnd);
    const unmerged = (flags & 0x3000) !== 0;
    const had = entries.get(filepath);
    entries.set(filepath, {
      oid: had && !had.unmerged ? had.oid : oid,
      mode,
      ctimeSeconds: buf.readUInt32BE(at),
      mtimeSeconds: buf.readUInt32BE(at + 8),
      ino: buf.readUInt32BE(at + 20),
      size: buf.readUInt32BE(at + 36),
      unmerged: unmerged || (had?.unmerged ?? false),
    });
    for (let slash = filepath.indexOf('/'); slash > 0; slash = filepath.indexOf('/', slash + 1)) folders.add(filepath.slice(0, slash));
    // Each entry is padded with 1–8 NULs to a multiple of 8 bytes (git's ondisk_ce_size).
    at += ((extended ? 64 : 62) + (nameEnd - nameStart) + 8) & ~7;
  }
  return { entries, folders, mtimeSeconds };
}

/** HEAD's trees, read once per folder while HEAD stays the same. */
export class HeadTrees {
  private readonly folders = new Map<string, Promise<Map<string, { oid: string; type: string }> | null>>();
  constructor(
    private readonly repo: Repo,
    readonly headOid: string | null,
  ) {}

  /** HEAD's entry at `filepath` (blob, tree or commit), or null. */
  async entry(filepath: string): Promise<{ oid: string; type: string } | null> {
    if (!this.headOid) return null;
    const slash = filepath.lastIndexOf('/');
    const folder = slash < 0 ? '' : filepath.slice(0, slash);
    let tree = this.folders.get(folder);
    if (!tree) {
      tree = git
        .readTree({ fs: gitFs, dir: this.repo.dir, gitdir: this.repo.gitdir, oid: this.headOid, ...(folder ? { filepath: folder } : {}), cache: this.repo.cache })
        .then((r) => new Map(r.tree.map((e) => [e.path, { oid: e.oid, type: e.type }])))
        .catch(() => null);
      this.folders.set(folder, tree);
    }
    return (await tree)?.get(filepath.slice(slash + 1)) ?? null;
  }
}

/** The blob oid git would give the working copy at `abs` (a symlink's target text for a link). */
export async function hashWorkdir(abs: string, isLink: boolean): Promise<string> {
  const object = isLink ? Buffer.from(await fs.promises.readlink(abs)) : await fs.promises.readFile(abs);
  return (await git.hashBlob({ object })).oid;
}

/**
 * The status row of one file exactly as statusMatrix would give it (null when it has none: gone everywhere,
 * ignored, a submodule), or 'walk' when only statusMatrix can answer (a folder, a conflict).
 */
export async function readFileRow(repo: Repo, index: IndexSnapshot, head: HeadTrees, filepath: string): Promise<StatusRow | null | 'walk'> {
  if (index.folders.has(filepath)) return 'walk';
  const staged = index.entries.get(filepath);
  if (staged?.unmerged) return 'walk';
  if (staged && staged.mode === GITLINK) return null;
  const inHead = await head.entry(filepath);
  if (inHead && inHead.type !== 'blob') return inHead.type === 'tree' ? 'walk' : null;
  const abs = path.join(repo.dir, ...filepath.split('/'));
  const st = await fs.promises.lstat(abs).catch(() => null);
  if (st?.isDirectory()) return 'walk';
  const onDisk = st !== null && (st.isFile() || st.isSymbolicLink());
  const headOid = inHead?.oid;
  const stageOid = staged?.oid;
  let workdirOid: string | undefined;
  if (onDisk) {
    if (!headOid && !stageOid) {
      if (await git.isIgnored({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, filepath })) return null;
      return [filepath, 0, 2, 0];
    }
    workdirOid = await hashWorkdir(abs, st.isSymbolicLink());
  }
  if (!headOid && !stageOid && !workdirOid) return null;
  const entry = [undefined, headOid, workdirOid, stageOid];
  return [filepath, entry.indexOf(headOid), entry.indexOf(workdirOid), entry.indexOf(stageOid)];
}

/** Paths whose index entry differs between two parses of the index (added, removed, other content or mode, conflict state). */
export function indexDifferences(before: IndexSnapshot, after: IndexSnapshot): string[] {
  const changed: string[] = [];
  for (const [p, a] of after.entries) {
    const b = before.entries.get(p);
    if (!b || b.oid !== a.oid || b.mode !== a.mode || b.unmerged !== a.unmerged) changed.push(p);
  }
  for (const p of before.entries.keys()) if (!after.entries.has(p)) changed.push(p);
  return changed;
}

/**
 * Files that differ between two commits' trees, skipping every folder whose tree is the same in both (so a
 * commit of one post costs that post's folders); null when more than `limit` differ (read everything instead).
 */
export async function treeDifferences(repo: Repo, from: string, to: string, limit = 500): Promise<string[] | null> {
  const changed: string[] = [];
  let tooMany = false;
  await git.walk({
    fs: gitFs,
    dir: repo.dir,
    gitdir: repo.gitdir,
    cache: repo.cache,
    trees: [git.TREE({ ref: from }), git.TREE({ ref: to })],
    map: async (filepath, [a, b]) => {
      if (tooMany) return null;
      const [aOid, bOid] = await Promise.all([a?.oid(), b?.oid()]);
      if (aOid === bOid) return null;
      const [aType, bType] = await Promise.all([a?.type(), b?.type()]);
      if (filepath !== '.' && (aType === 'blob' || bType === 'blob' || aType === 'commit' || bType === 'commit')) changed.push(filepath);
      if (changed.length > limit) tooMany = true;
      return aType === 'tree' || bType === 'tree' ? true : null;
    },
  });
  return tooMany ? null : changed;
}
