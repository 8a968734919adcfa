/**
 * A full status read in one pass over the index, HEAD's tree and the working tree, hashing only files whose
 * stat data no longer matches the index (as `git status` does): several times cheaper than statusMatrix's
 * three-way walk on a large site, and read-only (the index is never rewritten). Returns null when the
 * repository needs the walk (an index format not parsed here, or an unfinished merge's conflicts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { git, gitFs, type Repo } from './git-engine';
import { readHeadOid } from './repo-state';
import type { StatusRow } from './status-matrix';
import { hashWorkdir, type IndexEntry, type IndexSnapshot, readIndexSnapshot } from './status-rows';

const GITLINK = 0o160000;

/** HEAD's files (path → blob oid), its folders, and submodule entries, read in one tree walk. */
async function readHeadFiles(repo: Repo): Promise<{ files: Map<string, string>; folders: Set<string>; gitlinks: Set<string> }> {
  const files = new Map<string, string>();
  const folders = new Set<string>();
  const gitlinks = new Set<string>();
  const headOid = await readHeadOid(repo);
  if (headOid) {
    await git.walk({
      fs: gitFs,
      dir: repo.dir,
      gitdir: repo.gitdir,
      cache: repo.cache,
      trees: [git.TREE({ ref: headOid })],
      map: async (filepath, [entry]) => {
        if (filepath === '.') return true;
        const type = await entry!.type();
        if (type === 'tree') {
          folders.add(filepath);
          return true;
        }
        if (type === 'blob') files.set(filepath, await entry!.oid());
        else gitlinks.add(filepath);
        return null;
      },
    });
  }
  return { files, folders, gitlinks };
}

/** Whether a file's stat still matches its index entry ('same': its content is the staged blob), or matches but was written in the index's own second ('racy': only its content can tell). */
function statState(entry: IndexEntry, st: fs.Stats, index: IndexSnapshot): 'same' | 'racy' | 'changed' {
  const type = st.isSymbolicLink() ? 0o120000 : 0o100000;
  const same =
    (entry.mode & 0o170000) === type &&
    Math.floor(st.mtimeMs / 1000) === entry.mtimeSeconds &&
    Math.floor(st.ctimeMs / 1000) === entry.ctimeSeconds &&
    st.size === entry.size &&
    st.ino % 2 ** 32 === entry.ino;
  if (!same) return 'changed';
  return entry.mtimeSeconds < index.mtimeSeconds ? 'same' : 'racy';
}

/**
 * Past this many bytes of "racy" files (a checkout or clone writes files and index in the same second), hashing
 * them all on every full read costs more than the walk, which trusts their stat data as isomorphic-git does.
 */
const MAX_RACY_BYTES = 16 * 1024 * 1024;

/** Every status row of the repository (unchanged files included, as statusMatrix gives them), or null when only the walk can tell. */
export async function readAllRowsFast(repo: Repo, onFile?: (filepath: string) => void): Promise<StatusRow[] | null> {
  const index = await readIndexSnapshot(repo);
  if (!index) return null;
  for (const entry of index.entries.values()) if (entry.unmerged) return null;
  const head = await readHeadFiles(repo);
  const isIgnored = (filepath: string): Promise<boolean> => git.isIgnored({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, filepath });

  const workdir = new Map<string, fs.Stats>();
  const visit = async (rel: string): Promise<void> => {
    const abs = rel ? path.join(repo.dir, ...rel.split('/')) : repo.dir;
    const dirents = await fs.promises.readdir(abs, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      dirents.map(async (d) => {
        if (d.name === '.git') return;
        const p = rel ? `${rel}/${d.name}` : d.name;
        if (d.isDirectory()) {
          if (head.gitlinks.has(p) || index.entries.get(p)?.mode === GITLINK) return;
          const tracked = index.folders.has(p) || head.folders.has(p);
          if (!tracked && (await isIgnored(p))) return;
          await visit(p);
        } else if (d.isFile() || d.isSymbolicLink()) {
          const st = await fs.promises.lstat(path.join(abs, d.name)).catch(() => null);
          if (st) workdir.set(p, st);
        }
      }),
    );
  };
  await visit('');

  const states = new Map<string, 'same' | 'racy' | 'changed'>();
  let racyBytes = 0;
  for (const [p, st] of workdir) {
    const staged = index.entries.get(p);
    if (!staged) continue;
    const state = statState(staged, st, index);
    states.set(p, state);
    if (state === 'racy') racyBytes += st.size;
  }
  if (racyBytes > MAX_RACY_BYTES) return null;

  const rows: StatusRow[] = [];
  const paths = new Set([...index.entries.keys(), ...head.files.keys(), ...workdir.keys()]);
  for (const p of paths) {
    onFile?.(p);
    const staged = index.entries.get(p);
    if (staged?.mode === GITLINK || head.gitlinks.has(p)) continue;
    const headOid = head.files.get(p);
    const stageOid = staged?.oid;
    const st = workdir.get(p);
    let workdirOid: string | undefined;
    if (st) {
      if (!headOid && !stageOid) {
        if (!(await isIgnored(p))) rows.push([p, 0, 2, 0]);
        continue;
      }
      workdirOid = states.get(p) === 'same' ? stageOid : await hashWorkdir(path.join(repo.dir, ...p.split('/')), st.isSymbolicLink());
    }
    const entry = [undefined, headOid, workdirOid, stageOid];
    rows.push([p, entry.indexOf(headOid), entry.indexOf(workdirOid), entry.indexOf(stageOid)]);
  }
  return rows;
}
