import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSite } from './open-site';
import { failureOf } from '../../../shared/contract/errors-testing';

let tmp: string;
let site: string;

async function write(rel: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
  await fs.writeFile(path.join(site, rel), text);
}

/** Every entry below `dir` with its kind, size and modification time, to prove nothing changed. */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (abs: string): Promise<void> => {
    const stat = await fs.lstat(abs);
    out.push(`${path.relative(dir, abs)} ${stat.isDirectory() ? 'd' : stat.isSymbolicLink() ? 'l' : 'f'} ${stat.size} ${stat.mtimeMs}`);
    if (stat.isDirectory()) for (const name of (await fs.readdir(abs)).sort()) await visit(path.join(abs, name));
  };
  await visit(dir);
  return out;
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-open-'));
  site = path.join(tmp, 'my-site');
  await write('_config.yml', 'title: ACME Newsroom\nlanguages: [en, de]\ndefault_lang: en\ncollections: [releases]\n');
  await write('_i18n/en/_posts/2022-09-21-launch.md', '---\ntitle: Launch\n---\nHello\n');
  await write('_i18n/de/_posts/2022-09-22-start.md', '---\ntitle: Start\n---\nHallo\n');
  await write('_i18n/en/_posts/2021-01-01-broken.md', '---\ntitle: [unclosed\n---\n');
  await fs.mkdir(path.join(site, 'assets'));
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('openSite', () => {
  it('opens a site by its real path and summarises it', async () => {
    await fs.symlink(site, path.join(tmp, 'shortcut'));
    const { summary, posts } = await openSite(path.join(tmp, 'shortcut'));
    expect(summary).toEqual({
      root: await fs.realpath(site),
      name: 'ACME Newsroom',
      languages: ['en', 'de'],
      defaultLanguage: 'en',
      assetSources: ['assets'],
      collections: ['releases'],
      postCount: 3,
      warnings: [expect.stringMatching(/^_i18n\/en\/_posts\/2021-01-01-broken\.md: .*could not be read/)],
    });
    expect(posts.map((p) => p.title)).toEqual(['Start', 'Launch', 'broken']);
  });

  it('names the site after its folder when the config has no title', async () => {
    await write('_config.yml', 'languages: [en]\n');
    expect((await openSite(site)).summary.name).toBe('my-site');
  });

  it('never writes into the site', async () => {
    const before = await snapshot(site);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await openSite(site);
    await openSite(site, () => {});
    expect(await snapshot(site)).toEqual(before);
  });

  it('says when there is no folder, a file, or a folder that is not a site', async () => {
    expect((await failureOf(openSite(path.join(tmp, 'missing')))).error.code).toBe('not-found');
    expect((await failureOf(openSite(path.join(site, '_config.yml')))).error.code).toBe('not-a-site');
    const empty = path.join(tmp, 'empty');
    await fs.mkdir(empty);
    const failure = await failureOf(openSite(empty));
    expect(failure.error.code).toBe('not-a-site');
    expect(failure.message).toBe('This folder is not a Jekyll site: it has no _config.yml.');
  });

  it('refuses a broken config with its line', async () => {
    await write('_config.yml', 'title: A\nlanguages: [en\n');
    const failure = await failureOf(openSite(site));
    expect(failure.error).toMatchObject({ code: 'bad-config', path: '_config.yml' });
    expect(failure.error.line).toBeGreaterThanOrEqual(2);
  });
});
