/**
 * What the "New press release" dialog shows before anything is written, and sends to `post.create` as it shows it:
 * per language its title, the folder where the site keeps posts of the category (learned from its posts), and the
 * file name from date and slug, one shared name where the site pairs translations by file name.
 */
import type { PostEntry, SiteSummary } from '../../../shared/contract/models';
import { parsePostFileName } from '../../../shared/site/conventions';
import { inferPostLayout, isValidSlug } from '../../../shared/site/post-path';
import { slugify } from '../../../shared/site/slug';
import { postEntryOf } from '../../../shared/site/post-entry';

type SiteFacts = Pick<SiteSummary, 'languages' | 'defaultLanguage'>;
type PostFacts = Pick<PostEntry, 'path' | 'category' | 'categories'>;

/** A folder of the site's posts with a year in it, written with `{year}` so a new post takes its own year. */
const YEAR = /^\d{4}$/;

/** One file the dialog will create. */
export interface PlannedFile {
  /** null on a site without languages. */
  language: string | null;
  title: string;
  folder: string;
  fileName: string;
  path: string;
}

/** The whole plan: the files, whether they share one file name, the folders to offer per language, or what is wrong. */
export interface PostPlan {
  /** True where the site pairs translations by file name (`_i18n/<lang>/_posts/`): one slug for every language. */
  paired: boolean;
  slug: string;
  files: PlannedFile[];
  /** Folder suggestions per language ('' for a site without languages), the usual one first. */
  folderChoices: Record<string, string[]>;
  problem: 'slug' | 'date' | 'folder' | null;
}

/** What the user chose; `slug` and `folders` only where they typed one, titles already resolved per language. */
export interface PlanInput {
  languages: readonly string[];
  date: string;
  category: string;
  titles: Readonly<Record<string, string>>;
  slug: string | null;
  folders: Readonly<Record<string, string>>;
}

const key = (lang: string | null) => lang ?? '';

/** The language whose title names the shared file: the site's default when chosen, else the first chosen. */
export function primaryLanguage(site: SiteFacts, languages: readonly string[]): string | null {
  if (languages.length === 0) return null;
  return site.defaultLanguage && languages.includes(site.defaultLanguage) ? site.defaultLanguage : languages[0];
}

/** The chosen languages in the order their titles and files are shown: the primary first, then the site's order. */
export function orderedLanguages(site: SiteFacts, languages: readonly string[]): (string | null)[] {
  if (site.languages.length === 0) return [null];
  const primary = primaryLanguage(site, languages);
  return primary === null ? [] : [primary, ...site.languages.filter((l) => l !== primary && languages.includes(l))];
}

/** The category most of the site's posts have: a press-release dialog starts with the site's usual kind of post. */
export function usualCategory(posts: readonly PostFacts[]): string {
  const counts = new Map<string, number>();
  for (const p of posts) if (p.category) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
  let best = '';
  for (const [c, n] of counts) if (n > (counts.get(best) ?? 0)) best = c;
  return best;
}

const hasCategory = (p: PostFacts, category: string) => {
  const wanted = category.trim().toLowerCase();
  return wanted !== '' && (p.category?.toLowerCase() === wanted || p.categories.some((c) => c.toLowerCase() === wanted));
};

/** The folder of `path` below `root`, with a year segment as `{year}`; null when the post is not under `root`. */
function patternOf(path: string, root: string): string | null {
  if (!path.startsWith(`${root}/`)) return null;
  const parts = path.slice(root.length + 1).split('/').slice(0, -1);
  return parts.map((p) => (YEAR.test(p) ? '{year}' : p)).join('/');
}

/** Patterns by how many posts use them, most first (ties: first seen, i.e. newest). */
function ranked(patterns: (string | null)[]): string[] {
  const counts = new Map<string, number>();
  for (const p of patterns) if (p !== null) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
}

/** The plan for what the user chose, computed from the site's posts. */
export function planPost(site: SiteFacts, posts: readonly PostFacts[], input: PlanInput): PostPlan {
  const layout = inferPostLayout(
    posts.map((p) => p.path),
    site,
  );
  const rootOf = (lang: string | null) => (layout.i18n && lang !== null ? `_i18n/${lang}/_posts` : '_posts');
  const year = input.date.slice(0, 4);
  const resolve = (root: string, pattern: string) => (pattern === '' ? root : `${root}/${pattern.replace(/\{year\}/g, year)}`);
  const ofCategory = posts.filter((p) => hasCategory(p, input.category));
  const langs = orderedLanguages(site, input.languages);
  const primary = langs[0] ?? null;
  const paired = layout.i18n && site.languages.length > 0;
  const slugOf = (lang: string | null) => slugify(input.titles[key(lang)] ?? '', lang ?? site.defaultLanguage);
  const slug = input.slug ?? slugOf(primary);
  const folderChoices: Record<string, string[]> = {};
  let problem: PostPlan['problem'] = null;
  const files: PlannedFile[] = langs.map((lang) => {
    const root = rootOf(lang);
    // The usual folder of the category in this language, else in any language, else the site's posts folder (by year where it sorts so).
    const own = ranked(ofCategory.map((p) => patternOf(p.path, root)));
    const anywhere = ranked(ofCategory.map((p) => [...site.languages.map((l) => rootOf(l)), '_posts'].map((r) => patternOf(p.path, r)).find((x) => x !== null) ?? null));
    const usual = own[0] ?? anywhere[0] ?? (layout.yearFolders ? '{year}' : '');
    const choices = [...new Set([usual, ...ranked(posts.map((p) => patternOf(p.path, root))), ''])].map((p) => resolve(root, p));
    folderChoices[key(lang)] = choices;
    const folder = (input.folders[key(lang)] ?? choices[0]).trim().replace(/\/+$/, '');
    const own_slug = lang === primary || paired ? slug : `${slugOf(lang)}${lang !== null && lang !== site.defaultLanguage ? `-${lang}` : ''}`;
    const fileName = `${input.date}-${own_slug}.md`;
    if (!isValidSlug(own_slug)) problem ??= 'slug';
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || parsePostFileName(fileName) === null) problem ??= 'date';
    if (folder !== root && !folder.startsWith(`${root}/`)) problem ??= 'folder';
    return { language: lang, title: (input.titles[key(lang)] ?? '').trim(), folder, fileName, path: `${folder}/${fileName}` };
  });
  return { paired, slug, files, folderChoices, problem };
}

/** A list entry for a post just created, for opening it before the list has been read again. */
export function newPostEntry(path: string, title: string, date: string, language: string | null): PostEntry {
  return postEntryOf(path, { title, date, dateSource: 'file-name', language });
}
