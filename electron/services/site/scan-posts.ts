/**
 * Builds the post list of a site: walks `_posts`, `_drafts` and `_i18n/<lang>/_posts|_drafts` at any depth,
 * reads only the head of each file for its front matter, and marks symlinked translations. Read-only.
 */
import { type Dirent, promises as fs } from 'node:fs';
import path from 'node:path';
import type { PostEntry } from '../../../shared/contract/models';
import { AppFailure } from '../../../shared/contract/errors';
import { draftSlugOfFileName, isIgnoredName, languageOfPath, normalizeDate, parsePostFileName, postKindOfPath } from '../../../shared/site/conventions';
import type { SiteConfig } from '../../../shared/site/site-config-model';
import { isInside, normalizeRel, resolveInside } from '../paths';
import { HEAD_BYTES, readPostFileHead } from './front-matter-head';

/** How much of each post the list reads (re-exported for the schema sampler and the tests). */
export { HEAD_BYTES };
/** Longest stretch of reading before the scan lets other work (calls, events) run. */
const SLICE_MS = 12;
/** Folders deeper than this below a posts folder are not walked (a guard against odd link farms). */
const MAX_DEPTH = 32;
/** Folders walked at most per scan, for the same reason. */
const MAX_FOLDERS = 100_000;

/** A post file found by the walk, before its head is read. */
interface Candidate {
  rel: string;
  abs: string;
  kind: 'post' | 'draft';
  fileName: string;
  /** Site-relative real path when the post is reached through a symlink; null for a plain file. */
  target: string | null;
  /** Set when the link cannot be followed safely; the post is listed with this error. */
  linkError: string | null;
}

function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/** The folders posts live in, with their kind: root `_posts`/`_drafts` and those of every configured language. */
function startFolders(languages: readonly string[]): Array<{ rel: string; kind: 'post' | 'draft' }> {
  const out: Array<{ rel: string; kind: 'post' | 'draft' }> = [
    { rel: '_posts', kind: 'post' },
    { rel: '_drafts', kind: 'draft' },
  ];
  for (const lang of languages) {
    if (lang.includes('/') || lang.includes('\\') || lang === '.' || lang === '..') continue;
    out.push({ rel: `_i18n/${lang}/_posts`, kind: 'post' }, { rel: `_i18n/${lang}/_drafts`, kind: 'draft' });
  }
  return out;
}

function isPostName(name: string, kind: 'post' | 'draft'): boolean {
  return kind === 'post' ? parsePostFileName(name) !== null : draftSlugOfFileName(name) !== null;
}

async function realpathOrNull(abs: string): Promise<string | null> {
  try {
    return await fs.realpath(abs);
  } catch {
    return null;
  }
}

/** The candidate of a plain file at `rel` whose real path is `real` (not `rel` itself when a folder on the way is a link). */
function fileCandidate(realRoot: string, rel: string, kind: 'post' | 'draft', real: string): Candidate {
  const abs = path.join(realRoot, rel);
  return { rel, abs, kind, fileName: path.basename(abs), target: real === abs ? null : toRel(realRoot, real), linkError: null };
}

/** The candidate of a symlinked post at `rel` leading to `real` (null when it leads nowhere); a link out of the site is listed with its error. */
function linkCandidate(realRoot: string, rel: string, kind: 'post' | 'draft', real: string | null): Candidate {
  let linkError: string | null = null;
  if (real === null) linkError = 'The symlink leads nowhere (its target is missing).';
  else if (!isInside(realRoot, real)) linkError = 'The symlink leads outside the site, so it is not read.';
  const target = real !== null && linkError === null ? toRel(realRoot, real) : null;
  const abs = path.join(realRoot, rel);
  return { rel, abs, kind, fileName: path.basename(abs), target, linkError };
}

/** What one scan's walk shares: the real site root, the results and a budget of folders. */
interface WalkState {
  realRoot: string;
  out: Candidate[];
  folders: number;
}

/**
 * Walks one posts folder; `realDir` is where the folder really is, so links below it are recognised.
 * `ancestors` holds the real folders above, so a link back up is not followed round in circles.
 */
async function walk(state: WalkState, rel: string, realDir: string, kind: 'post' | 'draft', ancestors: readonly string[]): Promise<void> {
  if (ancestors.length > MAX_DEPTH || ancestors.includes(realDir) || state.folders >= MAX_FOLDERS) return;
  state.folders++;
  const { realRoot, out } = state;
  const below = [...ancestors, realDir];
  let entries: Dirent[];
  try {
    entries = await fs.readdir(realDir, { withFileTypes: true });
  } catch {
    return;
  }
  const subfolders: Array<Promise<void>> = [];
  for (const entry of entries) {
    const name = entry.name;
    if (isIgnoredName(name)) continue;
    const childRel = `${rel}/${name}`;
    const abs = path.join(realRoot, childRel);
    if (entry.isDirectory()) {
      subfolders.push(walk(state, childRel, path.join(realDir, name), kind, below));
    } else if (entry.isFile()) {
      if (!isPostName(name, kind)) continue;
      out.push(fileCandidate(realRoot, childRel, kind, path.join(realDir, name)));
    } else if (entry.isSymbolicLink()) {
      const real = await realpathOrNull(abs);
      if (real !== null && isInside(realRoot, real)) {
        const stat = await fs.stat(real).catch(() => null);
        if (stat?.isDirectory()) {
          subfolders.push(walk(state, childRel, real, kind, below));
          continue;
        }
      }
      if (!isPostName(name, kind)) continue;
      out.push(linkCandidate(realRoot, childRel, kind, real));
    }
  }
  await Promise.all(subfolders);
}

