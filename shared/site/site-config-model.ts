/**
 * What Pressroom needs from a Jekyll `_config.yml`, read from parsed YAML data by a pure function so the
 * service only has to find, read and parse the file.
 */
import { isRecord } from '../util/is-record';
import { assetSearchFolders, cleanAssetFolder, JEKYLL_ASSETS_DEFAULT_SOURCES } from './asset-lookup';

/** One entry of Jekyll's `defaults:`: front matter applied to files matching a scope. */
export interface FrontMatterDefault {
  scope: { path?: string; type?: string };
  values: Record<string, unknown>;
}

/** The parts of a site's configuration the editor uses. */
export interface SiteConfig {
  title: string | null;
  /** Languages of jekyll-multiple-languages-plugin (`languages:`), in the configured order. */
  languages: string[];
  defaultLanguage: string | null;
  defaults: FrontMatterDefault[];
  /** Names of the configured collections. */
  collections: string[];
  /**
   * Site-relative folders assets come from: as read from the config, jekyll-assets' `assets.sources`; once the
   * site is loaded, the search folders that exist (`assetFolderCandidates`).
   */
  assetSources: string[];
}

/** A YAML mapping: a record, but not a date (YAML 1.1 reads timestamps as Date objects). */
function isMapping(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && !(value instanceof Date);
}

function scalarString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function stringList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const out: string[] = [];
  for (const item of items) {
    const s = scalarString(item);
    if (s !== null && !out.includes(s)) out.push(s);
  }
  return out;
}

function defaultsOf(value: unknown): FrontMatterDefault[] {
  if (!Array.isArray(value)) return [];
  const out: FrontMatterDefault[] = [];
  for (const entry of value) {
    if (!isMapping(entry) || !isMapping(entry.values)) continue;
    const scope: FrontMatterDefault['scope'] = {};
    if (isMapping(entry.scope)) {
      const p = scalarString(entry.scope.path);
      const t = scalarString(entry.scope.type);
      if (entry.scope.path === '') scope.path = '';
      else if (p !== null) scope.path = p;
      if (t !== null) scope.type = t;
    }
    out.push({ scope, values: { ...entry.values } });
  }
  return out;
}

function collectionsOf(value: unknown): string[] {
  if (Array.isArray(value)) return stringList(value);
  if (isMapping(value)) return Object.keys(value);
  return [];
}

function assetSourcesOf(value: unknown): string[] {
  if (!isMapping(value)) return [];
  const out: string[] = [];
  for (const s of stringList(value.sources)) {
    const folder = cleanAssetFolder(s);
    if (folder !== null && !out.includes(folder)) out.push(folder);
  }
  return out;
}

/**
 * Builds the SiteConfig from `_config.yml` data (null for an empty file). Asset sources are what the
 * config names; the service turns them into the existing search folders (`assetFolderCandidates`).
 */
export function siteConfigFromData(data: unknown): SiteConfig {
  const d = isMapping(data) ? data : {};
  const languages = stringList(d.languages);
  const configuredDefault = scalarString(d.default_lang);
  return {
    title: scalarString(d.title),
    languages,
    defaultLanguage: configuredDefault ?? languages[0] ?? null,
    defaults: defaultsOf(d.defaults),
    collections: collectionsOf(d.collections),
    assetSources: assetSourcesOf(d.assets),
  };
}

/**
 * Where a site's assets may be when its config names no `assets.sources`: jekyll-assets' default folders, then
 * a plain Jekyll site's `assets/` (copied to `/assets/` as it is, so `<img src="/assets/x.png">` shows).
 */
export const FALLBACK_ASSET_SOURCES: readonly string[] = [...JEKYLL_ASSETS_DEFAULT_SOURCES, 'assets'];

/** The folders to look for assets in, in search order: the configured sources then the plugin's defaults, or the fallback. */
export function assetFolderCandidates(configured: readonly string[]): string[] {
  return configured.length > 0 ? assetSearchFolders(configured) : [...FALLBACK_ASSET_SOURCES];
}
