/**
 * Writes a realistic bilingual Jekyll site with many posts, so benchmarks and scale tests measure the
 * post list on something shaped like a real press archive (years of folders, German links to English posts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const WORDS = ['press', 'release', 'launch', 'partner', 'quarter', 'results', 'award', 'product', 'update', 'event', 'team', 'growth', 'market', 'customer', 'service'];
const CATEGORIES = ['press', 'company', 'product', 'events', 'investors'];
const PARAGRAPH =
  'ACME today announced a new chapter for its customers across Europe. The company expects the change to ' +
  'reach every region within the quarter, and partners have been briefed ahead of the public launch. ';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The file name, date and front matter of post number `i`. */
function postOf(i: number, language: 'en' | 'de'): { year: number; name: string; text: string } {
  const year = 2010 + (i % 15);
  const month = 1 + (Math.floor(i / 15) % 12);
  const day = 1 + (Math.floor(i / 180) % 28);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const words = [WORDS[i % WORDS.length], WORDS[(i * 7) % WORDS.length], WORDS[(i * 11) % WORDS.length]];
  const slug = `${words.join('-')}-${i}`;
  const title = language === 'de' ? `Pressemitteilung: ${words.join(' ')} ${i}` : `Press release: ${words.join(' ')} ${i}`;
  const frontMatter = [
    '---',
    'layout: post',
    `title: "${title}"`,
    `date: ${date} ${pad(8 + (i % 10))}:${pad(i % 60)}:00 +0200`,
    `categories: [${CATEGORIES[i % CATEGORIES.length]}, news]`,
    `tags: [${words.join(', ')}]`,
    `author: Press Office ${i % 7}`,
    `image: /assets/images/${slug}.jpg`,
    `excerpt: "${title}: the short version for the list of releases."`,
    ...(i % 97 === 0 ? ['published: no'] : []),
    '---',
    '',
  ].join('\n');
  let body = `# ${title}\n\n`;
  while (frontMatter.length + body.length < 3000) body += `${PARAGRAPH}\n\n`;
  return { year, name: `${date}-${slug}.md`, text: frontMatter + body };
}

/** Runs `tasks` with at most `limit` at once. */
async function inParallel(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/**
 * Writes a Jekyll site into `dir` with `posts` posts spread over `_i18n/en/_posts/<year>/` and
 * `_i18n/de/_posts/<year>/`; every third German post is a symlink to the English one before it.
 */
export async function generateSite(dir: string, posts: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(
    path.join(dir, '_config.yml'),
    [
      'title: ACME Newsroom',
      'url: "https://press.example.com"',
      'languages: ["en", "de"]',
      'default_lang: en',
      'plugins: [jekyll-multiple-languages-plugin, jekyll-assets]',
      'defaults:',
      '  - scope: { path: "", type: posts }',
      '    values: { layout: post }',
      'assets:',
      '  sources: [_assets/images]',
      '',
    ].join('\n'),
  );
  await fs.mkdir(path.join(dir, '_assets/images'), { recursive: true });
  const years = new Set<number>();
  for (let i = 0; i < Math.min(posts, 15); i++) years.add(2010 + i);
  for (const lang of ['en', 'de']) for (const year of years) await fs.mkdir(path.join(dir, '_i18n', lang, '_posts', String(year)), { recursive: true });
  const tasks: Array<() => Promise<void>> = [];
  for (let i = 0; i < posts; i++) {
    const language = i % 2 === 0 ? 'en' : 'de';
    if (language === 'de' && i % 6 === 1) {
      const english = postOf(i - 1, 'en');
      const link = path.join(dir, '_i18n/de/_posts', String(english.year), english.name);
      const target = path.join('..', '..', '..', 'en', '_posts', String(english.year), english.name);
      tasks.push(() => fs.symlink(target, link));
      continue;
    }
    const post = postOf(i, language);
    tasks.push(() => fs.writeFile(path.join(dir, '_i18n', language, '_posts', String(post.year), post.name), post.text));
  }
  await inParallel(tasks, 64);
}
