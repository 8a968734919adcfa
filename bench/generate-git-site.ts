/**
 * A repository the size of a real press site, for the git benchmarks: 1,500 files, 200 posts under
 * `_i18n/{en,de}/_posts/<category>/`, and 300 MB of images (incompressible, as JPEGs are), committed and packed
 * with the real `git` as a clone would have it. Generated once per GENERATOR_VERSION and kept in the temp folder.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Bump when the shape changes, so an old cached repository is not measured as the new one. */
const GENERATOR_VERSION = 2;
const FILES = 1_500;
const POSTS_PER_LANGUAGE = 100;
const IMAGES = 300;
const IMAGE_BYTES = 1024 * 1024;
const HISTORY_COMMITS = 20;
const CATEGORIES = ['press', 'company', 'product', 'events', 'investors'];
const MARKER = '.pressroom-bench-complete';

/** The identity and clock every generated commit uses, and no user or system config. */
export function benchGitEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: os.tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Bench Author',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench Author',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    LANG: 'C',
    LC_ALL: 'C',
  };
}

/** Runs the real `git` in `dir` under the bench environment. */
export function benchGit(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: benchGitEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Repository-relative path and text of post `i` in `language`. */
export function benchPost(i: number, language: 'en' | 'de'): { path: string; text: string } {
  const category = CATEGORIES[i % CATEGORIES.length];
  const date = `${2015 + (i % 10)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
  const slug = `${language === 'de' ? 'meldung' : 'release'}-${i}`;
  const title = language === 'de' ? `Pressemitteilung ${i}` : `Press release ${i}`;
  let body = `---\nlayout: post\ntitle: "${title}"\ndate: ${date} 09:00:00 +0200\ncategories: [${category}]\nimage: /assets/images/${i % IMAGES}.jpg\n---\n\n# ${title}\n\n`;
  while (body.length < 4000) body += 'ACME today announced a new chapter for its customers across Europe, with partners briefed ahead of the launch.\n\n';
  return { path: `_i18n/${language}/_posts/${category}/${date}-${slug}.md`, text: body };
}

/** The small files that make up the rest of a Jekyll site: layouts, includes, styles, scripts, data and pages. */
function otherFile(i: number): { path: string; text: string } {
  const kinds = [
    (n: number) => [`_layouts/layout-${n}.html`, `<html><body>{{ content }}<!-- ${n} --></body></html>\n`],
    (n: number) => [`_includes/part-${n}.html`, `<div class="part-${n}">{% include other.html %}</div>\n`],
    (n: number) => [`_sass/components/_c${n}.scss`, `.c${n} { margin: ${n}px; color: #333; }\n`],
    (n: number) => [`assets/js/module-${n}.js`, `export const value${n} = ${n};\n`.repeat(20)],
    (n: number) => [`_data/list-${n}.yml`, `- name: Item ${n}\n  url: /items/${n}/\n`.repeat(10)],
    (n: number) => [`_i18n/${n % 2 ? 'de' : 'en'}/pages/page-${n}.md`, `---\ntitle: Page ${n}\n---\n\nSome page text ${n}.\n`.repeat(5)],
  ];
  const [p, text] = kinds[i % kinds.length](i);
  return { path: p, text };
}

async function write(dir: string, rel: string, content: string | Buffer): Promise<void> {
  const abs = path.join(dir, ...rel.split('/'));
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, content);
}

/** All post paths of the generated repository. */
export function benchPostPaths(): string[] {
  const paths: string[] = [];
  for (let i = 0; i < POSTS_PER_LANGUAGE; i++) for (const language of ['en', 'de'] as const) paths.push(benchPost(i, language).path);
  return paths;
}

/**
 * The path of the cached generated repository (a working copy on `main`, objects packed), generating it first when
 * missing: about 300 MB, under a minute once; later calls return at once.
 */
export async function generateGitSite(): Promise<string> {
  const dir = path.join(os.tmpdir(), `pressroom-bench-git-${GENERATOR_VERSION}`);
  if (await fs.stat(path.join(dir, '.git', MARKER)).then(() => true, () => false)) return dir;
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  benchGit(dir, 'init', '-q', '-b', 'main');
  // Images are stored whole, never delta-searched, and lightly deflated: random bytes do not shrink, only cost time.
  benchGit(dir, 'config', 'core.bigFileThreshold', '512k');
  benchGit(dir, 'config', 'core.compression', '1');
  const writes: Array<Promise<void>> = [write(dir, '_config.yml', 'title: ACME Newsroom\nlanguages: ["en", "de"]\n')];
  let files = 1;
  for (let i = 0; i < POSTS_PER_LANGUAGE; i++) {
    for (const language of ['en', 'de'] as const) {
      const post = benchPost(i, language);
      writes.push(write(dir, post.path, post.text));
      files++;
    }
  }
  for (let i = 0; i < IMAGES; i++, files++) writes.push(write(dir, `assets/images/${2015 + (i % 10)}/${i}.jpg`, randomBytes(IMAGE_BYTES)));
  for (let i = 0; files < FILES; i++, files++) {
    const other = otherFile(i);
    writes.push(write(dir, other.path, other.text));
  }
  await Promise.all(writes);
  benchGit(dir, 'add', '-A');
  benchGit(dir, 'commit', '-q', '-m', 'The site as it was imported');
  // A little history of post edits, as a site in use has.
  const posts = benchPostPaths();
  for (let c = 0; c < HISTORY_COMMITS; c++) {
    const rel = posts[(c * 7) % posts.length];
    await fs.appendFile(path.join(dir, rel), `\nUpdate ${c}.\n`);
    benchGit(dir, 'commit', '-q', '-am', `Update post ${c}`);
  }
  benchGit(dir, 'repack', '-adq');
  benchGit(dir, 'prune');
  benchGit(dir, 'config', '--unset', 'core.compression');
  await fs.writeFile(path.join(dir, '.git', MARKER), `${FILES} files\n`);
  return dir;
}

/** A fresh clone of the generated repository (packed objects, a full checkout), as a user's site after `git clone`. */
export async function cloneGitSite(): Promise<string> {
  const source = await generateGitSite();
  const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-bench-git-clone-')));
  benchGit(dir, 'clone', '-q', source, '.');
  return dir;
}
