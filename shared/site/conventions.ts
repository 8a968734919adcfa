/**
 * Jekyll's naming conventions for posts, in one pure module so the scanner, the watcher and the renderer
 * agree on what a post is, which language it belongs to and which date it carries.
 */

/** File extensions Jekyll turns into posts here (lower-case, without the dot). */
export const POST_EXTENSIONS = ['md', 'markdown', 'html'] as const;

const POST_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.(md|markdown|html)$/i;
const DRAFT_NAME = /^(.+)\.(md|markdown|html)$/i;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Splits a post file name such as `2022-09-21-launch.md` into date and slug; null when Jekyll would not read it as a post. */
export function parsePostFileName(name: string): { date: string; slug: string } | null {
  const m = POST_NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, slug] = m;
  if (!isRealDate(Number(y), Number(mo), Number(d))) return null;
  return { date: `${y}-${mo}-${d}`, slug };
}

/** The slug of a draft (drafts carry no date in their name); null when the name is not a post file. */
export function draftSlugOfFileName(name: string): string | null {
  const m = DRAFT_NAME.exec(name);
  return m ? m[1] : null;
}

/** True for names Jekyll skips: hidden files, `_`/`#` prefixes and editor backups ending in `~`. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name.startsWith('#') || name.endsWith('~');
}

/**
 * The calendar date (YYYY-MM-DD) a front-matter `date` names. Strings keep the day as written (so
 * `2022-09-21 00:30:00 +0200` stays the 21st whatever the time zone); Date objects from YAML use UTC.
 */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const y = value.getUTCFullYear();
    if (y < 0 || y > 9999) return null;
    return `${pad(y, 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}`;
  }
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[\sT]|[+-]\d|Z)/i.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isRealDate(y, mo, d)) return null;
  return `${m[1]}-${pad(mo, 2)}-${pad(d, 2)}`;
}

/** Splits a site-relative path into segments, ignoring empty ones. */
function segmentsOf(rel: string): string[] {
  return rel.split('/').filter((s) => s !== '' && s !== '.');
}

/**
 * The language a post belongs to by where it lives: `_i18n/<lang>/_posts/**` (or `_drafts`) → `<lang>`
 * when the site configures that language; posts in the root `_posts/` belong to no one language (null).
 */
export function languageOfPath(rel: string, languages: readonly string[]): string | null {
  const s = segmentsOf(rel);
  if (s.length >= 3 && s[0] === '_i18n' && (s[2] === '_posts' || s[2] === '_drafts') && languages.includes(s[1])) return s[1];
  return null;
}

/**
 * Whether a site-relative path is a post, a draft or neither: `_posts/**`, `_drafts/**` and the same
 * under `_i18n/<lang>/`, at any depth, with a post extension; posts also need a dated file name.
 */
export function postKindOfPath(rel: string): 'post' | 'draft' | null {
  const s = segmentsOf(rel);
  let rest: string[];
  let folder: string;
  if (s[0] === '_posts' || s[0] === '_drafts') {
    folder = s[0];
    rest = s.slice(1);
  } else if (s[0] === '_i18n' && s.length >= 3 && (s[2] === '_posts' || s[2] === '_drafts')) {
    folder = s[2];
    rest = s.slice(3);
  } else {
    return null;
  }
  if (rest.length === 0 || rest.some(isIgnoredName)) return null;
  const name = rest[rest.length - 1];
  if (folder === '_posts') return parsePostFileName(name) ? 'post' : null;
  return draftSlugOfFileName(name) !== null ? 'draft' : null;
}
