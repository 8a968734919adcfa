/**
 * Synthetic posts for the render benchmarks: the constructs press posts use (Liquid tags, raw HTML figures,
 * lists, fenced code, tables, footnotes), repeated to a target size, and a site folder that holds everything
 * such a post refers to, so Pressroom and Jekyll render it without a missing asset or post.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Median and p95 of timings (kept here for the benches that import it from this file; see bench/measure.ts). */
export { stats } from './measure';

/** Posts of the bench site besides the bench post: the post list a `{% post_url %}` makes the CLI read. */
export const CORPUS_SITE_POSTS = 200;

/** Figures the corpus refers to (`_assets/images/blog/figure-<n>.png`). */
const FIGURES = 5;

/** File name (without extension) of bench-site post `i`, as `{% post_url %}` names it. */
function postName(i: number): string {
  return `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}-release-${i}`;
}

function liquidPart(n: number): string {
  return [
    `<figure class="figure">`,
    `  {% asset blog/figure-${n % FIGURES}.png alt="Figure ${n}" class="w-100" %}`,
    `  <figcaption>Figure ${n}: how {{ page.title }} fits together.</figcaption>`,
    `</figure>`,
    '',
    `See [the previous release]({% post_url ${postName(n % CORPUS_SITE_POSTS)} %}) for what came before.`,
    `{% if page.category == "release" %}This is release news from {{ site.title }}.{% else %}Other news.{% endif %}`,
    '',
    '{% highlight ruby %}',
    `def release_${n}`,
    `  puts "release ${n}"`,
    'end',
    '{% endhighlight %}',
    '',
  ].join('\n');
}

function plainPart(n: number): string {
  return [
    `<figure class="figure">`,
    `  <img src="/assets/blog/figure-${n % FIGURES}.png" alt="Figure ${n}" class="w-100">`,
    `  <figcaption>Figure ${n}: how the release fits together.</figcaption>`,
    `</figure>`,
    '',
    `See [the previous release](/2023/01/01/release-${n % CORPUS_SITE_POSTS}.html) for what came before.`,
    '',
  ].join('\n');
}

function section(n: number, liquid: boolean): string {
  return [
    `## Section ${n}: results of the quarter`,
    '',
    `The project shipped release ${n} with *faster* upgrades, **GPU** support and a [changelog](https://example.org/r${n}).[^n${n}]`,
    `Operators report "fewer incidents" -- and the --- dashboard shows it. Use \`kestrel upgrade --to ${n}\` to try it.`,
    '',
    `- first point of section ${n}, with a [link](/docs/${n}/)`,
    `- second point, with \`code\` and _emphasis_`,
    `  1. a nested step`,
    `  2. another step`,
    '',
    '| Metric | Before | After |',
    '|--------|-------:|------:|',
    `| p50    | ${n}0 ms | ${n} ms |`,
    `| p99    | ${n}00 ms | ${n}0 ms |`,
    '',
    '> Upgrades nobody notices are the best upgrades.',
    '',
    '```yaml',
    `release: ${n}`,
    'features: [gpu, upgrades]',
    '```',
    '',
    liquid ? liquidPart(n) : plainPart(n),
    `[^n${n}]: Footnote ${n} with details about the release.`,
    '',
  ].join('\n');
}

/** A post (front matter and body) of about `bytes` bytes; `liquid` adds the Liquid a Jekyll post has. */
export function corpusPost(bytes: number, liquid = true): string {
  let out = liquid ? '---\ntitle: "Benchmark post"\ncategory: release\n---\n' : '';
  for (let n = 1; out.length < bytes; n++) out += section(n, liquid);
  return out;
}

/** The URL the bench site's `{% post_url %}` gives for `name` (Jekyll's default permalink, no categories). */
export function corpusPostUrl(name: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(name);
  return m ? `/${m[1]}/${m[2]}/${m[3]}/${m[4]}.html` : null;
}

/**
 * Writes a Jekyll site into `dir` (a `_config.yml`, the figures under `_assets/images`, 200 posts) and the
 * bench post of about `bytes` bytes into its `_posts`; returns the bench post's path.
 */
export async function writeCorpusSite(dir: string, bytes: number): Promise<string> {
  await fs.mkdir(path.join(dir, '_posts'), { recursive: true });
  await fs.mkdir(path.join(dir, '_assets/images/blog'), { recursive: true });
  await fs.writeFile(path.join(dir, '_config.yml'), 'title: Bench site\nurl: https://example.org\nbaseurl: ""\nassets:\n  sources:\n    - _assets/images\n');
  for (let i = 0; i < FIGURES; i++) await fs.writeFile(path.join(dir, `_assets/images/blog/figure-${i}.png`), 'png');
  for (let i = 0; i < CORPUS_SITE_POSTS; i++) {
    const text = `---\ntitle: "Release ${i}"\n---\nRelease ${i} of the product.\n`;
    await fs.writeFile(path.join(dir, '_posts', `${postName(i)}.md`), text);
  }
  const file = path.join(dir, '_posts', '2024-06-01-bench.md');
  await fs.writeFile(file, corpusPost(bytes));
  return file;
}
