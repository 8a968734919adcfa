/**
 * For tests of the export document: a copy of a fixture site in a temp folder and its render context built by the
 * real services (as `site.renderContext` and the CLI build it), so a test exports exactly what a user would.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SiteRenderContext } from '../../../shared/contract/models';
import { buildAssetIndex, renderAssetIndex } from '../assets';
import { loadSiteConfig, openSite, postUrls, readConfigData, readSiteData } from '../site';
import { buildExportDocument, type ExportDocument } from './export-document';

/** The repository's root (this file is in electron/services/export). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** A fresh temp folder (real path) holding a copy of `fixture` (a folder under the repository) as `site/`. */
export async function copySite(fixture: string): Promise<{ base: string; root: string }> {
  const base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-export-')));
  const root = path.join(base, 'site');
  await fs.cp(path.join(REPO_ROOT, fixture), root, { recursive: true });
  return { base, root };
}

/** The render context of the site at `root`, read by the same services the app uses. */
export async function renderContextOf(root: string): Promise<SiteRenderContext> {
  const warnings: string[] = [];
  const config = await readConfigData(root, warnings);
  const data = await readSiteData(root, warnings);
  const { assetSources } = await loadSiteConfig(root);
  const assets = renderAssetIndex(await buildAssetIndex(root, assetSources));
  const posts = postUrls((await openSite(root)).posts, config);
  return { config, data, assetSources, assets, posts, warnings };
}

/** Exports the post at site-relative `rel` (its text from disk unless given) on A4. */
export async function exportSitePost(root: string, rel: string, text?: string): Promise<ExportDocument> {
  const source = text ?? (await fs.readFile(path.join(root, rel), 'utf8'));
  return buildExportDocument({ root, path: rel, text: source, context: await renderContextOf(root), pageSize: 'A4', generator: 'Pressroom test' });
}
