/**
 * Finds and reads a site's `_config.yml`: its presence is what makes a folder a Jekyll site, and its
 * languages, defaults and asset folders shape the post list and the editor.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import { FALLBACK_ASSET_SOURCES, type SiteConfig, siteConfigFromData } from '../../../shared/site/site-config-model';
import { parseYaml11, YamlProblem } from '../../../shared/front-matter/yaml11';

/** Config file names Jekyll reads by default, in its order. */
export const CONFIG_FILE_NAMES = ['_config.yml', '_config.yaml'] as const;
/** A config larger than this is not a config; refusing it keeps a stray huge file from stalling the app. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

async function readConfigText(root: string): Promise<{ name: string; text: string } | null> {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(root, name);
    let handle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw new AppFailure('not-readable', `${name} could not be read (${code ?? 'error'}).`, { path: name });
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new AppFailure('not-readable', `${name} is not a file.`, { path: name });
      if (stat.size > MAX_CONFIG_BYTES) throw new AppFailure('too-large', `${name} is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB.`, { path: name });
      const text = await handle.readFile({ encoding: 'utf8' });
      return { name, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new AppFailure('not-readable', `${name} could not be read (${code ?? 'error'}).`, { path: name });
    } finally {
      await handle.close();
    }
  }
  return null;
}

async function isFolder(abs: string): Promise<boolean> {
  try {
    return (await fs.stat(abs)).isDirectory();
  } catch {
    return false;
  }
}

/** Existing conventional image folders, skipping one nested in (or holding) a folder already chosen. */
async function fallbackAssetSources(root: string): Promise<string[]> {
  const chosen: string[] = [];
  for (const rel of FALLBACK_ASSET_SOURCES) {
    const overlaps = chosen.some((c) => c === rel || c.startsWith(`${rel}/`) || rel.startsWith(`${c}/`));
    if (!overlaps && (await isFolder(path.join(root, rel)))) chosen.push(rel);
  }
  return chosen;
}

/**
 * Reads the site's configuration. Throws `not-a-site` without a config file, `not-readable` when it
 * cannot be read and `bad-config` (with the line) for broken YAML or a config that is not a mapping.
 */
export async function loadSiteConfig(root: string): Promise<SiteConfig> {
  const found = await readConfigText(root);
  if (!found) throw new AppFailure('not-a-site', 'This folder is not a Jekyll site: it has no _config.yml.', { path: root });
  const { name, text } = found;
  let data: unknown;
  try {
    data = parseYaml11(text);
  } catch (error) {
    if (!(error instanceof YamlProblem)) throw error;
    const where = error.line !== undefined ? ` (line ${error.line})` : '';
    throw new AppFailure('bad-config', `${name} could not be read: ${error.message}${where}.`, { path: name, line: error.line });
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data) || data instanceof Date))
    throw new AppFailure('bad-config', `${name} must be a list of "key: value" settings.`, { path: name, line: 1 });
  const config = siteConfigFromData(data);
  if (config.assetSources.length === 0) config.assetSources = await fallbackAssetSources(root);
  return config;
}
