/**
 * Renames a release and its translations together while they are not committed yet, so the file name follows the
 * title. Each file keeps its folder; nothing is ever renamed over another file; a symlinked translation is pointed
 * at its original's new name; when one rename fails, those done are undone, so the pair never ends up half renamed.
 * A file the repository's last commit has is refused: renaming it would change the address it is published at.
 */
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { AppFailure, messageOf } from '../../../shared/contract/errors';
import { draftSlugOfFileName, parsePostFileName, postKindOfPath } from '../../../shared/site/conventions';
import { translationPath } from '../../../shared/site/post-pairs';
import { isValidSlug } from '../../../shared/site/post-path';
import type { SiteConfig } from '../../../shared/site/site-config-model';
import { writeFailure } from '../documents';
import { HeadTrees, openRepo, readHeadOid } from '../git';
import { normalizeRel, resolveInside } from '../paths';

/** One file to rename: site-relative paths, the same folder. */
export interface PostMove {
  from: string;
  to: string;
}

/** The file-system calls a rename makes; tests pass one that fails halfway to prove nothing stays half done. */
export type RenameFs = Pick<typeof nodeFs, 'rename' | 'symlink' | 'unlink'>;

/** A checked move: where the file really is and, for a symlink, what it says and what its new text will be. */
interface Plan {
  from: string;
  to: string;
  fromAbs: string;
  toAbs: string;
  /** The link's text, or null for a plain file. */
  link: string | null;
  /** The new text of a link whose original is renamed too (null: the link is only renamed). */
  newLink: string | null;
  /** The same file as an earlier move, reached through a linked folder: renamed by that move. */
  alias: boolean;
}

const invalid = (message: string) => new AppFailure('invalid-arguments', message);
const lstatOrNull = (abs: string) => nodeFs.lstat(abs).catch(() => null);
const realOrNull = (abs: string) => nodeFs.realpath(abs).catch(() => null);

/** True when something other than the file itself is at `abs` (on a case-insensitive disk, `A.md` → `a.md` finds the file itself). */
async function takenByOther(abs: string, self: string): Promise<boolean> {
  const [there, own] = await Promise.all([lstatOrNull(abs), lstatOrNull(self)]);
  const itself = own !== null && there !== null && there.ino === own.ino && there.dev === own.dev && abs.toLowerCase() === self.toLowerCase();
  return there !== null && !itself;
}

/** Checks a new name is one Jekyll reads as the same kind of post (`YYYY-MM-DD-slug.md` in `_posts`) with a safe slug. */
function checkNewName(to: string): void {
  const kind = postKindOfPath(to);
  const name = to.slice(to.lastIndexOf('/') + 1);
  const ext = name.slice(name.lastIndexOf('.'));
  const slug = kind === 'post' ? parsePostFileName(name)?.slug : kind === 'draft' ? draftSlugOfFileName(name) : null;
  if (!slug || !isValidSlug(slug) || !/^\.(md|markdown|html)$/i.test(ext)) {
    throw invalid(`"${name.slice(0, 120)}" is not a post file name like 2024-05-01-title.md.`);
  }
}

/** Checks one move and finds its files; throws before anything is renamed. */
async function planMove(realRoot: string, move: PostMove): Promise<Plan> {
  const from = normalizeRel(move.from);
  const to = normalizeRel(move.to);
  const folder = (rel: string) => rel.slice(0, Math.max(0, rel.lastIndexOf('/')));
  if (folder(from) !== folder(to)) throw invalid(`A rename keeps the file in its folder: ${to} is not in ${folder(from) || 'the site folder'}.`);
  if (postKindOfPath(from) === null) throw invalid(`${from} is not a post.`);
  checkNewName(to);
  const realDir = await resolveInside(realRoot, folder(from));
  const fromAbs = path.join(realDir, path.basename(from));
  const toAbs = path.join(realDir, path.basename(to));
  const stat = await lstatOrNull(fromAbs);
  if (!stat || stat.isDirectory()) throw new AppFailure('not-found', `${from} does not exist in the site.`, { path: from });
  if (from !== to && (await takenByOther(toAbs, fromAbs))) throw new AppFailure('exists', `${to} already exists; nothing was renamed. Choose another title.`, { path: to });
  return { from, to, fromAbs, toAbs, link: stat.isSymbolicLink() ? await nodeFs.readlink(fromAbs) : null, newLink: null, alias: false };
}

/** Symlinked translations of a renamed original that the caller did not name: they are renamed with it, or they would dangle. */
async function linkedTranslations(realRoot: string, plans: readonly Plan[], languages: readonly string[]): Promise<PostMove[]> {
  const named = new Set(plans.map((p) => p.from));
  const out: PostMove[] = [];
  for (const plan of plans) {
    if (plan.link !== null) continue;
    const real = await realOrNull(plan.fromAbs);
    for (const lang of languages) {
      const from = translationPath(plan.from, lang);
      const to = translationPath(plan.to, lang);
      if (!from || !to || named.has(from)) continue;
      const abs = path.join(realRoot, ...from.split('/'));
      if (!(await lstatOrNull(abs))?.isSymbolicLink() || (await realOrNull(abs)) !== real) continue;
      named.add(from);
      out.push({ from, to });
    }
  }
  return out;
}

