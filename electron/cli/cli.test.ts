import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostEntry } from '../../shared/contract/models';
import { type CliRun, runCli } from './run-cli';

const repo = path.resolve(__dirname, '..', '..');
const cliPath = path.join(repo, 'electron/cli/cli.ts');
let tmp: string;
let site: string;


function run(args: string[]): Promise<CliRun> {
  return runCli(args, { appDataDir: path.join(tmp, 'app-data') });
}


async function write(rel: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), text);
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-cli-'));
  site = path.join(tmp, 'site');
  await write('_config.yml', 'title: ACME\nlanguages: [en, de]\n');
  await write('_i18n/en/_posts/2022/2022-09-21-launch.md', '---\ntitle: Launch day\ndate: 2022-09-21 10:00:00 +0200\ncategories: [press]\n---\nHello\n');
  await fs.mkdir(path.join(site, '_i18n/de/_posts/2022'), { recursive: true });
  await fs.symlink('../../../en/_posts/2022/2022-09-21-launch.md', path.join(site, '_i18n/de/_posts/2022/2022-09-21-launch.md'));
  await write('_drafts/next.md', '---\ntitle: Next big thing\n---\n');
  await write('_i18n/en/_posts/2021-01-01-broken.md', '---\ntitle: [broken\n---\n');
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('pressroom posts', () => {
  it('prints the post list as JSON', async () => {
    const r = await run(['posts', site, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const posts = JSON.parse(r.stdout) as PostEntry[];
    expect(posts.map((p) => [p.path, p.title, p.date, p.language, p.category, p.draft, p.symlinkTarget])).toEqual([
      ['_i18n/de/_posts/2022/2022-09-21-launch.md', 'Launch day', '2022-09-21', 'de', 'press', false, '_i18n/en/_posts/2022/2022-09-21-launch.md'],
      ['_i18n/en/_posts/2022/2022-09-21-launch.md', 'Launch day', '2022-09-21', 'en', 'press', false, null],
      ['_i18n/en/_posts/2021-01-01-broken.md', 'broken', '2021-01-01', 'en', null, false, null],
      ['_drafts/next.md', 'Next big thing', null, null, null, true, null],
    ]);
    expect(posts[2].error).toMatch(/could not be read/);
  });

  it('prints a table with symlink targets, drafts and errors', async () => {
    const r = await run(['posts', site]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DATE\s+LANG\s+CATEGORY\s+DRAFT\s+TITLE\s+PATH$/);
    expect(lines[1]).toMatch(/^2022-09-21\s+de\s+press\s+Launch day\s+_i18n\/de\/_posts\/2022\/2022-09-21-launch\.md → _i18n\/en\/_posts\/2022\/2022-09-21-launch\.md$/);
    expect(lines[3]).toMatch(/broken\.md {2}! /);
    expect(lines[4]).toMatch(/draft\s+Next big thing\s+_drafts\/next\.md$/);
  });

  it('fails with a plain message and status 1 when the folder is not a site', async () => {
    const r = await run(['posts', tmp]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('pressroom: This folder is not a Jekyll site: it has no _config.yml.\n');
    const missing = await run(['posts', path.join(tmp, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^pressroom: There is no folder at /);
  });
});

describe('pressroom usage', () => {
  it('documents every command in --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/posts <site> \[--json\]/);
    expect(r.stdout).toMatch(/serve \[<site>\] \[--port <n>\] \[--no-open\]/);
    for (const command of ['posts', 'serve']) {
      const sub = await run([command, '--help']);
      expect(sub.code, command).toBe(0);
      expect(sub.stdout).toMatch(new RegExp(`^Usage: pressroom ${command}`));
    }
    expect((await run(['serve', '--help'])).stdout).toMatch(/--no-open/);
    expect((await run(['help', 'posts'])).stdout).toMatch(/--json/);
  });

  it('answers an unknown command, flag or missing argument with usage on stderr and status 2', async () => {
    for (const args of [[], ['publish'], ['posts', site, '--jsn'], ['posts'], ['posts', site, 'extra'], ['serve', '--port', 'eighty'], ['serve', '--port', '70000']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^pressroom: .+\n\nUsage: pressroom/);
    }
  });
});

describe('pressroom serve (bundled as the app ships it)', () => {
  let app: string;

  beforeAll(async () => {
    // Bundle the CLI the way scripts/build.mjs does, into a throwaway app folder with a stand-in renderer.
    app = path.join(tmp, 'app');
    await build({
      entryPoints: [cliPath],
      outfile: path.join(app, 'dist/electron/cli.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // As scripts/build.mjs: sharp is a native module, shipped beside the bundle in node_modules.
      external: ['electron', 'sharp'],
      logLevel: 'silent',
    });
    await fs.symlink(path.join(repo, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  }, 60_000);

  function start(args: string[]) {
    return spawn(process.execPath, [path.join(app, 'dist/electron/cli.cjs'), 'serve', ...args], {
      env: { ...process.env, PRESSROOM_APP_DATA: path.join(tmp, 'app-data') },
    });
  }

  it('says the app must be built first when there is no renderer', async () => {
    const child = start(['--no-open']);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^pressroom: The app is not built yet/);
  });

  it('prints the address first, serves it, and stops on SIGINT', async () => {
    await fs.mkdir(path.join(app, 'dist/renderer'), { recursive: true });
    await fs.writeFile(path.join(app, 'dist/renderer/index.html'), '<!doctype html><title>Pressroom</title>');
    const child = start([site, '--no-open']);
    let stdout = '';
    const firstLine = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
      });
      child.on('error', reject);
      child.on('close', (code) => reject(new Error(`serve exited early with ${code}`)));
    });
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(firstLine).toContain(`site=${encodeURIComponent(site)}`);
    const response = await fetch(firstLine, { redirect: 'manual' });
    expect(response.status).toBeLessThan(400);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(firstLine)).rejects.toThrow();
  });

  it('refuses a site folder that does not exist', async () => {
    const r = await run(['serve', path.join(tmp, 'nowhere'), '--no-open']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^pressroom: There is no folder at /);
  });
});
