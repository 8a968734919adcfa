import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepo } from './git-engine';
import { gitCli, makeRepo, tempDir, writeFiles } from './git-testing';
import { parseUserSection, resolveIdentity } from './identity';

const noSettings = { authorName: null, authorEmail: null };

describe('resolveIdentity', () => {
  it("prefers the app's settings when both are set", async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    gitCli(dir, 'config', 'user.name', 'Repo Person');
    gitCli(dir, 'config', 'user.email', 'repo@example.com');
    const env = { home: tempDir() };
    expect(await resolveIdentity(await openRepo(dir), { authorName: 'Ana', authorEmail: 'ana@example.com' }, env)).toEqual({ name: 'Ana', email: 'ana@example.com' });
    expect(await resolveIdentity(await openRepo(dir), { authorName: 'Ana', authorEmail: '' }, env)).toEqual({ name: 'Repo Person', email: 'repo@example.com' });
  });

  it('falls back to the global config as git reads it, the repository overriding it field by field', async () => {
    const home = tempDir();
    const xdg = path.join(home, 'xdg');
    writeFiles(xdg, { 'git/config': '[user]\n\tname = Xdg Name\n\temail = xdg@example.com\n' });
    writeFiles(home, { '.gitconfig': '[core]\n\teditor = vim\n[user]\n\temail = "home@example.com" ; a comment\n' });
    const env = { home, xdgConfigHome: xdg };
    expect(await resolveIdentity(null, noSettings, env)).toEqual({ name: 'Xdg Name', email: 'home@example.com' });
    // What real git answers with the same files.
    const dir = makeRepo({ 'a.md': 'a\n' });
    const ask = (key: string): string =>
      gitCli(dir, '-c', `include.path=${path.join(xdg, 'git/config')}`, '-c', `include.path=${path.join(home, '.gitconfig')}`, 'config', key).trim();
    expect({ name: ask('user.name'), email: ask('user.email') }).toEqual({ name: 'Xdg Name', email: 'home@example.com' });
    gitCli(dir, 'config', 'user.name', 'Repo Person');
    expect(await resolveIdentity(await openRepo(dir), noSettings, env)).toEqual({ name: 'Repo Person', email: 'home@example.com' });
  });

  it('uses ~/.config/git/config when XDG_CONFIG_HOME is not set, and is null when nobody is known', async () => {
    const home = tempDir();
    expect(await resolveIdentity(null, noSettings, { home })).toBeNull();
    writeFiles(home, { '.config/git/config': '[user]\nname = Bo\nemail = bo@example.com\n' });
    expect(await resolveIdentity(null, noSettings, { home })).toEqual({ name: 'Bo', email: 'bo@example.com' });
    fs.rmSync(path.join(home, '.config'), { recursive: true });
    writeFiles(home, { '.gitconfig': '[user]\nname = Bo\n' });
    expect(await resolveIdentity(null, noSettings, { home })).toBeNull();
  });
});

describe('resolveIdentity with git author variables', () => {
  it('lets GIT_AUTHOR_NAME/EMAIL override config, field by field, as git commit does', async () => {
    const home = tempDir();
    writeFiles(home, { '.gitconfig': '[user]\nname = Bo\nemail = bo@example.com\n' });
    expect(await resolveIdentity(null, noSettings, { home, authorEmail: 'ci@example.com' })).toEqual({ name: 'Bo', email: 'ci@example.com' });
    expect(await resolveIdentity(null, { authorName: 'Ana', authorEmail: 'ana@example.com' }, { home, authorName: 'CI' })).toEqual({ name: 'Ana', email: 'ana@example.com' });
  });
});

describe('parseUserSection', () => {
  it('reads quoted values, escapes, comments and other sections as git does', () => {
    const text = [
      '# my config',
      '[User]',
      '  Name = "Ana \\"the\\" Writer"  # nickname',
      '  email = ana@example.com ; work',
      '[user "ignored"]',
      '  name = Wrong',
      '[alias]',
      '  name = not a user',
    ].join('\n');
    expect(parseUserSection(text)).toEqual({ name: 'Ana "the" Writer', email: 'ana@example.com' });
  });
});
