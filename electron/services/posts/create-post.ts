/**
 * Creates a new press release or post: one file per language, each with its own title, in the folder and under the
 * file name the dialog showed, from the site's own template or Pressroom's default, filled with the site's
 * press-release values. All or nothing, and never overwrites: an existing file is refused before anything is written.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import type { PostEntry } from '../../../shared/contract/models';
import { fillTemplate, TemplateError } from '../../../shared/front-matter/template';
import { parsePostFileName } from '../../../shared/site/conventions';
import { isValidSlug } from '../../../shared/site/post-path';
import type { SiteConfig } from '../../../shared/site/site-config-model';
import { createDocument } from '../documents';
import { normalizeRel, readSiteText, resolveInside } from '../paths';
import { fillPressReleaseValues, withAuthor } from './fill-values';
import { loadPressReleaseValues } from './template-values';

/** One file of a new post, as the dialog showed it. */
export interface NewPostFile {
  /** Absent (or null) on a site without languages. */
  language?: string | null;
  title: string;
  /** Site-relative folder under the posts folder, e.g. `_i18n/en/_posts/announcements`. */
  folder: string;
  /** `YYYY-MM-DD-slug.md`, the date being the post's. */
  fileName: string;
}

/** What the user chose in the "new post" dialog. */
export interface NewPostInput {
  /** YYYY-MM-DD. */
  date: string;
  category: string;
  posts: NewPostFile[];
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

/** A folder name a post folder may have: letters, digits, `-`, `_`, `.`; not hidden, no path parts. */
const FOLDER_SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
/** Subfolders below a posts folder; deeper is a mistake, not a habit. */
const MAX_FOLDER_DEPTH = 4;

/**
 * The site-relative path of one file, after checking it is where posts of its language belong (`_posts/…`, or
 * `_i18n/<its language>/_posts/…` on a site with languages) and named `<date>-<slug>.md`.
 */
export function checkedPostPath(config: Pick<SiteConfig, 'languages'>, file: NewPostFile, date: string): string {
  const lang = file.language ?? null;
  // A site without `languages:` may still name a post's language (for its template); one with them, only those.
  if (lang !== null && config.languages.length > 0 && !config.languages.includes(lang)) {
    throw new AppFailure('invalid-arguments', `The site has no language ${lang} (it has ${config.languages.join(', ')}).`);
  }
  const folder = file.folder.trim().replace(/\/+$/, '');
  const parts = folder.split('/');
  const rootLength = parts[0] === '_i18n' ? 3 : 1;
  const inPosts = parts[0] === '_posts' || (parts[0] === '_i18n' && parts[1] === lang && parts[2] === '_posts');
  const below = parts.slice(rootLength);
  if (!inPosts || below.length > MAX_FOLDER_DEPTH || !below.every((p) => FOLDER_SEGMENT.test(p) && !p.includes('..'))) {
    const where = lang !== null && config.languages.length > 0 ? `_i18n/${lang}/_posts or _posts` : '_posts';
    throw new AppFailure('invalid-arguments', `"${folder.slice(0, 120)}" is not a posts folder of the site; a new post goes in ${where} or a folder inside it.`);
  }
  const named = parsePostFileName(file.fileName);
  const slug = file.fileName.slice(11, -3);
  if (!/^\d{4}-\d{2}-\d{2}-.+\.md$/.test(file.fileName) || named === null || !isValidSlug(slug)) {
    throw new AppFailure('invalid-arguments', `"${file.fileName.slice(0, 120)}" is not a post file name like ${date}-title.md.`);
  }
  if (named.date !== date) throw new AppFailure('invalid-arguments', `${file.fileName} does not start with the post's date ${date}.`);
  return normalizeRel(`${folder}/${file.fileName}`);
}

/** The outcome: the site-relative paths of the files created, in the order given. */
export interface CreatePostResult {
  paths: string[];
}

const exists = async (abs: string) =>
  fs.lstat(abs).then(
    () => true,
    () => false,
  );

/** Removes what a failed creation wrote: its files, then the folders it made (deepest first, only when empty). */
async function rollBack(root: string, files: readonly string[], folders: readonly string[]): Promise<void> {
  for (const rel of files) await fs.rm(await resolveInside(root, rel), { force: true }).catch(() => undefined);
  for (const abs of [...folders].sort((a, b) => b.length - a.length)) await fs.rmdir(abs).catch(() => undefined);
}

/**
 * Creates every file of the post and returns their site-relative paths. Nothing is written when one of them
 * exists or is not allowed; when writing one fails, those written before are removed again, so a post is
 * created in all its languages or not at all.
 */
export async function createPost(
  root: string,
  config: SiteConfig,
  input: NewPostInput,
  opts: { templatesDir: string; existingPosts?: readonly Pick<PostEntry, 'path' | 'category' | 'symlinkTarget' | 'error'>[] },
): Promise<CreatePostResult> {
  if (input.posts.length === 0) throw new AppFailure('invalid-arguments', 'A new post needs at least one file.');
  const targets = input.posts.map((file) => {
    const title = file.title.trim();
    if (title === '') throw new AppFailure('invalid-arguments', 'A new post needs a title in each of its languages.');
    return { lang: file.language ?? null, title, rel: checkedPostPath(config, file, input.date) };
  });
  const seen = new Set<string>();
  for (const t of targets) {
    const key = `${t.lang}`;
    if (seen.has(key) || seen.has(t.rel)) throw new AppFailure('invalid-arguments', `${t.lang ?? 'The post'} is named twice.`);
    seen.add(key).add(t.rel);
  }
  const realRoot = await resolveInside(root, '.');
  for (const t of targets) {
    if (await exists(path.join(realRoot, ...t.rel.split('/')))) throw new AppFailure('exists', `${t.rel} already exists; nothing was created. Choose another title or file name.`, { path: t.rel });
  }
  const category = input.category.trim();
  const values = await loadPressReleaseValues(root, { languages: targets.map((t) => t.lang), defaultLanguage: config.defaultLanguage, category, posts: opts.existingPosts ?? [], date: input.date });
  // Fill every file before writing any, so a broken template writes nothing.
  const texts: string[] = [];
  for (const t of targets) {
    const template = await loadTemplate(root, t.lang, opts.templatesDir);
    const own = values.get(t.lang) ?? {};
    try {
      const filled = fillTemplate(fillPressReleaseValues(template.text, own, template.source), { title: t.title, date: input.date, category, lang: t.lang ?? '' });
      texts.push(withAuthor(filled, own));
    } catch (error) {
      if (error instanceof TemplateError) throw new AppFailure('bad-config', `The template ${template.source} is broken: ${error.message}`, { path: template.source, line: error.line });
      throw error;
    }
  }
  const created: string[] = [];
  const madeFolders: string[] = [];
  for (const [i, t] of targets.entries()) {
    try {
      // Note the folders this post makes, so a failure can take them away again.
      for (let dir = path.dirname(path.join(realRoot, ...t.rel.split('/'))); dir.startsWith(realRoot + path.sep) && !(await exists(dir)); dir = path.dirname(dir)) madeFolders.push(dir);
      await createDocument(root, t.rel, texts[i]);
      created.push(t.rel);
    } catch (error) {
      await rollBack(root, created, madeFolders);
      if (!(error instanceof AppFailure)) throw error;
      const undone = created.length > 0 ? ` ${created.join(', ')} was removed again, so nothing was created.` : ' Nothing was created.';
      throw new AppFailure(error.error.code, `${error.message}${undone}`, { path: t.rel });
    }
  }
  return { paths: created };
}
