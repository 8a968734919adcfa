import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppState, defaultPageSize, MAX_RECENT } from './app-state';

let tmp: string;
let dir: string;
const savedGitConfig = process.env.GIT_CONFIG_GLOBAL;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-state-'));
  dir = path.join(tmp, 'app-data', 'nested');
  const gitconfig = path.join(tmp, 'gitconfig');
  await fs.writeFile(gitconfig, '[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n');
  process.env.GIT_CONFIG_GLOBAL = gitconfig;
});
afterEach(async () => {
  if (savedGitConfig === undefined) delete process.env.GIT_CONFIG_GLOBAL;
  else process.env.GIT_CONFIG_GLOBAL = savedGitConfig;
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('settings', () => {
  it('starts with defaults, taking the author from the global git config', async () => {
    const state = createAppState(dir, { sampleDestination: '/docs' });
    expect(await state.getSettings()).toEqual({
      uiLanguage: 'system',
      theme: 'system',
      authorName: 'Ada Lovelace',
      authorEmail: 'ada@example.org',
      sampleDestination: '/docs',
      signOffCommits: true,
      autosave: false,
      autosaveSeconds: 30,
      exportFolder: '',
      exportPageSize: defaultPageSize(),
    });
  });

  it('prints on Letter in North America and on A4 elsewhere by default', () => {
    expect(defaultPageSize('en-US')).toBe('Letter');
    expect(defaultPageSize('fr-CA')).toBe('Letter');
    expect(defaultPageSize('de-DE')).toBe('A4');
    expect(defaultPageSize('en-GB')).toBe('A4');
    expect(defaultPageSize('en')).toBe('A4');
  });

  it('leaves the author empty when git has none', async () => {
    process.env.GIT_CONFIG_GLOBAL = path.join(tmp, 'missing-gitconfig');
    const settings = await createAppState(dir, { sampleDestination: '/docs' }).getSettings();
    expect(settings.authorName).toBe('');
    expect(settings.authorEmail).toBe('');
  });

  it('keeps a change across restarts, in settings.json of the app-data folder', async () => {
    const first = createAppState(dir, { sampleDestination: '/docs' });
    const updated = await first.updateSettings({ theme: 'dark', uiLanguage: 'de', authorName: 'Grace' });
    expect(updated.theme).toBe('dark');
    const again = await createAppState(dir, { sampleDestination: '/docs' }).getSettings();
    expect(again).toMatchObject({ theme: 'dark', uiLanguage: 'de', authorName: 'Grace', authorEmail: 'ada@example.org' });
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.theme).toBe('dark');
  });

  it('ignores invalid values in a patch instead of storing them', async () => {
    const state = createAppState(dir, { sampleDestination: '/docs' });
    const s = await state.updateSettings({ theme: 'neon' as never, autosaveSeconds: -5, signOffCommits: false });
    expect(s.theme).toBe('system');
    expect(s.autosaveSeconds).toBe(30);
    expect(s.signOffCommits).toBe(false);
  });

  it('does not lose updates made at the same time', async () => {
    const state = createAppState(dir, { sampleDestination: '/docs' });
    await Promise.all([state.updateSettings({ theme: 'light' }), state.updateSettings({ uiLanguage: 'en' }), state.updateSettings({ autosaveSeconds: 5 })]);
    expect(await state.getSettings()).toMatchObject({ theme: 'light', uiLanguage: 'en', autosaveSeconds: 5 });
  });

  it('survives a corrupt settings file, keeping it aside', async () => {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'settings.json'), '{"theme": "dark",');
    const state = createAppState(dir, { sampleDestination: '/docs' });
    expect((await state.getSettings()).theme).toBe('system');
    const names = await fs.readdir(dir);
    const aside = names.find((n) => n.startsWith('settings.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await fs.readFile(path.join(dir, aside!), 'utf8')).toBe('{"theme": "dark",');
    await state.updateSettings({ theme: 'light' });
    expect((await state.getSettings()).theme).toBe('light');
  });

  it('keeps valid fields of a hand-edited file and drops the wrong ones', async () => {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ theme: 'dark', autosaveSeconds: 'soon', extra: 1 }));
    const s = await createAppState(dir, { sampleDestination: '/docs' }).getSettings();
    expect(s.theme).toBe('dark');
    expect(s.autosaveSeconds).toBe(30);
    expect(s).not.toHaveProperty('extra');
  });
});

describe('recent sites', () => {
  it('lists the most recently opened first, once each, and marks sites that are gone', async () => {
    const a = path.join(tmp, 'site-a');
    const b = path.join(tmp, 'site-b');
    await fs.mkdir(a);
    await fs.mkdir(b);
    const state = createAppState(dir, { sampleDestination: '/docs' });
    await state.addRecent(a, 'Site A');
    await state.addRecent(b, 'Site B');
    await state.addRecent(a, 'Site A');
    await fs.rm(b, { recursive: true });
    const list = await state.listRecent();
    expect(list.map((r) => [r.name, r.exists])).toEqual([
      ['Site A', true],
      ['Site B', false],
    ]);
    expect(Date.parse(list[0].openedAt)).not.toBeNaN();
  });

  it(`remembers at most ${MAX_RECENT} sites`, async () => {
    const state = createAppState(dir, { sampleDestination: '/docs' });
    for (let i = 0; i < MAX_RECENT + 3; i++) await state.addRecent(path.join(tmp, `s${i}`), `S${i}`);
    const list = await state.listRecent();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0].name).toBe(`S${MAX_RECENT + 2}`);
  });

  it('removes an entry and returns the rest, also after a restart', async () => {
    const state = createAppState(dir, { sampleDestination: '/docs' });
    await state.addRecent('/x/one', 'One');
    await state.addRecent('/x/two', 'Two');
    expect((await state.removeRecent('/x/one')).map((r) => r.name)).toEqual(['Two']);
    expect((await createAppState(dir, { sampleDestination: '/docs' }).listRecent()).map((r) => r.name)).toEqual(['Two']);
  });

  it('starts empty when recent.json is corrupt, keeping it aside', async () => {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'recent.json'), 'not json');
    const state = createAppState(dir, { sampleDestination: '/docs' });
    expect(await state.listRecent()).toEqual([]);
    expect((await fs.readdir(dir)).some((n) => n.startsWith('recent.json.corrupt-'))).toBe(true);
  });
});
