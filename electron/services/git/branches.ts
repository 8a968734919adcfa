/**
 * Branches the way `git switch` keeps them: list them with their distance to upstream, create one from the latest
 * default branch, and switch, carrying uncommitted changes along and refusing before touching anything when a
 * changed file differs between the branches.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import type { GitBranch, GitBranches } from '../../../shared/contract/git-models';
import { branchNameProblem } from '../../../shared/git/branch-name';
import { compareCommits } from './commit-walk';
import { engine, git, type Repo, withRepoLock } from './git-engine';
import { aheadBehind, readBranch, readHeadOid, readOperation, readUpstream } from './repo-state';
import { readMatrix } from './status-matrix';
import { pruneEmptyParents } from './work-tree';

const REMOTE = 'origin';


/** The commit a ref points at, or null when it does not exist. */
export async function resolveOid(repo: Repo, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ ...engine(repo), ref });
  } catch {
    return null;
  }
}

/** The branch new branches start from: what `origin/HEAD` names, else main, else master, else the current one. */
export async function defaultBranchName(repo: Repo, current: string | null): Promise<string | null> {
  const symref = await fs.promises.readFile(path.join(repo.gitdir, 'refs', 'remotes', REMOTE, 'HEAD'), 'utf8').catch(() => '');
  const named = /^ref: refs\/remotes\/[^/]+\/(.+)$/m.exec(symref.trim());
  if (named) return named[1];
  for (const candidate of ['main', 'master']) {
    if ((await resolveOid(repo, `refs/heads/${candidate}`)) || (await resolveOid(repo, `refs/remotes/${REMOTE}/${candidate}`))) return candidate;
  }
  return current;
}

/**
 * Records a ref's move in its reflog (and HEAD's) as git does, so `git reflog`, `git switch -` and `@{1}` keep
 * working beside Pressroom. `who` defaults to the repository's user.
 */
export async function appendReflog(repo: Repo, refs: string[], from: string | null, to: string, message: string, who?: { name: string; email: string }): Promise<void> {
  const config = async (key: string): Promise<string | undefined> => (await git.getConfig({ ...engine(repo), path: key })) as string | undefined;
  const name = who?.name ?? (await config('user.name')) ?? 'Pressroom';
  const email = who?.email ?? (await config('user.email')) ?? 'pressroom@localhost';
  const now = new Date();
  const offset = -now.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  const line = `${from ?? '0'.repeat(40)} ${to} ${name} <${email}> ${Math.floor(now.getTime() / 1000)} ${zone}\t${message}\n`;
  for (const ref of refs) {
    const log = path.join(repo.gitdir, 'logs', ...ref.split('/'));
    // git (core.logAllRefUpdates, on in every working copy) keeps logs of HEAD and of every branch.
    if (ref === 'HEAD' || ref.startsWith('refs/heads/') || fs.existsSync(log)) {
      await fs.promises.mkdir(path.dirname(log), { recursive: true });
      await fs.promises.appendFile(log, line);
    }
  }
}

/** Where HEAD is, in the words git's reflog uses for a switch: the branch name, else the commit. */
async function headLabel(repo: Repo, head: string | null): Promise<string> {
  return (await readBranch(repo)) ?? head ?? 'nothing';
}

/** Fails with `in-progress` while a merge, rebase, cherry-pick, revert or bisect is unfinished: a switch then would lose it. */
async function assertNoOperation(repo: Repo): Promise<void> {
  const operation = await readOperation(repo);
  if (operation) throw new AppFailure('in-progress', `The repository is in the middle of a ${operation}; finish or abort it before changing branch.`);
}

/** Local branches with upstream and distance, the default branch, and `origin/x` branches with no local `x`. */
export async function listBranches(repo: Repo): Promise<GitBranches> {
  const current = await readBranch(repo);
  const names = (await git.listBranches(engine(repo))).sort();
  const local: GitBranch[] = [];
  for (const name of names) {
    const upstream = await readUpstream(repo, name);
    const tip = await resolveOid(repo, `refs/heads/${name}`);
    const { ahead, behind } = upstream && tip ? await aheadBehind(repo, tip, `refs/remotes/${upstream.remote}/${upstream.branch}`) : { ahead: 0, behind: 0 };
    local.push({ name, current: name === current, upstream: upstream ? `${upstream.remote}/${upstream.branch}` : null, ahead, behind });
  }
  const remote = await git.listBranches({ ...engine(repo), remote: REMOTE }).catch(() => [] as string[]);
  const remoteOnly = remote.filter((b) => b !== 'HEAD' && !names.includes(b)).map((b) => `${REMOTE}/${b}`).sort();
  return { current, defaultBranch: await defaultBranchName(repo, current), local, remoteOnly };
}

