import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderPost } from '../../shared/render/render-post';
import { assetSearchFolders, resolveAsset } from '../../shared/site/asset-lookup';
import { appendSnippet, runFigure } from './figure-command';
import { REPO_ROOT, runCli } from './run-cli';

sharp.cache(false);

const FIXTURE = path.join(REPO_ROOT, 'e2e/fixtures/scs-site');
const POST = '_i18n/en/_posts/2023/2023-03-22-release-4.md';
let tmp: string;
let site: string;

async function copyDir(from: string, to: string): Promise<void> {
  await fs.cp(from, to, { recursive: true, verbatimSymlinks: true });
}

async function jpeg(name: string, width = 640, height = 480, colour = { r: 200, g: 30, b: 30 }): Promise<string> {
  const file = path.join(tmp, name);
  await fs.writeFile(file, await sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer());
  return file;
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runFigure(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

async function blogImages(): Promise<string[]> {
  return (await fs.readdir(path.join(site, '_assets/images/blog'))).sort();
}

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-figure-cli-')));
  site = path.join(tmp, 'site');
  await copyDir(FIXTURE, site);
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('pressroom figure', () => {
  it('copies the image under a safe name, prints the seed snippet and appends it to the post, the rest byte for byte', async () => {
    const image = await jpeg('Müller Straße (final).JPG');
    const before = await fs.readFile(path.join(site, POST));
    const { code, stdout, stderr } = await run([site, image, '--alt', 'The team on stage', '--caption', 'Summit 2024', '--credit', 'Jane Doe', '--post', path.join(site, POST)]);
    expect(stderr).toContain('imported _assets/images/blog/mueller-strasse-final.jpg (640×480)');
    expect(code).toBe(0);
    expect(await blogImages()).toEqual(['mueller-strasse-final.jpg', 'r3.jpg']);
    expect(stdout).toContain(`{% asset 'blog/mueller-strasse-final.jpg' class="figure-img w-100" alt="The team on stage" %}`);
    expect(stdout).toContain('Summit 2024 <small class="figure-credit">Jane Doe</small>');
    const after = await fs.readFile(path.join(site, POST));
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.toString('utf8').slice(before.length)).toBe(`\n${stdout}`);

    // The preview shows it: the asset resolver finds the reference, and the post renders an <img> with the alt.
    const files = ['_assets/images/blog/mueller-strasse-final.jpg', '_assets/images/blog/r3.jpg'];
    const index = { folders: assetSearchFolders(['_assets']), files };
    const out = renderPost({
      source: after.toString('utf8'),
      path: POST,
      site: { config: {}, assetUrl: (p) => (resolveAsset(p, index) ? `/assets/${p}` : null), postUrl: () => null },
    });
    expect(out.problems.filter((p) => p.kind === 'missing-asset')).toEqual([]);
    expect(out.html).toContain('<img class="figure-img w-100" alt="The team on stage" src="/assets/blog/mueller-strasse-final.jpg">');
  });

  it('reuses the same content already in the folder and never overwrites a different file of the same name', async () => {
    const first = await jpeg('photo.jpg');
    expect((await run([site, first, '--alt', 'a'])).code).toBe(0);
    const again = await run([site, first, '--alt', 'a']);
    expect(again.stderr).toContain('reused _assets/images/blog/photo.jpg');
    expect(await blogImages()).toEqual(['photo.jpg', 'r3.jpg']);
    await fs.mkdir(path.join(tmp, 'other'));
    const other = await jpeg('other/photo.jpg', 640, 480, { r: 0, g: 90, b: 200 });
    const second = await run([site, other, '--alt', 'b']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("{% asset 'blog/photo-2.jpg'");
    expect(await blogImages()).toEqual(['photo-2.jpg', 'photo.jpg', 'r3.jpg']);
  });

  it('makes a web copy of a wide photo unless told not to', async () => {
    const wide = await jpeg('wide.jpg', 2400, 1200);
    expect((await run([site, wide, '--alt', 'wide'])).code).toBe(0);
    expect((await sharp(path.join(site, '_assets/images/blog/wide.jpg')).metadata()).width).toBe(2000);
    const kept = await jpeg('kept.jpg', 2400, 1200, { r: 1, g: 2, b: 3 });
    expect((await run([site, kept, '--alt', 'kept', '--no-downscale'])).code).toBe(0);
    expect((await sharp(path.join(site, '_assets/images/blog/kept.jpg')).metadata()).width).toBe(2400);
  });

  it('refuses a file that only claims to be an image, and writes nothing', async () => {
    const fake = path.join(tmp, 'fake.png');
    await fs.writeFile(fake, '<html>not a picture</html>');
    const { code, stdout, stderr } = await run([site, fake, '--alt', 'x', '--post', path.join(site, POST)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^pressroom: .*not a picture/);
    expect(await blogImages()).toEqual(['r3.jpg']);
  });

  it('imports a clean SVG and refuses one with a script', async () => {
    const clean = path.join(tmp, 'Logo.svg');
    await fs.writeFile(clean, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const ok = await run([site, clean, '--alt', 'Logo']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("{% asset 'blog/logo.svg'");
    const evil = path.join(tmp, 'evil.svg');
    await fs.writeFile(evil, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refused = await run([site, evil, '--alt', 'x']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/SVG/);
    expect(await blogImages()).toEqual(['logo.svg', 'r3.jpg']);
  });

  it('refuses a post outside the site before importing anything', async () => {
    const image = await jpeg('x.jpg');
    const outside = path.join(tmp, 'outside.md');
    await fs.writeFile(outside, 'text\n');
    const { code, stderr } = await run([site, image, '--alt', 'x', '--post', outside]);
    expect(code).toBe(1);
    expect(stderr).toContain('is not a post of the site');
    expect(await fs.readFile(outside, 'utf8')).toBe('text\n');
    expect(await blogImages()).toEqual(['r3.jpg']);
  });

  it('uses the site settings: a plain site gets assets/images and a Markdown image with the URL path', async () => {
    await fs.writeFile(path.join(site, '_config.yml'), 'title: Plain\n');
    await fs.writeFile(path.join(site, '.pressroom.yml'), 'figures:\n  datePrefix: true\n');
    const image = await jpeg('CON.jpg');
    const { code, stdout } = await run([site, image, '--alt', 'A console', '--post', POST]);
    expect(code).toBe(0);
    // The date comes from the post's file name; a device name gets no suffix once it has a date.
    expect(stdout).toBe('![A console](/assets/images/2023-03-22-con.jpg)\n');
    await fs.access(path.join(site, 'assets/images/2023-03-22-con.jpg'));
  });

  it('says what is wrong with the command line (exit 2)', async () => {
    const image = await jpeg('x.jpg');
    const noAlt = await run([site, image]);
    expect(noAlt.code).toBe(2);
    expect(noAlt.stderr).toContain('--alt is required');
    expect((await run([site, '--alt', 'x'])).code).toBe(2);
    expect((await run([site, image, '--alt', 'x', '--colour', 'red'])).code).toBe(2);
    expect((await run([site, image, 'extra', '--alt', 'x'])).code).toBe(2);
    expect((await run([path.join(tmp, 'nowhere'), image, '--alt', 'x'])).code).toBe(1);
  });

  it('runs as the pressroom command', async () => {
    const image = await jpeg('cli.jpg');
    const help = await runCli(['help', 'figure'], { appDataDir: path.join(tmp, 'app-data') });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('pressroom figure <site> <image> --alt <text>');
    const result = await runCli(['figure', site, image, '--alt', 'From a script'], { appDataDir: path.join(tmp, 'app-data') });
    expect(result.stderr).toContain('imported');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`alt="From a script"`);
    const usage = await runCli(['figure', site], { appDataDir: path.join(tmp, 'app-data') });
    expect(usage.code).toBe(2);
  }, 60_000);
});

describe('appendSnippet', () => {
  it('adds the snippet after a blank line in the post’s own line endings', () => {
    expect(appendSnippet('a\n', '<x>\n</x>', 'lf')).toBe('a\n\n<x>\n</x>\n');
    expect(appendSnippet('a', 'b', 'none')).toBe('a\n\nb\n');
    expect(appendSnippet('a\r\n', '<x>\n</x>', 'crlf')).toBe('a\r\n\r\n<x>\r\n</x>\r\n');
    expect(appendSnippet('a\n\n', 'b', 'lf')).toBe('a\n\nb\n');
    expect(appendSnippet('', 'b', 'none')).toBe('b\n');
  });
});
