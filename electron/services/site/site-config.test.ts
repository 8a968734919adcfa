import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteConfigFromData } from '../../../shared/site/site-config-model';
import { loadSiteConfig } from './site-config';
import { failureOf } from '../../../shared/contract/errors-testing';

let site: string;
beforeEach(async () => {
  site = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-config-'));
});
afterEach(async () => {
  await fs.chmod(path.join(site, '_config.yml'), 0o644).catch(() => {});
  await fs.rm(site, { recursive: true, force: true });
});

describe('loadSiteConfig', () => {
  it('reads languages, default language, defaults, collections and jekyll-assets sources', async () => {
    await fs.writeFile(
      path.join(site, '_config.yml'),
      [
        'title: ACME Press',
        'languages: ["en", "de"]',
        'default_lang: de',
        'collections:',
        '  releases:',
        '    output: true',
        'defaults:',
        '  - scope: { path: "", type: posts }',
        '    values: { layout: post }',
        '  - scope: nonsense',
        'assets:',
        '  sources:',
        '    - _assets/img/',
        '    - ./_assets/css',
        '    - /etc',
        '    - ../outside',
        '',
      ].join('\n'),
    );
    const config = await loadSiteConfig(site);
    expect(config).toEqual({
      title: 'ACME Press',
      languages: ['en', 'de'],
      defaultLanguage: 'de',
      defaults: [{ scope: { path: '', type: 'posts' }, values: { layout: 'post' } }],
      collections: ['releases'],
      assetSources: ['_assets/img', '_assets/css'],
    });
  });

  it('falls back to the first language and to existing image folders', async () => {
    await fs.writeFile(path.join(site, '_config.yml'), 'languages: [en, de]\n');
    await fs.mkdir(path.join(site, '_assets/images'), { recursive: true });
    await fs.mkdir(path.join(site, 'assets'));
    const config = await loadSiteConfig(site);
    expect(config.defaultLanguage).toBe('en');
    expect(config.assetSources).toEqual(['_assets/images', 'assets']);
    expect(config.title).toBeNull();
  });

  it('accepts an empty config and _config.yaml', async () => {
    await fs.writeFile(path.join(site, '_config.yaml'), '# nothing yet\n');
    expect(await loadSiteConfig(site)).toEqual({ title: null, languages: [], defaultLanguage: null, defaults: [], collections: [], assetSources: [] });
  });

  it('says a folder without _config.yml is not a Jekyll site', async () => {
    const failure = await failureOf(loadSiteConfig(site));
    expect(failure.error.code).toBe('not-a-site');
    expect(failure.message).toBe('This folder is not a Jekyll site: it has no _config.yml.');
  });

  it('names the line of broken YAML', async () => {
    await fs.writeFile(path.join(site, '_config.yml'), 'title: A\nlanguages: [en, de\nbaseurl: ""\n');
    const failure = await failureOf(loadSiteConfig(site));
    expect(failure.error.code).toBe('bad-config');
    expect(failure.error.line).toBeGreaterThanOrEqual(2);
    expect(failure.message).toMatch(/^_config\.yml could not be read: .*\(line \d+\)\.$/);
  });

  it('treats duplicate keys, alias bombs and non-mappings as bad config', async () => {
    await fs.writeFile(path.join(site, '_config.yml'), 'title: A\nurl: x\ntitle: B\n');
    const dup = await failureOf(loadSiteConfig(site));
    expect(dup.error).toMatchObject({ code: 'bad-config', line: 3 });

    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) rows.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    await fs.writeFile(path.join(site, '_config.yml'), rows.join('\n'));
    expect((await failureOf(loadSiteConfig(site))).error.code).toBe('bad-config');

    await fs.writeFile(path.join(site, '_config.yml'), '- just\n- a list\n');
    expect((await failureOf(loadSiteConfig(site))).error.code).toBe('bad-config');
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('says an unreadable config is not readable', async () => {
    await fs.writeFile(path.join(site, '_config.yml'), 'title: A\n');
    await fs.chmod(path.join(site, '_config.yml'), 0o000);
    expect((await failureOf(loadSiteConfig(site))).error.code).toBe('not-readable');
  });

  it('reads YAML 1.1 as Jekyll does (yes/no are booleans)', async () => {
    await fs.writeFile(path.join(site, '_config.yml'), 'title: yes\nlanguages: [en, no]\n');
    const config = await loadSiteConfig(site);
    expect(config.title).toBe('true');
    expect(config.languages).toEqual(['en', 'false']);
  });
});

describe('siteConfigFromData', () => {
  it('reads collections given as a list and ignores junk', () => {
    expect(siteConfigFromData({ collections: ['releases', 'team', 3], languages: 'en', assets: { sources: '_img' } })).toMatchObject({
      collections: ['releases', 'team', '3'],
      languages: ['en'],
      defaultLanguage: 'en',
      assetSources: ['_img'],
    });
    expect(siteConfigFromData(null).languages).toEqual([]);
    expect(siteConfigFromData(['x']).title).toBeNull();
  });
});
