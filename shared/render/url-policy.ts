/**
 * What a URL in a post may become in the preview and in an export, decided without a DOM (so both share it): in-page
 * anchors and web/mail links stay (clicks go through the app's link gate), images come only from the site's asset
 * folders or, after the user allows it, from the web; every other scheme (javascript:, data:, blob:, file:, …) is dropped.
 */
import { type AssetIndex, resolveAsset } from '../site/asset-lookup';
import { ASSET_MARKER } from './site-context';

/** Removes what browsers ignore in URLs (tabs and newlines anywhere, controls and spaces at the ends). */
export function cleanUrl(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return value.slice(start, end).replace(/[\t\n\r]/g, '');
}

function schemeOf(url: string): string | null {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  return m ? m[1].toLowerCase() : null;
}

/** True for `//host/…` (and `/\host`, which browsers read the same): another site, whatever the scheme. */
function isNetworkPath(url: string): boolean {
  return /^[/\\]{2}/.test(url);
}

/** What a link's href is for the preview. */
export type LinkKind = 'anchor' | 'external' | 'phone' | 'relative' | 'blocked';

/**
 * Classifies an `<a href>`: `#id` scrolls the frame, http(s)/mailto ask the link gate, a site path is inert.
 * A `tel:` link is `phone`: shown, never dialled from the preview (the link gate opens only web and mail links,
 * and handing a number to a phone or VoIP program without asking is what a preview must not do). Everything
 * else, `//host` network paths and other schemes (ftp:, sms:, file:, …) included, is blocked.
 */
export function classifyLink(href: string): LinkKind {
  const url = cleanUrl(href);
  if (url.startsWith('#')) return 'anchor';
  if (isNetworkPath(url)) return 'blocked';
  const scheme = schemeOf(url);
  if (scheme === null) return 'relative';
  if (/^(https?:\/\/|mailto:)/i.test(url)) return 'external';
  if (scheme === 'tel') return 'phone';
  return 'blocked';
}

/** Where an image comes from: a `{% asset %}` path, a site path, the web (only after consent), or nowhere. */
export type ImageSource =
  | { kind: 'asset'; path: string }
  | { kind: 'site'; path: string }
  | { kind: 'remote'; url: string }
  | { kind: 'blocked'; reason: 'scheme' | 'outside' | 'not-image' };

const IMAGE_NAME = /\.(png|jpe?g|gif|webp|avif|bmp|ico|svg)$/i;

/** Normalizes a site path: no `.`/`..` left, or null when it climbs out of the site. */
export function normalizeSitePath(raw: string): string | null {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Keep it as written; a path with a bad escape simply will not be found.
  }
  if (decoded.includes('\\') || decoded.includes('\u0000')) return null;
  const kept: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (kept.length === 0) return null;
      kept.pop();
    } else kept.push(segment);
  }
  return kept.join('/');
}

/** Classifies an image `src`; `baseurl` (from `_config.yml`) is taken off site paths as Jekyll adds it. */
export function classifyImageSource(src: string, baseurl = ''): ImageSource {
  const url = cleanUrl(src);
  if (url.startsWith(ASSET_MARKER)) {
    const path = normalizeSitePath(url.slice(ASSET_MARKER.length));
    return path ? { kind: 'asset', path } : { kind: 'blocked', reason: 'outside' };
  }
  if (isNetworkPath(url)) return { kind: 'remote', url: `https:${url.replace(/^[/\\]+/, '//')}` };
  const scheme = schemeOf(url);
  if (scheme === 'http' || scheme === 'https') return { kind: 'remote', url };
  if (scheme !== null) return { kind: 'blocked', reason: 'scheme' };
  let pathPart = url.replace(/[?#].*$/, '');
  const base = baseurl.replace(/\/+$/, '');
  if (base && (pathPart === base || pathPart.startsWith(`${base}/`))) pathPart = pathPart.slice(base.length);
  const path = normalizeSitePath(pathPart);
  if (path === null) return { kind: 'blocked', reason: 'outside' };
  if (!IMAGE_NAME.test(path)) return { kind: 'blocked', reason: 'not-image' };
  return { kind: 'site', path };
}

/**
 * The site paths to try for an image, in order: a `{% asset %}` image is already resolved (`site-context.ts`),
 * so exactly its file; a site path as it is, and `/assets/x` (where jekyll-assets serves) also as the file the
 * logical path `x` resolves to in the asset index, the same lookup `{% asset x %}` uses.
 */
export function assetCandidates(source: { kind: 'asset' | 'site'; path: string }, assets: AssetIndex): string[] {
  if (source.kind === 'asset') return [source.path];
  const out = [source.path];
  if (source.path.startsWith('assets/')) {
    const found = resolveAsset(source.path.slice('assets/'.length), assets);
    if (found !== null && found !== source.path) out.push(found);
  }
  return out;
}

/** True when a CSS text could load something or hide a trick (url(), @import, escapes, old IE behaviours). */
export function isRiskyCss(css: string): boolean {
  return /url\s*\(|image-set|image\s*\(|@import|expression\s*\(|binding|behavior|\\|<|&#|javascript:/i.test(css);
}