/** Finds every post file of the site, without reading any. */
async function findCandidates(realRoot: string, config: SiteConfig): Promise<Candidate[]> {
  const state: WalkState = { realRoot, out: [], folders: 0 };
  await Promise.all(
    startFolders(config.languages).map(async ({ rel, kind }) => {
      const real = await realpathOrNull(path.join(realRoot, rel));
      if (real === null || !isInside(realRoot, real)) return;
      const stat = await fs.stat(real).catch(() => null);
      if (!stat?.isDirectory()) return;
      await walk(state, rel, real, kind, []);
    }),
  );
  return state.out;
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Jekyll's categories: a list, or a string split on spaces; `category` comes first. */
function categoriesOf(data: Record<string, unknown>): string[] {
  const raw = data.categories;
  const items = Array.isArray(raw) ? raw.map(stringOf) : typeof raw === 'string' ? raw.split(/\s+/) : [stringOf(raw)];
  const out: string[] = [];
  const single = stringOf(data.category);
  for (const item of [single, ...items]) if (item && !out.includes(item)) out.push(item);
  return out;
}

/** Sites without `_i18n` folders name a post's language in its front matter (`lang:` or `language:`). */
function frontMatterLanguage(data: Record<string, unknown>, languages: readonly string[]): string | null {
  const value = stringOf(data.lang) ?? stringOf(data.language);
  if (!value) return null;
  return languages.length === 0 || languages.includes(value) ? value : null;
}

/** Builds the list entry from what was read; `data` is empty when the front matter could not be read. */
function entryOf(c: Candidate, data: Record<string, unknown>, error: string | null, size: number, languages: readonly string[]): PostEntry {
  const fromName = c.kind === 'post' ? parsePostFileName(c.fileName) : null;
  const slug = fromName?.slug ?? draftSlugOfFileName(c.fileName) ?? c.fileName;
  const fmDate = normalizeDate(data.date);
  const categories = categoriesOf(data);
  return {
    path: c.rel,
    title: stringOf(data.title) ?? slug,
    date: fmDate ?? fromName?.date ?? null,
    dateSource: fmDate ? 'front-matter' : fromName ? 'file-name' : 'none',
    slug,
    language: languageOfPath(c.rel, languages) ?? frontMatterLanguage(data, languages),
    category: categories[0] ?? null,
    categories,
    layout: stringOf(data.layout),
    draft: c.kind === 'draft' || data.published === false,
    symlinkTarget: c.target,
    symlinkLanguage: c.target !== null ? languageOfPath(c.target, languages) : null,
    error,
    size,
  };
}

/** Reads the head of one post into its entry; any failure becomes the entry's error. */
function readEntry(c: Candidate, buffer: Buffer, languages: readonly string[]): PostEntry {
  if (c.linkError) return entryOf(c, {}, c.linkError, 0, languages);
  const head = readPostFileHead(c.abs, buffer);
  return entryOf(c, head.data, head.error, head.size, languages);
}

/** Newest first; undated posts last; the path breaks ties so the order is stable. */
function comparePosts(a: PostEntry, b: PostEntry): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Lists every post and draft of a site, newest first. A post that cannot be read carries `error` and the
 * rest stays usable. Never writes. `onProgress` hears (done, total) while heads are read.
 */
export async function scanPosts(
  root: string,
  config: SiteConfig,
  onProgress?: (done: number, total: number | null) => void,
): Promise<PostEntry[]> {
  const realRoot = await fs.realpath(root);
  onProgress?.(0, null);
  const candidates = await findCandidates(realRoot, config);
  const total = candidates.length;
  onProgress?.(0, total);
  const entries: PostEntry[] = [];
  const buffer = Buffer.allocUnsafe(HEAD_BYTES);
  const step = Math.max(1, Math.floor(total / 50));
  let sliceStart = performance.now();
  for (const candidate of candidates) {
    entries.push(readEntry(candidate, buffer, config.languages));
    if (entries.length % step === 0 && entries.length < total) onProgress?.(entries.length, total);
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  onProgress?.(total, total);
  return entries.sort(comparePosts);
}

/**
 * One post's list entry exactly as `scanPosts` makes it (the same candidate and head reading), so the list can follow
 * a save or a rename without walking the site. `not-found` for a path that is not a post of the site; confined to it.
 */
export async function readPostEntry(root: string, config: SiteConfig, rel: string): Promise<PostEntry> {
  const normalized = normalizeRel(rel);
  const notAPost = () => new AppFailure('not-found', `${normalized || rel} is not a post of the site.`, { path: rel });
  const kind = postKindOfPath(normalized);
  const start = startFolders(config.languages).find((f) => normalized.startsWith(`${f.rel}/`));
  if (kind === null || !start || start.kind !== kind) throw notAPost();
  const realRoot = await fs.realpath(root);
  const slash = normalized.lastIndexOf('/');
  // The folder is confined by its real path; the file itself may be a link (listed with its error when it leads out).
  const realDir = await resolveInside(realRoot, normalized.slice(0, slash));
  const name = normalized.slice(slash + 1);
  const abs = path.join(realDir, name);
  const stat = await fs.lstat(abs).catch(() => null);
  let candidate: Candidate;
  if (stat?.isFile()) candidate = fileCandidate(realRoot, normalized, kind, abs);
  else if (stat?.isSymbolicLink()) {
    const real = await realpathOrNull(abs);
    if (real !== null && (await fs.stat(real).catch(() => null))?.isDirectory()) throw notAPost();
    candidate = linkCandidate(realRoot, normalized, kind, real);
  } else throw notAPost();
  return readEntry(candidate, Buffer.allocUnsafe(HEAD_BYTES), config.languages);
}