/** Refuses files the repository's last commit has; a site outside a repository, or before its first commit, is free. */
async function refuseCommitted(realRoot: string, plans: readonly Plan[]): Promise<void> {
  let trees: HeadTrees;
  let dir: string;
  try {
    const repo = await openRepo(realRoot);
    const head = await readHeadOid(repo);
    if (!head) return;
    trees = new HeadTrees(repo, head);
    dir = repo.dir;
  } catch {
    return;
  }
  for (const plan of plans) {
    const inRepo = path.relative(dir, plan.fromAbs).split(path.sep).join('/');
    if (inRepo.startsWith('../') || !(await trees.entry(inRepo))) continue;
    throw new AppFailure('refused', `${plan.from} is already committed, so it keeps its name: renaming it would change the address it is published at.`, { path: plan.from });
  }
}

/** Moves of one file reached twice (a language folder linked to another's) rename it once; two new names for it are refused. */
function markAliases(plans: Plan[]): void {
  const first = new Map<string, Plan>();
  for (const plan of plans) {
    const earlier = first.get(plan.fromAbs);
    if (!earlier) first.set(plan.fromAbs, plan);
    else if (earlier.toAbs !== plan.toAbs) throw invalid(`${plan.from} and ${earlier.from} are one file, which cannot get two names.`);
    else plan.alias = true;
  }
}

/** The new text of each link whose original is renamed too: its last part follows the new name (relative stays relative). */
async function pointLinks(plans: Plan[]): Promise<void> {
  const byReal = new Map<string, Plan>();
  for (const plan of plans) if (plan.link === null) byReal.set((await realOrNull(plan.fromAbs)) ?? plan.fromAbs, plan);
  for (const plan of plans) {
    if (plan.link === null || plan.alias) continue;
    const original = byReal.get((await realOrNull(plan.fromAbs)) ?? '');
    if (!original || original.from === original.to) continue;
    const direct = path.resolve(path.dirname(plan.fromAbs), plan.link) === original.fromAbs;
    const slash = plan.link.lastIndexOf('/');
    plan.newLink = direct ? plan.link.slice(0, slash + 1) + path.basename(original.toAbs) : path.relative(path.dirname(plan.toAbs), original.toAbs).split(path.sep).join('/');
  }
}

/**
 * Renames posts (a release and its translations) in their folders and returns their new site-relative paths.
 * All or nothing: checked first (names, folders, existing files, commits), then renamed; a failure undoes what was done.
 */
export async function renamePosts(root: string, config: Pick<SiteConfig, 'languages'>, moves: readonly PostMove[], io: { fs?: RenameFs } = {}): Promise<{ paths: string[] }> {
  const fs = io.fs ?? nodeFs;
  if (moves.length === 0) throw invalid('Name at least one post to rename.');
  const realRoot = await resolveInside(root, '.');
  const plans: Plan[] = [];
  for (const move of moves) plans.push(await planMove(realRoot, move));
  for (const move of await linkedTranslations(realRoot, plans, config.languages)) plans.push(await planMove(realRoot, move));
  const froms = new Set(plans.map((p) => p.from));
  const tos = new Set(plans.map((p) => p.to));
  if (froms.size !== plans.length || tos.size !== plans.length) throw invalid('A post is named twice in one rename.');
  for (const plan of plans) if (plan.from !== plan.to && froms.has(plan.to)) throw invalid(`${plan.to} is renamed itself in the same step; rename one at a time.`);
  markAliases(plans);
  await refuseCommitted(realRoot, plans);
  await pointLinks(plans);
  const undo: Array<() => Promise<unknown>> = [];
  // Plain files (and links that keep their text) first, so a re-pointed link is made where its original already is.
  const ordered = [...plans.filter((p) => p.newLink === null), ...plans.filter((p) => p.newLink !== null)];
  let current: Plan | null = null;
  try {
    for (const plan of ordered) {
      current = plan;
      if (plan.from === plan.to || plan.alias) continue;
      if (await takenByOther(plan.toAbs, plan.fromAbs)) throw new AppFailure('exists', `${plan.to} already exists.`, { path: plan.to });
      if (plan.newLink === null) {
        await fs.rename(plan.fromAbs, plan.toAbs);
        undo.push(() => fs.rename(plan.toAbs, plan.fromAbs));
        continue;
      }
      // A link is made anew at its new name (an existing name fails, never overwritten), then the old one goes.
      await fs.symlink(plan.newLink, plan.toAbs);
      undo.push(() => fs.unlink(plan.toAbs));
      if ((await realOrNull(plan.toAbs)) === null) throw new AppFailure('io', `The link ${plan.to} would lead nowhere.`, { path: plan.to });
      await fs.unlink(plan.fromAbs);
      const old = plan.link!;
      undo.push(() => fs.symlink(old, plan.fromAbs));
    }
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    const shown = current?.from ?? plans[0].from;
    const failure = writeFailure(error, shown);
    const message = error instanceof AppFailure ? error.message : `Could not rename ${shown}: ${messageOf(error)}.`;
    throw new AppFailure(failure.error.code, `${message} Nothing was renamed.`, { path: shown, ...(failure.error.retryable !== undefined ? { retryable: failure.error.retryable } : {}) });
  }
  return { paths: plans.map((p) => p.to) };
}
