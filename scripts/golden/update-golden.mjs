// Writes the golden HTML beside every fixture: what Debian's kramdown (with Jekyll's options, see
// render-kramdown.rb) makes of it. Construct fixtures go to kramdown as they are; post fixtures first go
// through our front-matter split and Liquid step (as Jekyll runs Liquid before kramdown). Needs ruby with
// kramdown, kramdown-parser-gfm and rouge. Usage: npm run golden [-- name-filter]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const fixtures = join(root, 'shared', 'render', 'fixtures');
const { prepareMarkdown } = await tsImport(join(root, 'shared', 'render', 'render-post.ts'), import.meta.url);
const { FIXTURE_SITE } = await tsImport(join(fixtures, 'fixture-site.ts'), import.meta.url);

const filter = process.argv[2] ?? '';
const tmp = mkdtempSync(join(tmpdir(), 'pressroom-golden-'));
let written = 0;
try {
  for (const group of ['constructs', 'posts']) {
    const dir = join(fixtures, group);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') && n.includes(filter)).sort()) {
      const source = readFileSync(join(dir, name), 'utf8');
      let markdown = source;
      if (group === 'posts') {
        const prepared = prepareMarkdown({ source, site: FIXTURE_SITE, path: `_posts/${name}` });
        if (prepared.problems.length) console.warn(`${name}: ${prepared.problems.map((p) => p.message).join('; ')}`);
        markdown = prepared.markdown;
      }
      const input = join(tmp, name);
      writeFileSync(input, markdown);
      const html = execFileSync('ruby', [join(here, 'render-kramdown.rb'), input], { encoding: 'utf8' });
      writeFileSync(join(dir, name.replace(/\.md$/, '.kramdown.html')), html);
      written++;
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`wrote ${written} golden files`);
