/**
 * The `page` variable Liquid sees in a post, as Jekyll builds it: front matter plus date, slug, categories
 * and the URL from the permalink style, so `{{ page.url }}` and friends look as they will on the site.
 */

const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

const FILE_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.[^.]+$/;

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

interface WrittenDate {
  /** What Liquid gets: the string as written (liquidjs keeps its offset) or the YAML Date. */
  value: Date | string;
  /** Calendar fields as written, which Jekyll uses for the URL. */
  fields: [number, number, number, number, number, number];
}

function toDate(value: unknown): WrittenDate | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const d = value;
    return { value: d, fields: [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()] };
  }
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
    if (m) return { value: value.trim(), fields: [+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)] };
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Jekyll's Utils.slugify in its default mode. */
export function jekyllSlugify(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** Builds `page` for a post at `path` (site-relative, optional) with the site's `permalink` setting. */
export function buildPage(frontMatter: Record<string, unknown>, path: string | undefined, config: Record<string, unknown>): Record<string, unknown> {
  const name = path ? path.split('/').pop()! : '';
  const fileMatch = FILE_NAME.exec(name);
  const date = toDate(frontMatter.date) ?? (fileMatch ? toDate(new Date(Date.UTC(+fileMatch[1], +fileMatch[2] - 1, +fileMatch[3]))) : null);
  const slug = typeof frontMatter.slug === 'string' ? frontMatter.slug : fileMatch ? fileMatch[4] : name.replace(/\.[^.]+$/, '');
  const dirs = path ? path.split('/').slice(0, -1) : [];
  const postsAt = dirs.indexOf('_posts');
  // jekyll-multiple-languages-plugin reads `_i18n/<lang>/_posts/` as each language's own posts: those two folders are no categories.
  const from = dirs[0] === '_i18n' && postsAt >= 2 ? 2 : 0;
  const dirCategories = postsAt > from ? dirs.slice(from, postsAt) : [];
  const categories = [...new Set([...dirCategories, ...list(frontMatter.category), ...list(frontMatter.categories)])];
  const tags = [...new Set([...list(frontMatter.tag), ...list(frontMatter.tags)])];
  const pattern = typeof frontMatter.permalink === 'string' ? frontMatter.permalink : String(STYLES[String(config.permalink ?? 'date')] ?? config.permalink ?? STYLES.date);
  let url = '';
  if (date) {
    const [y, mo, d, h, mi, se] = date.fields;
    const values: Record<string, string> = {
      year: String(y),
      short_year: String(y).slice(2),
      month: pad(mo),
      i_month: String(mo),
      day: pad(d),
      i_day: String(d),
      hour: pad(h),
      minute: pad(mi),
      second: pad(se),
      title: jekyllSlugify(slug) || slug,
      slug: jekyllSlugify(slug) || slug,
      categories: categories.map((c) => c.toLowerCase()).join('/'),
      output_ext: '.html',
    };
    url = pattern.replace(/:(\w+)/g, (whole, key: string) => values[key] ?? whole).replace(/\/{2,}/g, '/');
    if (!url.startsWith('/')) url = `/${url}`;
  }
  return {
    ...frontMatter,
    date: date?.value ?? null,
    slug,
    categories,
    tags,
    url,
    path: path ?? '',
    id: url.replace(/\.html$/, ''),
    collection: 'posts',
  };
}
