/**
 * Releases and their translations as pairs: on a site that keeps one folder per language (`_i18n/<lang>/_posts/`),
 * the same file name under each language is one release (jekyll-multiple-languages-plugin pairs them so). The post
 * list shows a pair once, and the document header offers the other language from it.
 */
import type { PostEntry } from '../contract/models';

/** One release in every language it has, and the site languages it lacks. */
export interface PostPair {
  /** Stable key: `_posts/<file name>` (or the path below the language folder when a name is not unique in a language). */
  key: string;
  /** The members in the order of the site's languages (a post without a language is a pair of one). */
  members: PostEntry[];
  /** Site languages without a file for this release (empty for a post that belongs to no language). */
  missing: string[];
}

interface Located {
  post: PostEntry;
  /** `_posts` or `_drafts`, and the path below it. */
  below: string;
  name: string;
}

function locate(post: PostEntry): Located | null {
  if (!post.language) return null;
  const s = post.path.split('/');
  if (s.length < 4 || s[0] !== '_i18n' || s[1] !== post.language || (s[2] !== '_posts' && s[2] !== '_drafts')) return null;
  return { post, below: s.slice(2).join('/'), name: `${s[2]}/${s[s.length - 1]}` };
}

/**
 * Groups posts into pairs in one pass (linear in the number of posts). Members are matched by file name; where one
 * language has the same file name twice (in two folders), those are matched by their whole path below the language.
 */
export function pairPosts(posts: readonly PostEntry[], languages: readonly string[]): PostPair[] {
  const located: Located[] = [];
  const single: PostPair[] = [];
  const perLanguage = new Map<string, number>();
  for (const post of posts) {
    const at = locate(post);
    if (!at) single.push({ key: post.path, members: [post], missing: [] });
    else {
      located.push(at);
      const k = `${post.language}\n${at.name}`;
      perLanguage.set(k, (perLanguage.get(k) ?? 0) + 1);
    }
  }
  const ambiguous = new Set<string>();
  for (const [k, n] of perLanguage) if (n > 1) ambiguous.add(k.slice(k.indexOf('\n') + 1));
  const groups = new Map<string, PostEntry[]>();
  for (const at of located) {
    const key = ambiguous.has(at.name) ? at.below : at.name;
    const list = groups.get(key);
    if (list) list.push(at.post);
    else groups.set(key, [at.post]);
  }
  const order = (lang: string | null) => {
    const i = lang ? languages.indexOf(lang) : -1;
    return i < 0 ? languages.length : i;
  };
  const pairs: PostPair[] = [];
  for (const [key, members] of groups) {
    members.sort((a, b) => order(a.language) - order(b.language) || (a.path < b.path ? -1 : 1));
    const present = new Set(members.map((m) => m.language));
    pairs.push({ key, members, missing: languages.filter((l) => !present.has(l)) });
  }
  return [...pairs, ...single];
}

/**
 * The member to show and open for a pair: the first of `preferred` languages it has (the language filter, then the
 * interface language, then the site's default), else its first member.
 */
export function memberFor(pair: PostPair, preferred: readonly (string | null | undefined)[]): PostEntry {
  for (const lang of preferred) {
    if (!lang) continue;
    const m = pair.members.find((p) => p.language === lang);
    if (m) return m;
  }
  return pair.members[0];
}

/** Finds the pair a post belongs to by its path (null when it is not listed). */
export function pairOfPath(pairs: readonly PostPair[], path: string): PostPair | null {
  for (const pair of pairs) if (pair.members.some((m) => m.path === path)) return pair;
  return null;
}

/** The site-relative path a release's file has (or would have) in another language: the same place under `_i18n/<language>/`. */
export function translationPath(path: string, language: string): string | null {
  const s = path.split('/');
  if (s.length < 4 || s[0] !== '_i18n' || (s[2] !== '_posts' && s[2] !== '_drafts')) return null;
  return ['_i18n', language, ...s.slice(2)].join('/');
}
