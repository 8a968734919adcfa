/**
 * Finds and reads a site's `_config.yml`: its presence is what makes a folder a Jekyll site, and its
 * languages, defaults and asset folders shape the post list and the editor.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import { assetFolderCandidates, type SiteConfig, siteConfigFromData } from '../../../shared/site/site-config-model';
import { parseYaml11, YamlProblem } from '../../../shared/front-matter/yaml11';
import { readSiteText } from '../paths';

/** Config file names Jekyll reads by default, in its order. */
export const CONFIG_FILE_NAMES = ['_config.yml', '_config.yaml'] as const;
/** A config larger than this is not a config; refusing it keeps a stray huge file from stalling the app. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** Reads the first config file there is, through the site's confined reader: a link out or a non-file is refused. */
async function readConfigText(root: string): Promise<{ name: string; text: string } | null> {
  for (const name of CONFIG_FILE_NAMES) {
    try {
      return { name, text: await readSiteText(root, name, { maxBytes: MAX_CONFIG_BYTES }) };
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      if (error.error.code === 'not-found') continue;
      if (error.error.code === 'outside-site') {
        throw new AppFailure('outside-site', `${name} is a symbolic link that leads out of the site folder; Pressroom reads only files inside the site.`, { path: name });
      }
      throw error;
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

/** The asset folders in jekyll-assets' search order: the configured sources, then the plugin's defaults that exist. */
async function fallbackAssetSources(root: string, configured: readonly string[]): Promise<string[]> {
  const chosen: string[] = [];
  for (const rel of assetFolderCandidates(configured)) if (configured.includes(rel) || (await isFolder(path.join(root, rel)))) chosen.push(rel);
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
  config.assetSources = await fallbackAssetSources(root, config.assetSources);
  return config;
}
