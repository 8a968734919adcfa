/**
 * Where `{% asset x %}` finds `x`, as jekyll-assets (through Sprockets) finds it: in the configured
 * `assets.sources`, then in the plugin's default source folders, each searched for the logical path. One
 * resolver for the preview, `pressroom render`, export, figure insertion and preflight; main lists the files
 * (`electron/services/assets/asset-index.ts`), this module only decides, so it runs in the renderer too.
 */

const DEFAULT_KINDS = ['css', 'fonts', 'images', 'videos', 'audios', 'components', 'javascript', 'video', 'audio', 'image', 'img', 'js'];
/** The bare folders are listed in a slightly different order in the plugin (audio before video). */
const BARE_KINDS = ['css', 'fonts', 'images', 'videos', 'audios', 'components', 'javascript', 'audio', 'video', 'image', 'img', 'js'];

/**
 * jekyll-assets' default source folders, in its order: `DEVELOPMENT[:sources]` in `lib/jekyll/assets/config.rb`
 * (envygeeks/jekyll-assets 3.x): `assets/<x>`, then `_assets/<x>`, then `<x>`, for css, fonts, images, videos,
 * audios, components, javascript, video, audio, image, img and js. `Config#merge_sources!` appends them to the
 * configured ones (`theirs | ours`: configured first, duplicates dropped), and the `:env, :init` hook
 * (`hooks/sources.rb`) hands each to Sprockets' `append_path`, so they are searched in that order.
 */
export const JEKYLL_ASSETS_DEFAULT_SOURCES: readonly string[] = [
  ...DEFAULT_KINDS.map((k) => `assets/${k}`),
  ...DEFAULT_KINDS.map((k) => `_assets/${k}`),
  ...BARE_KINDS,
];

/** What the resolver searches: the folders in order and the site-relative files found under them (built by main). */
export interface AssetIndex {
  readonly folders: readonly string[];
  readonly files: readonly string[];
}

/** A configured source as a clean site-relative folder (`_assets/` → `_assets`), or null when it leaves the site. */
export function cleanAssetFolder(value: string): string | null {
  const parts = value.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value) || value.includes('\u0000') || parts.length === 0 || parts.includes('..')) return null;
  return parts.join('/');
}

/** The folders jekyll-assets searches for a site, in order: the configured sources, then the plugin's defaults. */
export function assetSearchFolders(configured: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of [...configured, ...JEKYLL_ASSETS_DEFAULT_SOURCES]) {
    const folder = cleanAssetFolder(raw);
    if (folder !== null && !out.includes(folder)) out.push(folder);
  }
  return out;
}

/** A logical path as `{% asset %}` may name it: relative, no `.`/`..`/empty segments, no backslash or NUL. */
function logicalSegments(logicalPath: string): string[] | null {
  const path = logicalPath.trim();
  if (!path || path.startsWith('/') || path.includes('\\') || path.includes('\u0000')) return null;
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  return parts;
}

interface Lookup {
  files: Set<string>;
  /** `folder/dir/stem` → the files named `stem.<ext>` there, sorted by code point. */
  byStem: Map<string, string[]>;
}

const lookups = new WeakMap<AssetIndex, Lookup>();

function lookupOf(index: AssetIndex): Lookup {
  let found = lookups.get(index);
  if (found) return found;
  const byStem = new Map<string, string[]>();
  for (const file of index.files) {
    const slash = file.lastIndexOf('/');
    const dot = file.lastIndexOf('.');
    // A stem needs a name before its last extension (".htaccess" has none).
    if (dot <= slash + 1) continue;
    const key = file.slice(0, dot);
    const list = byStem.get(key);
    if (list) list.push(file);
    else byStem.set(key, [file]);
  }
  for (const list of byStem.values()) list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  found = { files: new Set(index.files), byStem };
  lookups.set(index, found);
  return found;
}

/** Where a logical path was found: the file, the folder it was found in, and what the logical path names there. */
export interface AssetMatch {
  /** The site-relative file. */
  file: string;
  /** The search folder it was found in. */
  folder: string;
  /** The file relative to that folder, with its extension: what jekyll-assets puts after `/assets/` in the URL. */
  logicalPath: string;
  /** Other files an extensionless path could also have meant in the same folder (a preflight may warn). */
  alsoMatched: string[];
}

/**
 * Finds `logicalPath` as Sprockets does: in each folder in order, the file at exactly that path; else, for a
 * path named without its extension, the file with that base name and one more extension (`logo` → `logo.png`).
 * Sprockets takes the first of its sorted directory entries whose type is accepted, and `{% asset %}` accepts
 * every type, so with two such files (`logo.png`, `logo.svg`) the first in code-point order wins here and the
 * others are in `alsoMatched`. Null for a path that is empty, absolute or climbs (`..`), or is not found.
 */
export function resolveAssetMatch(logicalPath: string, index: AssetIndex): AssetMatch | null {
  const parts = logicalSegments(logicalPath);
  if (!parts) return null;
  const logical = parts.join('/');
  const { files, byStem } = lookupOf(index);
  for (const folder of index.folders) {
    const exact = `${folder}/${logical}`;
    if (files.has(exact)) return { file: exact, folder, logicalPath: logical, alsoMatched: [] };
    const stems = byStem.get(exact);
    if (stems) return { file: stems[0], folder, logicalPath: stems[0].slice(folder.length + 1), alsoMatched: stems.slice(1) };
  }
  return null;
}

/** The site-relative file `{% asset logicalPath %}` names, or null: the one answer every part of Pressroom uses. */
export function resolveAsset(logicalPath: string, index: AssetIndex): string | null {
  return resolveAssetMatch(logicalPath, index)?.file ?? null;
}

/**
 * The shortest logical path that names `file` (a file of the index), with the folder it is relative to, so a
 * picker or figure insertion writes what jekyll-assets finds back; null when no search folder reaches it.
 */
export function logicalPathOf(file: string, index: AssetIndex): { folder: string; logicalPath: string } | null {
  let best: { folder: string; logicalPath: string } | null = null;
  for (const folder of index.folders) {
    if (!file.startsWith(`${folder}/`)) continue;
    const logicalPath = file.slice(folder.length + 1);
    if (best && best.logicalPath.length <= logicalPath.length) continue;
    if (resolveAsset(logicalPath, index) === file) best = { folder, logicalPath };
  }
  return best;
}
