/**
 * The front-matter form of a site: `.pressroom.yml` (optional) merged over what the site's posts and
 * `_config.yml` defaults show, with the choices the site already uses. Reads only, and only a bounded amount.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FrontMatterSchema, PostEntry } from '../../../shared/contract/models';
import { inferSchema, mergeSchema, parseSchemaFile, SCHEMA_FILE_NAME, type SchemaFile } from '../../../shared/front-matter/schema';
import type { SiteConfig } from '../../../shared/site/site-config-model';
import { readSiteText, resolveSiteFolder } from '../paths';
import { AppFailure } from '../../../shared/contract/errors';
import { HEAD_BYTES, readPostFileHead } from './front-matter-head';

/** A `.pressroom.yml` larger than this is not a schema; it is refused with a problem. */
export const MAX_SCHEMA_FILE_BYTES = 256 * 1024;
/** Posts whose heads are read for inference, newest first; enough to see every habit of a site. */
export const MAX_SAMPLED_POSTS = 400;

async function readSchemaFile(root: string): Promise<SchemaFile | null> {
  const empty: SchemaFile = { fields: [], collections: {}, problems: [] };
  let text: string;
  try {
    text = await readSiteText(root, SCHEMA_FILE_NAME, { maxBytes: MAX_SCHEMA_FILE_BYTES, strict: true });
  } catch (error) {
    if (!(error instanceof AppFailure) || error.error.code === 'not-found') return null;
    const code = error.error.code;
    if (code === 'too-large') return { ...empty, problems: [{ message: `${SCHEMA_FILE_NAME} is larger than ${MAX_SCHEMA_FILE_BYTES / 1024} KB and was not read.` }] };
    if (code === 'not-text') return { ...empty, problems: [{ message: `${SCHEMA_FILE_NAME} could not be read as UTF-8 text.` }] };
    if (code === 'outside-site') return { ...empty, problems: [{ message: `${SCHEMA_FILE_NAME} is a symbolic link that leads out of the site, so it was not read.` }] };
    return { ...empty, problems: [{ message: error.message }] };
  }
  return parseSchemaFile(text);
}

/** The front matter of up to MAX_SAMPLED_POSTS posts, read as the post list reads them; unreadable posts are skipped. */
function sampleFrontMatter(root: string, posts: readonly PostEntry[]): Array<Record<string, unknown>> {
  const buffer = Buffer.allocUnsafe(HEAD_BYTES);
  const out: Array<Record<string, unknown>> = [];
  const seen = new Set<string>();
  for (const post of posts) {
    if (out.length >= MAX_SAMPLED_POSTS) break;
    // A symlinked translation is the same file as its target: read it once.
    const real = post.symlinkTarget ?? post.path;
    if (post.error !== null || seen.has(real)) continue;
    seen.add(real);
    const head = readPostFileHead(path.join(root, ...real.split('/')), buffer);
    if (head.error === null) out.push(head.data);
  }
  return out;
}

/** Names of the layouts in `_layouts/` (without extension), the choices of the `layout` field. */
async function layoutNames(root: string): Promise<string[]> {
  // A `_layouts` that leads out of the site lists nothing: the names of a folder elsewhere are not the site's layouts.
  const real = await resolveSiteFolder(root, '_layouts').catch(() => null);
  if (real === null) return [];
  const entries = await fs.readdir(real, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name.replace(/\.[^.]+$/, ''));
}

/**
 * Builds the site's front-matter form from `.pressroom.yml`, the posts (`posts` as listed by the scan,
 * newest first) and the config. Problems with `.pressroom.yml` are returned, never thrown.
 */
export async function loadFrontMatterSchema(root: string, config: SiteConfig, posts: readonly PostEntry[]): Promise<FrontMatterSchema> {
  const declared = (await readSchemaFile(root)) ?? { fields: [], collections: {}, problems: [] };
  const samples = sampleFrontMatter(root, posts);
  const extra: Record<string, string[]> = { layout: await layoutNames(root) };
  if (config.languages.length > 0 && samples.some((s) => 'lang' in s)) extra.lang = config.languages;
  const inferred = inferSchema(samples, config.defaults, extra);
  const problems = declared.problems.map((p) => ({ ...p, path: SCHEMA_FILE_NAME }));
  return mergeSchema(declared, inferred, problems);
}
