/**
 * What the preview's Liquid step may see of a site, read once per site: `_config.yml` and `_data/` as data
 * (YAML 1.1 as Jekyll reads it, sizes bounded so a stray huge file cannot stall the app) and the URL of every
 * post for `{% post_url %}`.
 */
import { promises as fs } from 'node:fs';
import type { PostEntry, SiteRenderContext } from '../../../shared/contract/models';
import { buildPage } from '../../../shared/render/page-context';
import { readSiteText, resolveInside, resolveSiteFolder } from '../paths';
import { parseYaml11, YamlProblem } from '../../../shared/front-matter/yaml11';
import { CONFIG_FILE_NAMES, MAX_CONFIG_BYTES } from './site-config';
import { isRecord } from '../../../shared/util/is-record';
import { siteConfigFromData } from '../../../shared/site/site-config-model';
import { AppFailure, messageOf } from '../../../shared/contract/errors';

/** Limits on `_data/`: one file, all files together, how many files and how deep the folders go. */
export const DATA_LIMITS = { fileBytes: 2 * 1024 * 1024, totalBytes: 16 * 1024 * 1024, files: 500, depth: 4 } as const;

/** Turns parsed YAML into plain JSON data (dates become ISO strings), as the contract carries it. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)));
}


/** The warning for a site file the preview's data skips, in the words the user needs to find it. */
function skipped(rel: string, error: unknown): string {
  if (error instanceof AppFailure && error.error.code === 'outside-site') return `${rel} leads out of the site and was skipped.`;
  if (error instanceof AppFailure && error.error.code === 'too-large') return `${rel} is too large and was skipped.`;
  return `${rel} could not be read and was skipped: ${messageOf(error)}`;
}

/** `_config.yml` as data; a broken config gives an empty one and a warning (opening the site reports it too). */
export async function readConfigData(root: string, warnings: string[] = []): Promise<Record<string, unknown>> {
  for (const name of CONFIG_FILE_NAMES) {
    let text: string;
    try {
      text = await readSiteText(root, name, { maxBytes: MAX_CONFIG_BYTES });
    } catch (error) {
      if (error instanceof AppFailure && error.error.code === 'not-found') continue;
      warnings.push(skipped(name, error));
      return {};
    }
    try {
      const data = plain(parseYaml11(text));
      return isRecord(data) ? data : {};
    } catch (error) {
      warnings.push(`${name}: ${messageOf(error)}`);
      return {};
    }
  }
  return {};
}

interface DataBudget {
  files: number;
  bytes: number;
}

async function readDataFolder(root: string, rel: string, depth: number, budget: DataBudget, warnings: string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  let entries;
  try {
    const real = await resolveSiteFolder(root, rel);
    if (real === null) return out;
    entries = await fs.readdir(real, { withFileTypes: true });
  } catch (error) {
    warnings.push(skipped(rel, error));
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const childRel = `${rel}/${entry.name}`;
    let real: string;
    try {
      real = await resolveInside(root, childRel);
    } catch {
      warnings.push(`${childRel} leads out of the site and was skipped.`);
      continue;
    }
    const stat = await fs.stat(real).catch(() => null);
    if (!stat) continue;
    if (stat.isDirectory()) {
      if (depth >= DATA_LIMITS.depth) warnings.push(`${childRel} is nested too deeply and was skipped.`);
      else out[entry.name] = await readDataFolder(root, childRel, depth + 1, budget, warnings);
      continue;
    }
    const m = /^(.*)\.(ya?ml|json)$/i.exec(entry.name);
    if (!m) continue;
    if (!stat.isFile()) {
      warnings.push(`${childRel} is not a regular file and was skipped.`);
      continue;
    }
    if (budget.files >= DATA_LIMITS.files || budget.bytes + stat.size > DATA_LIMITS.totalBytes) {
      warnings.push(`${childRel} was skipped: _data is too large for the preview.`);
      continue;
    }
    if (stat.size > DATA_LIMITS.fileBytes) {
      warnings.push(`${childRel} is larger than ${DATA_LIMITS.fileBytes / 1024 / 1024} MB and was skipped.`);
      continue;
    }
    budget.files++;
    budget.bytes += stat.size;
    let text: string;
    try {
      text = await readSiteText(root, childRel, { maxBytes: DATA_LIMITS.fileBytes });
    } catch (error) {
      warnings.push(skipped(childRel, error));
      continue;
    }
    try {
      out[m[1]] = plain(m[2].toLowerCase() === 'json' ? JSON.parse(text) : parseYaml11(text));
    } catch (error) {
      const line = error instanceof YamlProblem && error.line !== undefined ? ` (line ${error.line})` : '';
      warnings.push(`${childRel} could not be read: ${messageOf(error)}${line}.`);
    }
  }
  return out;
}

/** `_data/` as Jekyll's `site.data`: one key per file name (without extension), folders as nested objects. */
export async function readSiteData(root: string, warnings: string[] = []): Promise<Record<string, unknown>> {
  return readDataFolder(root, '_data', 1, { files: 0, bytes: 0 }, warnings);
}

/**
 * Where a post is published, as Jekyll with jekyll-multiple-languages-plugin builds it: the plugin reads each language's
 * posts from `_i18n/<lang>/` (dropping `_i18n` and the language from the categories the folders would give) and builds
 * every language but the first (`languages.first`, its default) under `/<lang>/`. Other posts as Jekyll alone does.
 */
function publishedUrl(post: PostEntry, languages: readonly string[], config: Record<string, unknown>): string {
  const front: Record<string, unknown> = { categories: post.categories };
  if (post.dateSource === 'front-matter') front.date = post.date;
  const lang = post.language !== null && post.path.startsWith(`_i18n/${post.language}/`) ? post.language : null;
  const own = lang === null ? post.path : post.path.slice(`_i18n/${lang}/`.length);
  const url = String(buildPage(front, own, config).url ?? '');
  return url && lang !== null && lang !== languages[0] ? `/${lang}${url}` : url;
}

/**
 * The `{% post_url %}` names and URLs of the site's readable, dated posts (drafts have no URL). Where languages share
 * a file name, the default language's post comes last, so a lookup by name (the last one wins) finds it.
 */
export function postUrls(posts: readonly PostEntry[], config: Record<string, unknown>): SiteRenderContext['posts'] {
  const languages = siteConfigFromData(config).languages;
  const rank = (post: PostEntry) => (post.language !== null && post.language === languages[0] ? 1 : 0);
  const out: SiteRenderContext['posts'] = [];
  for (const post of [...posts].sort((a, b) => rank(a) - rank(b))) {
    if (post.error || post.draft || !post.date) continue;
    const url = publishedUrl(post, languages, config);
    if (!url) continue;
    const withoutExt = post.path.replace(/\.[^./]+$/, '');
    const base = withoutExt.split('/').pop()!;
    out.push({ name: base, url, language: post.language });
    const at = withoutExt.lastIndexOf('_posts/');
    const below = at >= 0 ? withoutExt.slice(at + '_posts/'.length) : base;
    if (below !== base) out.push({ name: below, url, language: post.language });
  }
  return out;
}

/** Builds the render context of an opened site from its files and its post list (the calls layer adds the asset index). */
export async function readRenderContext(root: string, assetSources: readonly string[], posts: readonly PostEntry[]): Promise<Omit<SiteRenderContext, 'assets'>> {
  const warnings: string[] = [];
  const config = await readConfigData(root, warnings);
  const data = await readSiteData(root, warnings);
  return { config, data, assetSources: [...assetSources], posts: postUrls(posts, config), warnings };
}