/** Creates branch `name` from `from` (or the latest default branch) and switches to it, carrying uncommitted changes along. */
export async function createBranch(repo: Repo, name: string, from?: string): Promise<void> {
  const problem = branchNameProblem(name);
  if (problem) throw new AppFailure('invalid-arguments', `"${name}" cannot be a branch name: ${problem}`);
  await withRepoLock(repo, async () => {
    await assertNoOperation(repo);
    if (await resolveOid(repo, `refs/heads/${name}`)) throw new AppFailure('exists', `A branch named "${name}" already exists.`);
    const head = await readHeadOid(repo);
    const start = from === undefined ? await defaultStart(repo) : await resolveStart(repo, from);
    if (!start) {
      if (head) throw new AppFailure('not-found', 'There is no commit to start the new branch from.');
      // No commits yet: like `git switch -c`, the new branch is simply the unborn one HEAD names.
      await git.writeRef({ ...engine(repo), ref: 'HEAD', value: `refs/heads/${name}`, symbolic: true, force: true });
      return;
    }
    const apply = await planSwitch(repo, head, start);
    const was = await headLabel(repo, head);
    await git.writeRef({ ...engine(repo), ref: `refs/heads/${name}`, value: start });
    await appendReflog(repo, [`refs/heads/${name}`], null, start, `branch: Created from ${from ?? 'the default branch'}`);
    await apply();
    await git.writeRef({ ...engine(repo), ref: 'HEAD', value: `refs/heads/${name}`, symbolic: true, force: true });
    await appendReflog(repo, ['HEAD'], head, start, `checkout: moving from ${was} to ${name}`);
  });
}

/** The commit `from` names: a local branch, a remote-tracking branch (`origin/x`), a tag or a commit id. */
async function resolveStart(repo: Repo, from: string): Promise<string> {
  for (const ref of [`refs/heads/${from}`, `refs/remotes/${from}`, `refs/tags/${from}`, from]) {
    const oid = await resolveOid(repo, ref);
    if (oid) return oid;
  }
  if (/^[0-9a-f]{4,40}$/i.test(from)) {
    const oid = await git.expandOid({ ...engine(repo), oid: from }).catch(() => null);
    if (oid) return oid;
  }
  throw new AppFailure('not-found', `There is no branch or commit "${from}" to start from.`);
}

/** The default branch's tip, or its remote-tracking tip when that has commits the local one lacks (and not the other way round). */
async function defaultStart(repo: Repo): Promise<string | null> {
  const name = await defaultBranchName(repo, await readBranch(repo));
  const localTip = name ? await resolveOid(repo, `refs/heads/${name}`) : null;
  const remoteTip = name ? await resolveOid(repo, `refs/remotes/${REMOTE}/${name}`) : null;
  if (remoteTip && (!localTip || (localTip !== remoteTip && (await compareCommits(repo, localTip, [remoteTip])).tipOnly.length === 0))) return remoteTip;
  return localTip ?? (await readHeadOid(repo));
}

/** Switches to local branch `name`, or to a new local branch tracking `origin/name`, carrying uncommitted changes along. */
export async function switchBranch(repo: Repo, name: string): Promise<void> {
  await withRepoLock(repo, async () => {
    await assertNoOperation(repo);
    let localName = name;
    let tip = await resolveOid(repo, `refs/heads/${name}`);
    let tracking: { remote: string; branch: string } | null = null;
    if (!tip) {
      // `origin/x` (as `remoteOnly` lists it) or a plain `x` that only the remote has.
      const slash = name.indexOf('/');
      const asRemote = slash > 0 ? await resolveOid(repo, `refs/remotes/${name}`) : null;
      if (asRemote && !(await resolveOid(repo, `refs/heads/${name.slice(slash + 1)}`))) {
        tracking = { remote: name.slice(0, slash), branch: name.slice(slash + 1) };
        tip = asRemote;
      } else {
        tip = await resolveOid(repo, `refs/remotes/${REMOTE}/${name}`);
        if (tip) tracking = { remote: REMOTE, branch: name };
      }
      if (tracking) localName = tracking.branch;
      else if (asRemote) {
        localName = name.slice(slash + 1);
        tip = await resolveOid(repo, `refs/heads/${localName}`);
      }
    }
    if (!tip) throw new AppFailure('not-found', `There is no branch "${name}" here or on ${REMOTE}.`);
    if (localName === (await readBranch(repo))) return;
    const head = await readHeadOid(repo);
    const apply = await planSwitch(repo, head, tip);
    const was = await headLabel(repo, head);
    if (tracking) {
      await git.writeRef({ ...engine(repo), ref: `refs/heads/${localName}`, value: tip });
      await appendReflog(repo, [`refs/heads/${localName}`], null, tip, `branch: Created from ${tracking.remote}/${tracking.branch}`);
      await git.setConfig({ ...engine(repo), path: `branch.${localName}.remote`, value: tracking.remote });
      await git.setConfig({ ...engine(repo), path: `branch.${localName}.merge`, value: `refs/heads/${tracking.branch}` });
    }
    await apply();
    await git.writeRef({ ...engine(repo), ref: 'HEAD', value: `refs/heads/${localName}`, symbolic: true, force: true });
    await appendReflog(repo, ['HEAD'], head, tip, `checkout: moving from ${was} to ${localName}`);
  });
}

