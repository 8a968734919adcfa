/**
 * A site's figure settings (`figures:` in `.pressroom.yml`): where imported images go, how large a web copy may be,
 * whether names get a date, and the snippet a post uses. Read from parsed YAML by a pure function; bad values fall
 * back to the defaults with a problem the user can read, never an exception.
 */
import { isRecord } from '../util/is-record';
import { assetSearchFolders, cleanAssetFolder, logicalPathOf } from '../site/asset-lookup';

/** Where images go on a site that uses jekyll-assets (found by `{% asset blog/x.jpg %}`). */
export const JEKYLL_ASSETS_FIGURE_FOLDER = '_assets/images/blog';
/** Where images go on a plain Jekyll site (copied to `/assets/images/` as they are). */
export const PLAIN_FIGURE_FOLDER = 'assets/images';
/** Width above which a web copy is offered, unless the site sets `figures.maxWidth`. */
export const DEFAULT_MAX_WIDTH = 2000;
/** Narrowest and widest `maxWidth` accepted: smaller is no photo, larger is no web copy. */
export const MIN_MAX_WIDTH = 100;
export const MAX_MAX_WIDTH = 20000;
/** The placeholders a site template may use. */
export const TEMPLATE_PLACEHOLDERS = ['reference', 'alt', 'caption', 'credit'] as const;

/** What the figure import, the snippet and the asset browser need to know of a site. */
export interface FigureSettings {
  /** Site-relative folder, without a trailing slash, that imported images go to. */
  folder: string;
  /** The site's own snippet template, or null for the default. */
  template: string | null;
  maxWidth: number;
  /** True when file names start with the date (`2024-05-01-photo.jpg`). */
  datePrefix: boolean;
  usesJekyllAssets: boolean;
  /** What went wrong reading the settings, in plain sentences (the defaults were used instead). */
  problems: string[];
  /** What a post names the image at `sitePath` with: the `{% asset %}` path, or a URL path starting with `/`. */
  referenceOf(sitePath: string): string;
}

/** What the settings depend on in the rest of the site. */
export interface FigureSiteFacts {
  /** True when `_config.yml` lists jekyll-assets among its plugins or has an `assets:` key. */
  usesJekyllAssets: boolean;
  /** jekyll-assets' configured `assets.sources` (site-relative folders). */
  assetSources: string[];
}

/** True when a parsed `_config.yml` uses jekyll-assets: the plugin is listed (`plugins` or `gems`) or `assets:` is set. */
export function configUsesJekyllAssets(config: unknown): boolean {
  if (!isRecord(config)) return false;
  if (config.assets !== undefined && config.assets !== null) return true;
  const listed = (value: unknown) => (Array.isArray(value) ? value : [value]).some((v) => v === 'jekyll-assets');
  return listed(config.plugins) || listed(config.gems);
}

/** The site URL path of a site file (`assets/images/x.jpg` → `/assets/images/x.jpg`). */
function urlPathOf(sitePath: string): string {
  return `/${sitePath.replace(/^\/+/, '')}`;
}

function readFolder(value: unknown, fallback: string, problems: string[]): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`figures.folder must be a folder name such as "${fallback}"; "${fallback}" is used.`);
    return fallback;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  const clean = /[\u0000-\u001f\u007f]/.test(value) ? null : cleanAssetFolder(value.trim());
  if (clean === null) {
    problems.push(`figures.folder "${value}" leads outside the site (an absolute path or ".."); "${fallback}" is used.`);
    return fallback;
  }
  return clean;
}

function readTemplate(value: unknown, problems: string[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push('figures.template must be text with {{reference}} in it; the default figure is used.');
    return null;
  }
  if (!/\{\{\s*reference\s*\}\}/.test(value)) {
    problems.push('figures.template has no {{reference}}, so it cannot show the image; the default figure is used.');
    return null;
  }
  return value;
}

function readMaxWidth(value: unknown, problems: string[]): number {
  if (value === undefined || value === null) return DEFAULT_MAX_WIDTH;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_MAX_WIDTH || value > MAX_MAX_WIDTH) {
    problems.push(`figures.maxWidth must be a whole number of pixels between ${MIN_MAX_WIDTH} and ${MAX_MAX_WIDTH}; ${DEFAULT_MAX_WIDTH} is used.`);
    return DEFAULT_MAX_WIDTH;
  }
  return value;
}

function readDatePrefix(value: unknown, problems: string[]): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') {
    problems.push('figures.datePrefix must be true or false; false is used.');
    return false;
  }
  return value;
}

/**
 * The figure settings of a site from its parsed `.pressroom.yml` (anything, null when there is none) and what its
 * `_config.yml` says about jekyll-assets. Unknown or bad values are reported in `problems` and replaced by defaults.
 */
export function readFigureSettings(pressroomYml: unknown, site: FigureSiteFacts): FigureSettings {
  const problems: string[] = [];
  const raw = isRecord(pressroomYml) ? pressroomYml.figures : undefined;
  let figures: Record<string, unknown> = {};
  if (isRecord(raw)) figures = raw;
  else if (raw !== undefined && raw !== null) problems.push('figures in .pressroom.yml must be a list of "key: value" settings; the defaults are used.');
  for (const key of Object.keys(figures)) {
    if (!['folder', 'template', 'maxWidth', 'datePrefix'].includes(key)) problems.push(`figures.${key} is not a figure setting and is ignored (known: folder, template, maxWidth, datePrefix).`);
  }
  const fallback = site.usesJekyllAssets ? JEKYLL_ASSETS_FIGURE_FOLDER : PLAIN_FIGURE_FOLDER;
  const folder = readFolder(figures.folder, fallback, problems);
  const folders = assetSearchFolders(site.assetSources);
  if (site.usesJekyllAssets && !folders.some((f) => folder === f || folder.startsWith(`${f}/`))) {
    problems.push(`figures.folder "${folder}" is not one of the folders jekyll-assets finds images in; posts name its images by their URL path.`);
  }
  return {
    folder,
    template: readTemplate(figures.template, problems),
    maxWidth: readMaxWidth(figures.maxWidth, problems),
    datePrefix: readDatePrefix(figures.datePrefix, problems),
    usesJekyllAssets: site.usesJekyllAssets,
    problems,
    referenceOf(sitePath: string): string {
      if (!site.usesJekyllAssets) return urlPathOf(sitePath);
      // The shortest path jekyll-assets finds the file by (`_assets/images/blog/r3.jpg` → `blog/r3.jpg`).
      const found = logicalPathOf(sitePath, { folders, files: [sitePath] });
      return found ? found.logicalPath : urlPathOf(sitePath);
    },
  };
}
