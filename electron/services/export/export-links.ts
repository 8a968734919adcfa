/**
 * Where a post's site links point in an export, which is read away from the site: a site path (or what
 * `{% post_url %}` gave) becomes an absolute address from `_config.yml`'s `url` and `baseurl`; without a `url`
 * it stays as written and the user hears that it will not work from the exported file.
 */
import { cleanUrl } from '../../../shared/render/url-policy';
import type { ExportLinkResolver } from './export-sanitize';

/** The site's public origin (`url` of `_config.yml`) when it is a web address, without a trailing slash. */
function siteOrigin(config: Record<string, unknown>): string | null {
  const raw = typeof config.url === 'string' ? config.url.trim() : '';
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** `baseurl` as a path prefix: '' or `/blog` (leading slash, no trailing one). */
export function basePath(config: Record<string, unknown>): string {
  const raw = typeof config.baseurl === 'string' ? config.baseurl.trim() : '';
  const clean = raw.replace(/^\/+|\/+$/g, '');
  return clean ? `/${clean}` : '';
}

/**
 * The resolver for one post: `/x` becomes `<url><baseurl>/x` (a path that already starts with `baseurl` keeps
 * it once, as `{{ site.baseurl }}{% post_url %}` writes it), `x` or `../x` resolves against the post's own URL.
 */
export function exportLinkResolver(config: Record<string, unknown>, pageUrl: string): ExportLinkResolver {
  const origin = siteOrigin(config);
  const base = basePath(config);
  return (href) => {
    const url = cleanUrl(href);
    if (origin === null) return { href: url, warning: { code: 'relative-link', detail: url.slice(0, 300) } };
    const page = `${origin}${base}${pageUrl.startsWith('/') ? pageUrl : `/${pageUrl}`}`;
    try {
      let absolute: URL;
      if (url.startsWith('/')) {
        const hasBase = base !== '' && url.startsWith(base) && (url.length === base.length || '/?#'.includes(url[base.length]));
        absolute = new URL(origin + (hasBase ? url : base + url));
      } else absolute = new URL(url, page);
      if (absolute.protocol === 'http:' || absolute.protocol === 'https:') return { href: absolute.href };
    } catch {
      // Not a usable address: the link keeps its text only.
    }
    return { href: null };
  };
}
