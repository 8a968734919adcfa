// `pressroom render` as a user runs it: a real process printing a post's HTML, assets as the site's URLs,
// the site found above the file, problems on stderr.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from './run-cli';

const repo = path.resolve(__dirname, '..', '..');
const sample = path.join(repo, 'resources/sample-site');
const post = '_i18n/en/_posts/2024/2024-04-22-kestrel-1-1-released.md';
let tmp: string;

function run(args: string[], cwd = repo): Promise<CliRun> {
  return runCli(args, { appDataDir: path.join(tmp, 'app-data'), cwd });
}


beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-render-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('pressroom render', () => {
  it('prints the body of a sample post with assets as jekyll-assets URLs, finding the site above the file', async () => {
    const r = await run(['render', path.join(sample, post)]);
    expect(r.code).toBe(0);
    // jekyll-assets' order: the tag's attributes as written, then src.
    expect(r.stdout).toContain('<img class="figure-img w-100" alt="Upgrade timeline of Kestrel Cloud 1.1" src="/assets/blog/kestrel-1-1.jpg">');
    expect(r.stdout).toContain('<a href="/assets/blog/kestrel-1-1.jpg">');
    expect(r.stdout).toContain('<h2 id="highlights">Highlights</h2>');
    expect(r.stdout).toContain('<div class="footnotes" role="doc-endnotes">');
    expect(r.stdout).not.toContain('data-pr-line');
    expect(r.stdout).not.toContain('pressroom-asset:');
    expect(r.stderr).toBe('');
  });

  it('uses --site for data, post_url and baseurl, and lists problems with their lines on stderr', async () => {
    const site = path.join(tmp, 'site');
    await fs.mkdir(path.join(site, '_posts'), { recursive: true });
    await fs.mkdir(path.join(site, '_data'), { recursive: true });
    await fs.mkdir(path.join(site, 'assets/img'), { recursive: true });
    await fs.writeFile(path.join(site, '_config.yml'), 'title: Docs\nbaseurl: /news\npermalink: date\nassets:\n  sources: [assets/img]\n');
    await fs.writeFile(path.join(site, '_data/contact.yml'), 'press: press@example.org\n');
    await fs.writeFile(path.join(site, 'assets/img/logo.png'), 'png');
    await fs.writeFile(path.join(site, '_posts/2024-01-02-older.md'), '---\ntitle: Older\n---\nOld\n');
    const file = path.join(tmp, 'draft.md');
    await fs.writeFile(file, '---\ntitle: New\n---\nMail {{ site.data.contact.press }}.\n\n[Older]({% post_url 2024-01-02-older %})\n\n{% asset logo.png %}\n\n{% asset gone.png %}\n');
    const r = await run(['render', file, '--site', site]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mail press@example.org.');
    // Jekyll 4's post_url is relative_url(post): with the baseurl, like the asset below.
    expect(r.stdout).toContain('<a href="/news/2024/01/02/older.html">Older</a>');
    // No alt="" where the tag gives none: a missing alt is for preflight to say, not for the output to hide.
    expect(r.stdout).toContain('<img src="/news/assets/logo.png">');
    expect(r.stderr).toBe(`${file}:10: Asset not found: gone.png\n`);
  });

  it("finds a figure in jekyll-assets' default folders and writes only the tag's HTML attributes", async () => {
    const site = path.join(tmp, 'scs');
    await fs.mkdir(path.join(site, '_assets/images'), { recursive: true });
    await fs.mkdir(path.join(site, '_posts'), { recursive: true });
    await fs.writeFile(path.join(site, '_config.yml'), 'title: SCS\nassets:\n  sources: [_assets/]\n');
    await fs.writeFile(path.join(site, '_assets/images/201001-SCS-4c.png'), 'png');
    const file = path.join(site, '_posts/2022-09-21-all-good-things-come-in-threes.md');
    await fs.writeFile(
      file,
      [
        '---',
        'title: All good things come in threes',
        '---',
        '<figure class="figure mx-auto d-block" style="width:90%">',
        '  <a href="{% asset "201001-SCS-4c.png" @path %}">',
        '    {% asset \'201001-SCS-4c.png\' class="figure-img w-100" vips:format=".webp" vips:resize="1200x" %}',
        '  </a>',
        '</figure>',
        '',
        'The logo without extension: {% asset 201001-SCS-4c %}',
        '',
      ].join('\n'),
    );
    const r = await run(['render', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('<a href="/assets/201001-SCS-4c.png">');
    expect(r.stdout).toContain('<img class="figure-img w-100" src="/assets/201001-SCS-4c.png">');
    expect(r.stdout).toContain('The logo without extension: <img src="/assets/201001-SCS-4c.png">');
    expect(r.stdout).not.toMatch(/vips|webp|alt=/);
  });

  it('fails plainly for a missing file or a --site that is not a site, and explains its usage', async () => {
    const missing = await run(['render', path.join(tmp, 'nope.md')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^pressroom: There is no file at/);
    const notSite = await run(['render', path.join(sample, post), '--site', tmp]);
    expect(notSite.code).toBe(1);
    expect(notSite.stderr).toMatch(/is not a Jekyll site/);
    const usage = await run(['render']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: pressroom render <file>/);
    expect((await run(['render', '--help'])).stdout).toMatch(/^Usage: pressroom render/);
  });
});