interface TreeEntry {
  oid: string;
  mode: string;
}

interface TreeChange {
  before: TreeEntry | null;
  after: TreeEntry | null;
}

/** Every file that differs between two trees (oid or mode), skipping identical subtrees unread. */
async function diffTrees(repo: Repo, a: string | null, b: string | null, prefix: string, out: Map<string, TreeChange>): Promise<void> {
  if (a === b) return;
  const read = async (oid: string | null): Promise<Map<string, { oid: string; mode: string; type: string }>> =>
    new Map(oid ? (await git.readTree({ ...engine(repo), oid })).tree.map((e) => [e.path, e]) : []);
  const [left, right] = await Promise.all([read(a), read(b)]);
  for (const name of new Set([...left.keys(), ...right.keys()])) {
    const l = left.get(name);
    const r = right.get(name);
    if (l && r && l.oid === r.oid && l.mode === r.mode) continue;
    const full = prefix + name;
    const lTree = l?.type === 'tree' ? l.oid : null;
    const rTree = r?.type === 'tree' ? r.oid : null;
    if (lTree || rTree) await diffTrees(repo, lTree, rTree, `${full}/`, out);
    const lBlob = l?.type === 'blob' ? { oid: l.oid, mode: l.mode } : null;
    const rBlob = r?.type === 'blob' ? { oid: r.oid, mode: r.mode } : null;
    if (lBlob || rBlob) out.set(full, { before: lBlob, after: rBlob });
  }
}

async function treeOf(repo: Repo, commit: string | null): Promise<string | null> {
  if (!commit) return null;
  return (await git.readCommit({ ...engine(repo), oid: commit })).commit.tree;
}

/**
 * Checks that moving the working copy from commit `from` to `to` overwrites no uncommitted change (as `git switch`
 * checks) and returns the step that does it; throws `conflict` naming the files before anything was touched.
 */
export async function planSwitch(repo: Repo, from: string | null, to: string): Promise<() => Promise<void>> {
  const changes = new Map<string, TreeChange>();
  await diffTrees(repo, await treeOf(repo, from), await treeOf(repo, to), '', changes);
  if (changes.size === 0) return async () => {};
  const paths = [...changes.keys()];
  const rows = new Map<string, number[]>();
  for (const [file, head, workdir, stage] of await readMatrix(repo, paths)) rows.set(file, [head, workdir, stage]);
  const conflicts = new Set<string>();
  const removedClean = (p: string): boolean => changes.get(p)?.after === null && !conflicts.has(p);
  for (const [file, change] of changes) {
    const row = rows.get(file);
    if (change.before) {
      // Tracked now: only a file without local changes (working copy and index equal to HEAD) may be replaced.
      if (!row || row[1] !== 1 || row[2] !== 1) conflicts.add(file);
    } else if (row) {
      conflicts.add(file); // an untracked or newly staged file where the branch has one
    }
  }
  for (const [file, change] of changes) {
    if (!change.after) continue;
    // A folder of files the switch does not remove where the branch has a file, or a file where it needs a folder.
    for (const key of rows.keys()) if (key.startsWith(`${file}/`) && !removedClean(key)) conflicts.add(key);
    for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) {
      const stat = await fs.promises.lstat(path.join(repo.dir, dir)).catch(() => null);
      if (stat && !stat.isDirectory() && !removedClean(dir)) conflicts.add(dir);
    }
  }
  if (conflicts.size > 0) {
    const list = [...conflicts].sort();
    throw new AppFailure('conflict', `Switching would overwrite uncommitted changes in ${list.length === 1 ? list[0] : `${list.length} files`}; commit them first.`, { paths: list });
  }
  return async () => {
    const written: string[] = [];
    for (const [file, change] of changes) {
      if (change.after) continue;
      await fs.promises.rm(path.join(repo.dir, file), { force: true });
      await git.remove({ ...engine(repo), filepath: file });
      await pruneEmptyParents(repo.dir, path.posix.dirname(file));
    }
    for (const [file, change] of changes) {
      if (!change.after) continue;
      const abs = path.join(repo.dir, file);
      await fs.promises.rm(abs, { force: true, recursive: true });
      await fs.promises.mkdir(path.dirname(abs), { recursive: true });
      const { blob } = await git.readBlob({ ...engine(repo), oid: change.after.oid });
      if (change.after.mode === '120000') await fs.promises.symlink(Buffer.from(blob).toString('utf8'), abs);
      else await fs.promises.writeFile(abs, blob, { mode: change.after.mode === '100755' ? 0o755 : 0o644 });
      written.push(file);
    }
    if (written.length > 0) await git.add({ ...engine(repo), filepath: written, force: true });
  };
}
