/**
 * Opens a site folder: resolves its real path (which names the site from then on), reads its config and
 * lists its posts. Opening only reads; it never writes anything into the site.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import type { PostEntry, SiteSummary } from '../../../shared/contract/models';
import { loadSiteConfig } from './site-config';
import { scanPosts } from './scan-posts';

/** Warnings listed by name at most; beyond that one line says how many more there are. */
const MAX_WARNINGS = 50;

/** A site as opened: what the renderer is told about it, and its post list. */
export interface OpenedSite {
  summary: SiteSummary;
  posts: PostEntry[];
}

async function realFolder(input: string): Promise<string> {
  const shown = input.length > 200 ? `${input.slice(0, 200)}…` : input;
  let real: string;
  try {
    real = await fs.realpath(path.resolve(input));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP')
      throw new AppFailure('not-found', `There is no folder at ${shown}.`, { path: input });
    throw new AppFailure('not-readable', `The folder ${shown} could not be opened (${code ?? 'error'}).`, { path: input });
  }
  const stat = await fs.stat(real);
  if (!stat.isDirectory()) throw new AppFailure('not-a-site', `${shown} is a file, not a site folder.`, { path: input });
  return real;
}

/** Lines for the posts that could not be read, each naming the post, so the user can find and fix them. */
function warningsOf(posts: PostEntry[]): string[] {
  const broken = posts.filter((p) => p.error !== null);
  const lines = broken.slice(0, MAX_WARNINGS).map((p) => `${p.path}: ${p.error}`);
  if (broken.length > MAX_WARNINGS) lines.push(`…and ${broken.length - MAX_WARNINGS} more posts that could not be read.`);
  return lines;
}

/**
 * Opens the site at `input`: `not-found` when there is no folder, `not-a-site` for a file or a folder
 * without `_config.yml`, `bad-config` for a broken config. Posts that fail to read become warnings.
 */
export async function openSite(input: string, onProgress?: (done: number, total: number | null) => void): Promise<OpenedSite> {
  const root = await realFolder(input);
  const config = await loadSiteConfig(root);
  const posts = await scanPosts(root, config, onProgress);
  const summary: SiteSummary = {
    root,
    name: config.title ?? path.basename(root),
    languages: config.languages,
    defaultLanguage: config.defaultLanguage,
    assetSources: config.assetSources,
    collections: config.collections,
    postCount: posts.length,
    warnings: warningsOf(posts),
  };
  return { summary, posts };
}
