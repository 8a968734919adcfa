/**
 * Creates a new press release or post, one file per language, from the site's own template or Pressroom's
 * default, in the folder the site's existing posts use. Never overwrites: an existing file is refused.
 */
import { type Dirent, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import { fillTemplate, TemplateError } from '../../../shared/front-matter/template';
import { inferPostLayout, type PostLayout, postPathFor } from '../../../shared/site/post-path';
import type { SiteConfig } from '../../../shared/site/site-config-model';
import { slugify } from '../../../shared/site/slug';
import { createDocument } from '../documents';
import { readSiteText, resolveSiteFolder } from '../paths';

/** What the user chose in the "new post" dialog. */
export interface NewPostInput {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Languages to create the post in; empty for a site without languages. */
  languages: string[];
  category: string;
  /** The file-name slug; made from the title when absent. */
  slug?: string;
}

/** Where the site keeps its own templates (site-relative). */
export const SITE_TEMPLATES_DIR = '.pressroom/templates';
/** Templates are small; a bigger file is a mistake. */
const MAX_TEMPLATE_BYTES = 256 * 1024;

async function readSmall(abs: string): Promise<string | null> {
  let stat;
  try {
    stat = await fs.stat(abs);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  if (stat.size > MAX_TEMPLATE_BYTES) throw new AppFailure('too-large', `The template ${path.basename(abs)} is larger than ${MAX_TEMPLATE_BYTES / 1024} KB.`);
  const text = await fs.readFile(abs, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The template for one language: the site's `post.<lang>.md`, its `post.md`, then Pressroom's default for the language (English when none). */
export async function loadTemplate(root: string, lang: string | null, templatesDir: string): Promise<{ text: string; source: string }> {
  const names = lang ? [`post.${lang}.md`, 'post.md'] : ['post.md'];
  for (const name of names) {
    const rel = `${SITE_TEMPLATES_DIR}/${name}`;
    let text: string;
    try {
      // The site's reader: a template that links out of the site, or is no regular file, is passed over.
      text = await readSiteText(root, rel, { maxBytes: MAX_TEMPLATE_BYTES });
    } catch (error) {
      if (error instanceof AppFailure && error.error.code === 'too-large') throw error;
      continue;
    }
    return { text, source: rel };
  }
  const base = (lang ?? 'en').toLowerCase().split(/[-_]/)[0];
  for (const name of [`press-release.${base}.md`, 'press-release.en.md']) {
    const text = await readSmall(path.join(templatesDir, name));
    if (text !== null) return { text, source: name };
  }
  throw new AppFailure('not-found', 'The post templates are missing from this installation.', { path: templatesDir });
}

async function listNames(abs: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(abs, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Site-relative paths one level into each posts folder, enough to see the site's layout without a full scan. */
async function samplePostPaths(root: string, config: SiteConfig): Promise<string[]> {
  const folders = ['_posts', ...config.languages.filter((l) => /^[\w-]+$/.test(l)).map((l) => `_i18n/${l}/_posts`)];
  const out: string[] = [];
  for (const folder of folders) {
    // Confined like every site folder: a posts folder that links out of the site shows none of its names.
    const real = await resolveSiteFolder(root, folder).catch(() => null);
    if (real === null) continue;
    for (const entry of await listNames(real)) {
      if (entry.isDirectory() && /^\d{4}$/.test(entry.name)) {
        for (const inner of (await listNames(path.join(real, entry.name))).slice(0, 20)) out.push(`${folder}/${entry.name}/${inner.name}`);
      } else if (!entry.isDirectory()) out.push(`${folder}/${entry.name}`);
    }
  }
  return out;
}

/** The outcome: the site-relative paths of the files created, in the order of the languages. */
export interface CreatePostResult {
  paths: string[];
}

/**
 * Creates the post in each language and returns the site-relative paths created. When one language fails
 * (e.g. its file exists), the error names the paths already created, so nothing is lost or left unknown.
 */
export async function createPost(
  root: string,
  config: SiteConfig,
  input: NewPostInput,
  opts: { templatesDir: string; existingPosts?: readonly string[] },
): Promise<CreatePostResult> {
  const title = input.title.trim();
  if (title === '') throw new AppFailure('invalid-arguments', 'A new post needs a title.');
  const slug = input.slug?.trim() || slugify(title, input.languages[0] ?? config.defaultLanguage);
  if (slug === '') throw new AppFailure('invalid-arguments', 'The title has no letters or digits to make a file name from; enter a file name.');
  const languages = [...new Set(input.languages)];
  const unknown = languages.filter((l) => config.languages.length > 0 && !config.languages.includes(l));
  if (unknown.length > 0) throw new AppFailure('invalid-arguments', `The site has no language ${unknown.join(', ')} (it has ${config.languages.join(', ')}).`);
  const layout: PostLayout = inferPostLayout(opts.existingPosts ?? (await samplePostPaths(root, config)), config);
  const primary = config.defaultLanguage && languages.includes(config.defaultLanguage) ? config.defaultLanguage : (languages[0] ?? null);
  const targets = (languages.length > 0 ? languages : [null]).map((lang) => ({
    lang,
    rel: postPathFor(config, layout.i18n || lang !== primary ? lang : null, input.date, slug, layout),
  }));
  const created: string[] = [];
  for (const { lang, rel } of targets) {
    try {
      const template = await loadTemplate(root, lang, opts.templatesDir);
      let text: string;
      try {
        text = fillTemplate(template.text, { title, date: input.date, category: input.category.trim(), lang: lang ?? '' });
      } catch (error) {
        if (error instanceof TemplateError) throw new AppFailure('bad-config', `The template ${template.source} is broken: ${error.message}`, { path: template.source, line: error.line });
        throw error;
      }
      await createDocument(root, rel, text);
      created.push(rel);
    } catch (error) {
      if (created.length === 0 || !(error instanceof AppFailure)) throw error;
      const done = `Created ${created.join(', ')}; `;
      throw new AppFailure(error.error.code, `${done}${lang ?? 'the post'} failed: ${error.message}`, { path: rel });
    }
  }
  return { paths: created };
}
