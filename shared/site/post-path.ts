/**
 * Where a new post goes, following the site's own habits: `_i18n/<lang>/_posts/` when the site keeps one folder
 * per language (jekyll-multiple-languages-plugin, translations share a file name), year subfolders when the
 * existing posts use them, else plain `_posts/`.
 */
import { AppFailure } from '../contract/errors';
import { parsePostFileName } from './conventions';
import type { SiteConfig } from './site-config-model';

/** How the site lays out its posts, as read from the posts it has. */
export interface PostLayout {
  /** Posts live in `_i18n/<lang>/_posts/`. */
  i18n: boolean;
  /** Posts live in `<posts folder>/<YYYY>/`. */
  yearFolders: boolean;
}

const YEAR_SEGMENT = /(^|\/)_posts\/\d{4}\/[^/]+$/;

/**
 * Reads the layout from the site-relative paths of existing posts: i18n when any lives under `_i18n/`
 * (or, without posts, when the config names languages), year folders when most posts sit in one.
 */
export function inferPostLayout(paths: readonly string[], config: Pick<SiteConfig, 'languages'>): PostLayout {
  const posts = paths.filter((p) => /(^|\/)_posts\//.test(p));
  if (posts.length === 0) return { i18n: config.languages.length > 0, yearFolders: false };
  const i18n = posts.some((p) => p.startsWith('_i18n/'));
  const inYears = posts.filter((p) => YEAR_SEGMENT.test(p)).length;
  return { i18n, yearFolders: inYears * 2 > posts.length };
}

const SLUG = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

/** True for a slug that makes a safe file name (letters, digits, `-`, `_`, `.`; no path parts). */
export function isValidSlug(slug: string): boolean {
  return slug.length <= 200 && SLUG.test(slug) && !slug.endsWith('.') && !slug.includes('..');
}

/**
 * The site-relative path of a new post: `lang` null means the site's only (or default) language. Without
 * `_i18n` folders, a second language gets its code after the slug so translations do not collide.
 * Throws `invalid-arguments` for a date that is not a real YYYY-MM-DD day or an unusable slug.
 */
export function postPathFor(config: Pick<SiteConfig, 'languages' | 'defaultLanguage'>, lang: string | null, date: string, slug: string, layout: PostLayout): string {
  const name = `${date}-${slug}.md`;
  if (!isValidSlug(slug)) throw new AppFailure('invalid-arguments', `"${slug.slice(0, 80)}" cannot be part of a file name; use letters, digits and dashes.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || parsePostFileName(name) === null) throw new AppFailure('invalid-arguments', `${date} is not a date like 2024-05-01.`);
  if (lang !== null && !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(lang)) throw new AppFailure('invalid-arguments', `"${lang.slice(0, 40)}" is not a language code.`);
  const year = layout.yearFolders ? `${date.slice(0, 4)}/` : '';
  if (layout.i18n && lang !== null) return `_i18n/${lang}/_posts/${year}${name}`;
  const suffix = lang !== null && lang !== config.defaultLanguage ? `-${lang}` : '';
  return `_posts/${year}${date}-${slug}${suffix}.md`;
}
