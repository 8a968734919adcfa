/**
 * Releases and their translations as pairs: on a site that keeps one folder per language (`_i18n/<lang>/_posts/`),
 * the same file name under each language is one release (jekyll-multiple-languages-plugin pairs them so). The post
 * list shows a pair once, and the document header offers the other language from it.
 */
import type { PostEntry } from '../contract/models';

/** One release in every language it has, and the site languages it lacks. */
export interface PostPair {
  /**
   * Stable, unique key: `_posts/<file name>` (or the path below the language folder when a name is not unique in a
   * language) after `_i18n/` and a star in place of the language; a post without a language keys by its path.
   */
  key: string;
  /** The members in the order of the site's languages (a post without a language is a pair of one). */
  members: PostEntry[];
  /** Site languages without a file for this release (empty for a post that belongs to no language). */
  missing: string[];
}

/** `_posts/<file name>` (or `_drafts/…`) of a post in a language folder, and its path below the language; null elsewhere. */
function locate(post: PostEntry): { name: string; below: string } | null {
  const lang = post.language;
  const path = post.path;
  if (!lang || !path.startsWith('_i18n/') || path.charCodeAt(6 + lang.length) !== 47 /* / */ || !path.startsWith(lang, 6)) return null;
  const below = path.slice(7 + lang.length);
  const kind = below.startsWith('_posts/') ? '_posts/' : below.startsWith('_drafts/') ? '_drafts/' : null;
  if (!kind) return null;
  return { name: kind + below.slice(below.lastIndexOf('/') + 1), below };
}

/**
 * Groups posts into pairs in one pass (linear in the number of posts). Members are matched by file name; where one
 * language has the same file name twice (in two folders), those are matched by their whole path below the language.
 */
export function pairPosts(posts: readonly PostEntry[], languages: readonly string[]): PostPair[] {
  const rank = new Map(languages.map((l, i) => [l, i]));
  const byName = new Map<string, Array<{ post: PostEntry; below: string }>>();
  const single: PostPair[] = [];
  for (const post of posts) {
    const at = locate(post);
    if (!at) {
      single.push({ key: post.path, members: [post], missing: [] });
      continue;
    }
    const list = byName.get(at.name);
    if (list) list.push({ post, below: at.below });
    else byName.set(at.name, [{ post, below: at.below }]);
  }
  const pairs: PostPair[] = [];
  const add = (key: string, members: PostEntry[]) => {
    // Few members (one per language): an insertion sort by the site's order of languages, then by path.
    const order = (p: PostEntry) => rank.get(p.language ?? '') ?? languages.length;
    for (let i = 1; i < members.length; i++) {
      for (let j = i; j > 0 && (order(members[j - 1]) > order(members[j]) || (order(members[j - 1]) === order(members[j]) && members[j - 1].path > members[j].path)); j--) {
        [members[j - 1], members[j]] = [members[j], members[j - 1]];
      }
    }
    // `*` is no language folder, so a pair's key never equals the path of a post without a language (`_posts/<name>`).
    pairs.push({ key: `_i18n/*/${key}`, members, missing: languages.filter((l) => !members.some((m) => m.language === l)) });
  };
  for (const [name, list] of byName) {
    const twice = list.some((a, i) => list.some((b, j) => j > i && a.post.language === b.post.language));
    if (!twice) {
      add(name, list.map((m) => m.post));
      continue;
    }
    // One language has this file name in two folders: pair by the whole path below the language instead.
    const byBelow = new Map<string, PostEntry[]>();
    for (const m of list) {
      const same = byBelow.get(m.below);
      if (same) same.push(m.post);
      else byBelow.set(m.below, [m.post]);
    }
    for (const [below, members] of byBelow) add(below, members);
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
