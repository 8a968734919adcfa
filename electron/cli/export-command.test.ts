// `pressroom export` as a user's script runs it: the bundled CLI in its own process, the machine's Chromium.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PREVIEW_PATH, hostilePreviewPost } from '../../e2e/fixtures/hostile-preview-post';
import { pdfFonts, pdfImages, pdfInfo, pdfText } from '../services/export/poppler-testing';
import { type CliRun, outputOf, REPO_ROOT } from './run-cli';

const FIXTURE = path.join(REPO_ROOT, 'e2e/fixtures/scs-site');
const POST = '_i18n/de/_posts/2023/2023-03-22-release-4.md';
let tmp: string;
let site: string;
let cli: string;

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-export-cli-')));
  site = path.join(tmp, 'site');
  await fs.cp(FIXTURE, site, { recursive: true, verbatimSymlinks: true });
  // Bundled as scripts/build.mjs bundles it (playwright-core and sharp stay outside), into a throwaway app folder.
  const app = path.join(tmp, 'app');
  cli = path.join(app, 'dist/electron/cli.cjs');
  await build({ entryPoints: [path.join(REPO_ROOT, 'electron/cli/cli.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'sharp', 'playwright-core'], logLevel: 'silent' });
  await fs.symlink(path.join(REPO_ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  await fs.copyFile(path.join(REPO_ROOT, 'package.json'), path.join(app, 'package.json'));
}, 60_000);
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return outputOf(spawn(process.execPath, [cli, ...args], { cwd: tmp, env: { ...process.env, PRESSROOM_APP_DATA: path.join(tmp, 'app-data'), ...env } }));
}

describe('pressroom export', () => {
  it('writes a PDF with page numbers in the post’s language, metadata, embedded fonts and the figure', async () => {
    const out = path.join(tmp, 'release-4.pdf');
    const { code, stderr } = await run(['export', path.join(site, POST), '--pdf', out, '--page-size', 'A4']);
    expect(stderr).toMatch(/wrote .*release-4\.pdf \(\d+ pages?, \d+ KB\)/);
    expect(code).toBe(0);
    const pdf = await fs.readFile(out);
    const info = pdfInfo(pdf);
    expect(info['Page size']).toContain('(A4)');
    expect(info.Creator).toMatch(/^Pressroom \d+\.\d+\.\d+$/);
    expect(info.Producer).toMatch(/^Pressroom .* \(Chromium \d+/);
    expect(info.Title).toBeTruthy();
    const text = pdfText(pdf);
    expect(text).toContain(info.Title.split(':')[0]);
    expect(text).toContain(`Seite 1 von ${info.Pages}`);
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    expect(pdfImages(pdf).length).toBeGreaterThan(0);
  });

  it('writes standalone HTML with no script and no external reference, and lists what it left out on stderr', async () => {
    const post = path.join(site, '_posts/2024-01-01-remote.md');
    await fs.mkdir(path.dirname(post), { recursive: true });
    await fs.writeFile(post, '---\ntitle: Remote\n---\nBefore the picture.\n\n![web](https://example.com/pic.png)\n\nAfter the picture.\n');
    const out = path.join(tmp, 'remote.html');
    const { code, stderr } = await run(['export', post, '--html', out]);
    expect(code).toBe(0);
    expect(stderr).toContain(`${post}: warning: web image left out (an export loads nothing): https://example.com/pic.png`);
    const html = await fs.readFile(out, 'utf8');
    expect(html).toContain('Before the picture.');
    expect(html).toContain('After the picture.');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\/(?!example\.com\/pic)/i);
  });

  it('never writes over the post, and answers a wrong command line with its help', async () => {
    const source = path.join(site, POST);
    const before = await fs.readFile(source, 'utf8');
    const over = await run(['export', source, '--html', source]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('is the post itself');
    expect(await fs.readFile(source, 'utf8')).toBe(before);

    const neither = await run(['export', source]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('export needs either --html <out> or --pdf <out>');
    expect(neither.stderr).toContain('Usage: pressroom export <file>');
    expect((await run(['export', source, '--pdf', 'a.pdf', '--page-size', 'A5'])).code).toBe(2);
    const help = await run(['help', 'export']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--page-size <size>');
  });

  it('exports the hostile post without a single request reaching a canary on 127.0.0.1', async () => {
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.end('canary');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const canary = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const hostile = path.join(tmp, 'hostile');
      await fs.cp(path.join(REPO_ROOT, 'e2e/fixtures/hostile-site'), hostile, { recursive: true });
      const post = path.join(hostile, HOSTILE_PREVIEW_PATH);
      await fs.mkdir(path.dirname(post), { recursive: true });
      await fs.writeFile(post, hostilePreviewPost(canary));
      const out = path.join(tmp, 'hostile.pdf');
      const { code, stderr } = await run(['export', post, '--pdf', out]);
      expect(code).toBe(0);
      expect(stderr).toContain(`${post}: warning: web image left out`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(hits).toEqual([]);
      const text = pdfText(await fs.readFile(out)).replace(/\s+/g, ' ');
      expect(text).toContain('The first paragraph is harmless.');
      expect(text).toContain('The note at the end.');
      expect(text).not.toContain('pwned');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('says what to do when the browser named in PRESSROOM_CHROMIUM is not there', async () => {
    const { code, stderr } = await run(['export', path.join(site, POST), '--pdf', path.join(tmp, 'x.pdf')], { PRESSROOM_CHROMIUM: '/nonexistent/chrome' });
    expect(code).toBe(1);
    expect(stderr).toContain('PRESSROOM_CHROMIUM is set to /nonexistent/chrome');
    expect(await fs.stat(path.join(tmp, 'x.pdf')).catch(() => null)).toBeNull();
  });
});
