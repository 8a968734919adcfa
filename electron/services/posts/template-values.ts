/**
 * The values a new press release is filled with besides title, date and category: the dateline's date, city,
 * organisation, the paragraph about it, press contact and author. They come from `.pressroom.yml` (`templates: press-release:`), else (the author) from the
 * posts the site already has. A value nobody knows stays unknown: the template leaves its part out.
 */
import { AppFailure } from '../../../shared/contract/errors';
import type { PostEntry } from '../../../shared/contract/models';
import { formatLongDate } from '../../../shared/export/export-words';
import { readFrontMatter } from '../../../shared/front-matter/model';
import { readPressroomYml } from '../figures';
import { readSiteText } from '../paths';

/** The values for one language; absent means unknown. */
export interface PressReleaseValues {
  /** The post's date as the dateline writes it in the post's language ("5 December 2026", "5. Dezember 2026"). */
  dateline?: string;
  city?: string;
  organisation?: string;
  /** The paragraph about the organisation that closes every release (the "boilerplate"). */
  about?: string;
  /** One entry per line (name, email, phone …). */
  contact?: string[];
  /** As the site writes it: a list when its posts write `author:` as a list. */
  author?: string | string[];
}

/** The names a template may use for these values. */
export const PRESS_RELEASE_VALUE_NAMES = ['dateline', 'city', 'organisation', 'about', 'contact', 'author'] as const;

/** Posts read to learn the usual author; the newest of the same category first. */
const MAX_AUTHOR_SAMPLES = 40;
const MAX_POST_BYTES = 512 * 1024;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalar = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined);
const lines = (v: unknown): string[] | undefined => {
  const out = (Array.isArray(v) ? v.map(scalar) : (scalar(v)?.split(/\r?\n/) ?? [])).map((l) => l?.trim() ?? '').filter((l) => l !== '');
  return out.length > 0 ? out : undefined;
};

/** A setting's value for `lang`: the value itself, or its entry for the language in a `{ en: …, de: … }` map (else the default language's, else the first). */
function forLanguage(value: unknown, lang: string | null, defaultLanguage: string | null): unknown {
  if (!isRecord(value)) return value;
  for (const key of [lang, defaultLanguage]) if (key && key in value) return value[key];
  return Object.values(value)[0];
}

/** `.pressroom.yml`'s `templates: press-release:` settings, or an empty record. */
async function readSettings(root: string): Promise<Record<string, unknown>> {
  const yml = await readPressroomYml(root, [], 'no template values are filled in');
  const templates = isRecord(yml) ? yml.templates : undefined;
  const release = isRecord(templates) ? templates['press-release'] : undefined;
  return isRecord(release) ? release : {};
}

/** Up to MAX_AUTHOR_SAMPLES posts as listed (newest first), each file once (a symlinked translation is its target). */
function samples(posts: readonly Pick<PostEntry, 'path' | 'symlinkTarget' | 'error'>[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const post of posts) {
    const real = post.symlinkTarget ?? post.path;
    if (post.error !== null || seen.has(real)) continue;
    seen.add(real);
    out.push(real);
    if (out.length >= MAX_AUTHOR_SAMPLES) break;
  }
  return out;
}

/** The author most of the posts at `rels` name, in the shape they write it (list or text); undefined when none names one. */
async function mostNamedAuthor(root: string, rels: readonly string[]): Promise<string | string[] | undefined> {
  const counts = new Map<string, { value: string | string[]; count: number }>();
  for (const rel of rels) {
    let text: string;
    try {
      text = await readSiteText(root, rel, { maxBytes: MAX_POST_BYTES });
    } catch (error) {
      if (error instanceof AppFailure) continue;
      throw error;
    }
    const author = readFrontMatter(text).data.author;
    const value = Array.isArray(author) ? author.map(scalar).filter((a): a is string => a !== undefined) : scalar(author);
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const key = JSON.stringify(value);
    const entry = counts.get(key) ?? { value, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  let best: { value: string | string[]; count: number } | undefined;
  // Map order is first-seen (newest) order, so a tie goes to the newer post.
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.value;
}

/** The usual author of the site's posts of `category` (newest first), else of all its posts. */
export async function usualAuthor(root: string, posts: readonly Pick<PostEntry, 'path' | 'category' | 'symlinkTarget' | 'error'>[], category: string): Promise<string | string[] | undefined> {
  const wanted = category.trim().toLowerCase();
  const same = wanted === '' ? [] : posts.filter((p) => p.category?.toLowerCase() === wanted);
  return (same.length > 0 ? await mostNamedAuthor(root, samples(same)) : undefined) ?? (await mostNamedAuthor(root, samples(posts)));
}

/**
 * The values for each of `languages` (`null` for a site without languages): `.pressroom.yml` first, the usual
 * author of the site's posts (of `category` first) when it names none; the dateline from `date` (YYYY-MM-DD) in the
 * language of the post (a site without languages: its default language, else English).
 */
export async function loadPressReleaseValues(
  root: string,
  opts: {
    languages: readonly (string | null)[];
    defaultLanguage: string | null;
    category: string;
    posts: readonly Pick<PostEntry, 'path' | 'category' | 'symlinkTarget' | 'error'>[];
    date?: string;
  },
): Promise<Map<string | null, PressReleaseValues>> {
  const settings = await readSettings(root);
  let learned: string | string[] | undefined | null = null;
  const out = new Map<string | null, PressReleaseValues>();
  for (const lang of opts.languages) {
    const pick = (key: string) => forLanguage(settings[key], lang, opts.defaultLanguage);
    const values: PressReleaseValues = {};
    const dateline = opts.date ? formatLongDate(opts.date, lang ?? opts.defaultLanguage ?? 'en') : '';
    if (dateline) values.dateline = dateline;
    const city = scalar(pick('city'));
    const organisation = scalar(pick('organisation') ?? pick('organization'));
    const about = scalar(pick('about'));
    const contact = lines(pick('contact'));
    const given = pick('author');
    let author: string | string[] | undefined = Array.isArray(given) ? lines(given) : scalar(given);
    if (author === undefined || typeof author === 'string') {
      if (learned === null) learned = await usualAuthor(root, opts.posts, opts.category);
      // The site's own shape: `author: [Name]` where its posts write a list.
      author = author === undefined ? learned : Array.isArray(learned) ? [author] : author;
    }
    if (city) values.city = city;
    if (organisation) values.organisation = organisation;
    if (about) values.about = about;
    if (contact) values.contact = contact;
    if (author) values.author = author;
    out.set(lang, values);
  }
  return out;
}
