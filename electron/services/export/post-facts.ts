/**
 * What an export says about a post besides its body, read from the front matter the way the site's layouts show
 * it: the title, the date in the post's language, the authors (names, or keys into `_data/authors`), the language
 * (front matter `lang`, the `_i18n/<lang>/` folder, the site's default) and what the PDF's metadata carries.
 */
import { decodeHTML } from 'entities';
import { languageOfPath, normalizeDate, parsePostFileName } from '../../../shared/site/conventions';
import { siteConfigFromData } from '../../../shared/site/site-config-model';
import { isRecord } from '../../../shared/util/is-record';

/** A language tag we put into `lang` attributes and PDF metadata (BCP 47 in shape, bounded). */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;

/** At most this many authors are named (a list beyond that is data, not a byline). */
const MAX_AUTHORS = 20;
/** The PDF subject and the description meta are cut to about this many characters. */
export const SUBJECT_LENGTH = 200;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function languageTag(value: unknown): string | null {
  const tag = text(value);
  return tag !== null && LANGUAGE_TAG.test(tag) ? tag : null;
}

/**
 * The post's language: front matter `lang`, else the `_i18n/<lang>/` folder it lives in (a configured language,
 * or any tag-shaped folder when the site configures none), else the site's default (`default_lang`, the first of
 * `languages`, `lang`), else "en".
 */
export function postLanguage(frontMatter: Record<string, unknown>, path: string, config: Record<string, unknown>): string {
  const own = languageTag(frontMatter.lang);
  if (own) return own;
  const site = siteConfigFromData(config);
  const folder = /^_i18n\/([^/]+)\//.exec(path)?.[1] ?? '';
  const languages = site.languages.length > 0 ? site.languages : LANGUAGE_TAG.test(folder) ? [folder] : [];
  const byPath = languageTag(languageOfPath(path, languages));
  if (byPath) return byPath;
  return languageTag(site.defaultLanguage) ?? languageTag(config.lang) ?? 'en';
}

/** The post's calendar date (YYYY-MM-DD) from the front matter, else its file name; '' when it has none. */
export function postDate(frontMatter: Record<string, unknown>, path: string): string {
  return normalizeDate(frontMatter.date) ?? parsePostFileName(path.split('/').pop() ?? '')?.date ?? '';
}

/** The post's title: front matter `title`, else the slug of its file name. */
export function postTitle(frontMatter: Record<string, unknown>, path: string): string {
  const own = text(frontMatter.title);
  if (own) return own;
  const name = path.split('/').pop() ?? path;
  return parsePostFileName(name)?.slug ?? name.replace(/\.[^.]+$/, '');
}

/** The display name of an entry of `_data/authors` (or `_data/people`): `name`, `display_name` or `title`. */
function nameOfEntry(entry: unknown): string | null {
  if (!isRecord(entry)) return text(entry);
  return text(entry.name) ?? text(entry.display_name) ?? text(entry.title);
}

/**
 * The authors as the site's layouts name them: `author` and `authors`, each a name, a list of names or objects
 * with a `name`; a name that is a key of `site.data.authors` (or `people`) becomes that entry's name.
 */
export function postAuthors(frontMatter: Record<string, unknown>, data: Record<string, unknown>): string[] {
  const tables = [data.authors, data.people].filter(isRecord);
  const out: string[] = [];
  for (const item of [...asList(frontMatter.author), ...asList(frontMatter.authors)]) {
    let name = isRecord(item) ? nameOfEntry(item) : text(item);
    if (name === null) continue;
    for (const table of tables) {
      if (Object.hasOwn(table, name)) {
        name = nameOfEntry(table[name]) ?? name;
        break;
      }
    }
    if (!out.includes(name)) out.push(name);
    if (out.length >= MAX_AUTHORS) break;
  }
  return out;
}

/** Tags and categories of the post, for the keywords meta and the PDF's keywords. */
export function postKeywords(frontMatter: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['tags', 'tag', 'categories', 'category']) {
    const value = frontMatter[key];
    const items = typeof value === 'string' ? value.split(/\s+/) : asList(value);
    for (const item of items) {
      const word = text(item);
      if (word !== null && !out.includes(word) && out.length < 50) out.push(word);
    }
  }
  return out;
}

/** Collapses white space and cuts `s` to about `max` characters at a word boundary (with an ellipsis). */
export function shorten(s: string, max = SUBJECT_LENGTH): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The text of the first paragraph of sanitized HTML (tags dropped, entities decoded), or ''. */
export function firstParagraphText(html: string): string {
  const m = /<p(?:\s[^>]*)?>([^]*?)<\/p>/.exec(html);
  // A footnote mark is not part of what the sentence says.
  return m ? decodeHTML(m[1].replace(/<sup\b[^>]*doc-noteref[^>]*>[^]*?<\/sup>/g, '').replace(/<[^>]*>/g, '')) : '';
}

/** What the post says it is about: front matter `excerpt`, `description` or `summary`, else its first paragraph. */
export function postSubject(frontMatter: Record<string, unknown>, bodyHtml: string): string {
  const own = text(frontMatter.excerpt) ?? text(frontMatter.description) ?? text(frontMatter.summary);
  return shorten(own ?? firstParagraphText(bodyHtml));
}
