// Writes the golden HTML beside every fixture: what Jekyll's own Markdown converter (Debian's jekyll, over a
// _config.yml with Jekyll's defaults, see render-jekyll.rb) makes of it, rouge's code wrappers included.
// Construct fixtures go to Jekyll as they are; post fixtures first go through our front-matter split and
// Liquid step (as Jekyll runs Liquid before Markdown). All files go to one Ruby process. Needs ruby and
// Debian's jekyll package. Usage: npm run golden [-- name-filter]
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
try {
  const inputs = [];
  const targets = [];
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
      // One flat folder for both groups (the group is part of the name), so one Ruby process renders all.
      const input = join(tmp, `${group}--${name}`);
      writeFileSync(input, markdown);
      inputs.push(input);
      targets.push({ rendered: join(tmp, 'out', `${group}--${name.replace(/\.md$/, '.html')}`), out: join(dir, name.replace(/\.md$/, '.kramdown.html')) });
    }
  }
  if (inputs.length) {
    execFileSync('ruby', [join(here, 'render-jekyll.rb'), '--out', join(tmp, 'out'), ...inputs], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  for (const t of targets) writeFileSync(t.out, readFileSync(t.rendered, 'utf8'));
  console.log(`wrote ${targets.length} golden files`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
