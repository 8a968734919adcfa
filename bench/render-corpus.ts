/** Synthetic posts for the render benchmarks: the constructs press posts use, repeated to a target size. */

/** Median and p95 of timings (kept here for the benches that import it from this file; see bench/measure.ts). */
export { stats } from './measure';

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
    liquid ? `{% asset blog/figure-${n % 5}.png alt="Figure ${n}" class="w-100" %}\n\n{{ site.title }} — {{ page.title | upcase }}\n` : `![Figure ${n}](/assets/blog/figure-${n % 5}.png)\n`,
    `[^n${n}]: Footnote ${n} with details about the release.`,
    '',
  ].join('\n');
}

/** A post (front matter and body) of about `bytes` bytes; `liquid` adds the Liquid a Jekyll post has. */
export function corpusPost(bytes: number, liquid = true): string {
  let out = liquid ? '---\nlayout: post\ntitle: "Benchmark post"\ncategory: release\n---\n' : '';
  for (let n = 1; out.length < bytes; n++) out += section(n, liquid);
  return out;
}
