// Compares our renderer with Jekyll's own output (golden files written by `npm run golden` with Debian's
// jekyll: its Markdown converter, i.e. kramdown with GFM input and rouge, over a _config.yml with Jekyll's
// defaults). Construct fixtures are plain Markdown; post fixtures are whole posts rendered through renderPost
// (front matter, Liquid, Markdown).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITE } from './fixtures/fixture-site';
import { renderMarkdown } from './markdown';
import { normalizeHtml } from './normalize-html';
import { renderPost } from './render-post';

/**
 * Fixtures whose output is known to differ from kramdown, with the reason. The test fails when a fixture not
 * listed differs, and also when a listed one matches again, so this list stays honest.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'constructs/table-pipe-in-code.md':
    "a `|` inside a code span in a table row: kramdown keeps it in the cell, markdown-it's GFM table splits the cell there, so the table is not recognised",
  'constructs/table-ragged-rows.md':
    'rows with more or fewer cells than the header: kramdown pads every row to the widest, markdown-it cuts rows to the header width',
  'constructs/table-without-header.md':
    'pipe rows without a |---| separator line: a table (body only) in kramdown, a paragraph in markdown-it (GFM tables need a header)',
  'constructs/math-dollars.md': "kramdown's $$…$$ math (MathJax markup) is not implemented; the dollars stay text",
};

const FIXTURES = join(__dirname, 'fixtures');

function fixtures(group: 'constructs' | 'posts'): string[] {
  return readdirSync(join(FIXTURES, group))
    .filter((n) => n.endsWith('.md'))
    .sort();
}

function render(group: 'constructs' | 'posts', name: string): string {
  const source = readFileSync(join(FIXTURES, group, name), 'utf8');
  if (group === 'constructs') return renderMarkdown(source);
  return renderPost({ source, site: FIXTURE_SITE, path: `_posts/${name}` }).html;
}

function golden(group: string, name: string): string {
  return readFileSync(join(FIXTURES, group, name.replace(/\.md$/, '.kramdown.html')), 'utf8');
}

for (const group of ['constructs', 'posts'] as const) {
  describe(`golden ${group}: output equals kramdown's`, () => {
    const names = fixtures(group);
    const results = new Map<string, boolean>();

    for (const name of names) {
      const key = `${group}/${name}`;
      it(key, () => {
        const ours = normalizeHtml(render(group, name));
        const theirs = normalizeHtml(golden(group, name));
        results.set(key, ours === theirs);
        if (key in KNOWN_DIFFERENCES) {
          expect(ours, `${key} is listed as a known difference but now matches kramdown: remove it from KNOWN_DIFFERENCES`).not.toBe(theirs);
        } else {
          expect(ours).toBe(theirs);
        }
      });
    }

    it(`reports the share of ${group} identical to kramdown`, () => {
      const same = [...results.values()].filter(Boolean).length;
      const share = names.length ? (100 * same) / names.length : 100;
      console.log(`golden ${group}: ${same}/${names.length} identical (${share.toFixed(1)}%)`);
      expect(names.length).toBeGreaterThan(0);
    });
  });
}
