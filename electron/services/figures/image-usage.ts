/**
 * Which posts use each image of a site, for the asset browser ("used in 3 posts"): every post is read once
 * (confined to the site like every site file) and scanned for the ways a post names an image: `{% asset %}`
 * (resolved as jekyll-assets resolves it, with the same resolver as the preview), front-matter image fields,
 * Markdown images and links, and image paths in HTML or in include parameters. One pass of a few linear
 * patterns per post, so the cost grows with the total text size and nothing else.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readFrontMatterBlock } from '../../../shared/front-matter/read-block';
import { type AssetIndex, resolveAsset } from '../../../shared/site/asset-lookup';
import { readSiteText } from '../paths';

/** Largest post read (as the editor's limit); a larger one is skipped, not half-read. */
export const MAX_SCANNED_POST_BYTES = 20 * 1024 * 1024;

/** Posts read at the same time. */
const READ_CONCURRENCY = 8;

/** How the site's URLs look, so `{{ site.baseurl }}/assets/x.png` or a full URL of the site finds its file. */
export interface SiteUrls {
  /** `baseurl` of `_config.yml` (`/blog`), or empty. */
  baseurl?: string | null;
  /** `url` of `_config.yml` (`https://example.com`), or empty. */
  url?: string | null;
}

/** `{% asset ref %}` (and jekyll-assets 2's `asset_path`/`asset_url`): the reference, quoted or bare. */
const ASSET_TAG = /\{%-?\s*asset(?:_path|_url)?\s+(?:"([^"\n]*)"|'([^'\n]*)'|([^\s%]+))/g;
/** `![alt](path "title")` and `[text](path)`: the path. */
const MARKDOWN_LINK = /\]\(\s*<?((?:\{\{[^}\n]{0,200}\}\})*[^)\s>]*)/g;
/** `[id]: path` reference definitions. */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*<?((?:\{\{[^}\n]{0,200}\}\})*[^\s>]*)/gm;
/** Quoted text without spaces (HTML attributes, include parameters, Liquid strings); kept when it names an image. */
const QUOTED = /["']([^"'\s<>]{1,2000})["']/g;
/** An image file's extension, before any query or fragment. */
const IMAGE_EXTENSION = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|ico)(?:[?#]|$)/i;
/** Unquoted HTML attribute values (`<img src=/assets/x.png>`). */
const BARE_ATTRIBUTE = /\s(?:src|href|data-src|poster)=([^\s"'<>`=]+)/gi;
/** A `srcset` value: several URLs, each followed by a size. */
const SRCSET = /\ssrcset\s*=\s*(?:"([^"\n]{0,4000})"|'([^'\n]{0,4000})')/gi;

/** Front-matter keys that name a picture (`image`, `header_image`, `thumbnail`, `og-image`, `images`). */
const IMAGE_KEY = /(?:^|[_-])(?:image|img|thumbnail|cover|banner|teaser|photo|picture)s?$/i;

/** `{{ site.baseurl }}` / `{{ site.url }}` at the start of a path. */
const SITE_PREFIX = /^(?:\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\})+/;
/** `{{ '/assets/x.png' | relative_url }}` and `absolute_url`. */
const URL_FILTER = /^\{\{-?\s*(["'])([^"']*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}$/;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The origin of the site's configured `url`, or null when it has none or it is not a URL. */
function originOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/** Turns how a post names a file (`/assets/x.png`, `{{ site.baseurl }}/…`, a full URL of the site) into a site path. */
class ImageResolver {
  private readonly files: Set<string>;
  private readonly baseurl: string;
  private readonly origin: string | null;

  constructor(
    private readonly index: AssetIndex,
    urls: SiteUrls,
  ) {
    this.files = new Set(index.files);
    this.baseurl = (urls.baseurl ?? '').replace(/^\/*/, '/').replace(/\/+$/, '');
    this.origin = originOf(urls.url);
  }

  /** The file a logical asset path names (`blog/r3.jpg`), as `{% asset %}` finds it. */
  asset(ref: string): string | null {
    const clean = ref.trim();
    if (!clean || clean.includes('{')) return null;
    return resolveAsset(clean, this.index);
  }

  /** The file a URL or path names: the same file in a non-underscore folder, or jekyll-assets' `/assets/<logical>`. */
  url(raw: string): string | null {
    let value = raw.trim();
    const filtered = URL_FILTER.exec(value);
    if (filtered) value = filtered[2];
    value = value.replace(SITE_PREFIX, '');
    if (value.includes('{{') || value.includes('{%')) return null;
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) {
      let parsed: URL;
      try {
        parsed = new URL(value, 'https://invalid.invalid');
      } catch {
        return null;
      }
      if (!this.origin || parsed.origin !== this.origin) return null;
      value = parsed.pathname;
    }
    value = decoded(value.replace(/[?#].*$/, ''));
    if (this.baseurl !== '/' && this.baseurl && (value === this.baseurl || value.startsWith(`${this.baseurl}/`))) value = value.slice(this.baseurl.length);
    // A relative path (`../assets/x.png` from a post's folder) is read from the site root: posts are pages under it.
    const rel = value.replace(/^(?:\.{1,2}\/)+/, '').replace(/^\/+/, '');
    if (!rel || rel.includes('\u0000')) return null;
    if (this.files.has(rel) && !rel.split('/').some((part) => part.startsWith('_'))) return rel;
    if (rel.startsWith('assets/')) return resolveAsset(rel.slice('assets/'.length), this.index);
    return null;
  }
}

/** Picture values of front-matter fields: strings, lists of them, and `{ path | url | src }` objects (jekyll-seo-tag). */
function frontMatterImages(data: Record<string, unknown>, out: string[]): void {
  const take = (value: unknown, depth: number): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value) && depth < 2) for (const item of value.slice(0, 100)) take(item, depth + 1);
    else if (value && typeof value === 'object' && !(value instanceof Date) && depth < 2) {
      const record = value as Record<string, unknown>;
      for (const key of ['path', 'url', 'src', 'file']) if (Object.hasOwn(record, key)) take(record[key], depth + 1);
    }
  };
  for (const [key, value] of Object.entries(data)) if (IMAGE_KEY.test(key)) take(value, 0);
}

/** How a post names pictures, as written (before resolving): kept per post so an unchanged post is not read again. */
interface Mentions {
  assets: string[];
  frontMatter: string[];
  urls: string[];
}

/** Everything in a post's text that may name a picture, as written; one pass of each pattern. */
function mentionsIn(text: string): Mentions {
  const assets = Array.from(text.matchAll(ASSET_TAG), (m) => m[1] ?? m[2] ?? m[3] ?? '');
  const frontMatter: string[] = [];
  frontMatterImages(readFrontMatterBlock(text, { fast: true }).data, frontMatter);
  const urls: string[] = [];
  for (const pattern of [MARKDOWN_LINK, REFERENCE_DEFINITION, BARE_ATTRIBUTE]) for (const m of text.matchAll(pattern)) urls.push(m[1]);
  for (const m of text.matchAll(QUOTED)) if (IMAGE_EXTENSION.test(m[1])) urls.push(m[1]);
  for (const m of text.matchAll(SRCSET)) {
    for (const candidate of (m[1] ?? m[2] ?? '').split(',')) urls.push(/^(?:\{\{[^}]{0,200}\}\})*\S*/.exec(candidate.trim())?.[0] ?? '');
  }
  const unique = (list: string[]) => [...new Set(list.filter(Boolean))];
  return { assets: unique(assets), frontMatter: unique(frontMatter), urls: unique(urls) };
}

/** The site files the mentions name, each once (resolved against today's index: a new image is found at once). */
function resolveMentions(mentions: Mentions, resolver: ImageResolver): Set<string> {
  const found = new Set<string>();
  const add = (file: string | null) => {
    if (file) found.add(file);
  };
  for (const ref of mentions.assets) add(resolver.asset(ref));
  for (const value of mentions.frontMatter) add(resolver.asset(value) ?? resolver.url(value));
  for (const url of mentions.urls) add(resolver.url(url));
  return found;
}

/** The site files (images or not) a post's text names, each once. */
export function imagesNamedIn(text: string, index: AssetIndex, urls: SiteUrls = {}): string[] {
  return [...resolveMentions(mentionsIn(text), new ImageResolver(index, urls))];
}

/** Posts' mentions by real site root and post path, with the size and time they were read at; bounded. */
const scanned = new Map<string, { size: number; mtimeMs: number; mentions: Mentions }>();

/** Posts remembered at most (a few hundred bytes each); past it the memory starts over. */
const MAX_REMEMBERED_POSTS = 50_000;

/** The post's mentions: remembered while its size and time are unchanged, else read (confined) and scanned. */
async function mentionsOf(root: string, rel: string): Promise<Mentions | null> {
  const key = `${root}\u0000${rel}`;
  const stat = await fs.stat(path.join(root, rel)).catch(() => null);
  const known = scanned.get(key);
  if (stat && known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.mentions;
  let text: string;
  try {
    text = await readSiteText(root, rel, { maxBytes: MAX_SCANNED_POST_BYTES });
  } catch {
    scanned.delete(key);
    return null;
  }
  const mentions = mentionsIn(text);
  if (stat) {
    if (scanned.size >= MAX_REMEMBERED_POSTS) scanned.clear();
    scanned.set(key, { size: stat.size, mtimeMs: stat.mtimeMs, mentions });
  }
  return mentions;
}

/**
 * For each site file named by any of `posts` (site-relative paths), the posts that name it, sorted. A post that
 * cannot be read (gone, too large, leading out of the site) is skipped: it uses nothing the browser can show. An
 * unchanged post (same size and time) is not read again within the session.
 */
export async function imageUsage(root: string, posts: readonly { path: string }[], index: AssetIndex, urls: SiteUrls = {}): Promise<Map<string, string[]>> {
  const resolver = new ImageResolver(index, urls);
  const usage = new Map<string, string[]>();
  let next = 0;
  const worker = async () => {
    while (next < posts.length) {
      const post = posts[next++];
      const mentions = await mentionsOf(root, post.path);
      if (!mentions) continue;
      for (const file of resolveMentions(mentions, resolver)) {
        const list = usage.get(file);
        if (list) list.push(post.path);
        else usage.set(file, [post.path]);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, posts.length) }, worker));
  for (const list of usage.values()) list.sort();
  return usage;
}
