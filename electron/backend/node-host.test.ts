import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appRoot, findAppRoot } from './app-paths';
import { createNodeHost, openWithSystem, systemLanguage } from './node-host';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-host-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('createNodeHost', () => {
  it('reports the app version from package.json and keeps settings in the given app-data folder', async () => {
    const root = appRoot();
    const pkg = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('pressroom');
    const host = createNodeHost({ appDataDir: tmp, capabilities: { folderPicker: false } });
    const info = await host.handlers['app.info']({});
    expect(info).toMatchObject({ name: 'Pressroom', version: pkg.version, homeDir: os.homedir(), capabilities: { folderPicker: false } });
    expect(info.systemLanguage).not.toBe('');
    await host.handlers['settings.set']({ patch: { theme: 'light' } });
    expect(JSON.parse(await fs.readFile(path.join(tmp, 'settings.json'), 'utf8')).theme).toBe('light');
  });

  it('copies the bundled sample site and opens the copy, symlinked translations included', async () => {
    const host = createNodeHost({ appDataDir: path.join(tmp, 'app-data'), capabilities: { folderPicker: false } });
    const dest = await fs.realpath(tmp);
    const { path: created } = await host.handlers['sample.create']({ destination: dest });
    expect(created).toBe(path.join(dest, 'Pressroom sample site'));
    const summary = await host.handlers['site.open']({ path: created });
    expect(summary.root).toBe(created);
    expect(summary.postCount).toBeGreaterThan(0);
    const posts = await host.handlers['site.posts']({ site: summary.root });
    expect(posts.every((p) => p.error === null)).toBe(true);
    await host.dispose();
  });

  it('finds the app root from the bundle folder as well as from the source folder', async () => {
    const root = appRoot();
    await expect(fs.stat(path.join(root, 'resources', 'sample-site'))).resolves.toBeTruthy();
    expect(findAppRoot(path.join(root, 'dist', 'electron'))).toBe(root);
    expect(findAppRoot(path.join(root, 'electron', 'backend'))).toBe(root);
  });
});

describe('systemLanguage', () => {
  it('gives a language tag', () => {
    expect(systemLanguage()).toMatch(/^[a-z]{2,3}(-|$)/);
  });
});

describe('openWithSystem', () => {
  it('refuses unsafe links without starting anything', async () => {
    expect(await openWithSystem('file:///etc/passwd')).toBe(false);
    expect(await openWithSystem('javascript:alert(1)')).toBe(false);
  });
});
