import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDataDir, documentsDir } from './app-data-dir';

let home: string;
beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-home-'));
});
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

describe('appDataDir', () => {
  it('uses PRESSROOM_APP_DATA when set, on every platform', () => {
    const dir = path.join(home, 'state');
    expect(appDataDir({ PRESSROOM_APP_DATA: dir }, 'linux', home)).toBe(dir);
    expect(appDataDir({ PRESSROOM_APP_DATA: dir, APPDATA: 'C:\\x' }, 'darwin', home)).toBe(dir);
  });

  it('follows XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(appDataDir({ XDG_CONFIG_HOME: '/xdg/conf' }, 'linux', home)).toBe('/xdg/conf/Pressroom');
    expect(appDataDir({}, 'linux', home)).toBe(path.join(home, '.config', 'Pressroom'));
    expect(appDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', home)).toBe(path.join(home, '.config', 'Pressroom'));
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(appDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Pressroom');
    expect(appDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Pressroom');
  });
});

describe('documentsDir', () => {
  it('prefers the localized XDG documents folder from user-dirs.dirs', async () => {
    await fs.mkdir(path.join(home, '.config'), { recursive: true });
    await fs.mkdir(path.join(home, 'Dokumente'));
    await fs.mkdir(path.join(home, 'Documents'));
    await fs.writeFile(path.join(home, '.config', 'user-dirs.dirs'), '# comment\nXDG_DESKTOP_DIR="$HOME/Schreibtisch"\nXDG_DOCUMENTS_DIR="$HOME/Dokumente"\n');
    expect(documentsDir({}, 'linux', home)).toBe(path.join(home, 'Dokumente'));
  });

  it('falls back to ~/Documents, then to the home folder', async () => {
    expect(documentsDir({}, 'linux', home)).toBe(home);
    await fs.mkdir(path.join(home, 'Documents'));
    expect(documentsDir({}, 'linux', home)).toBe(path.join(home, 'Documents'));
    expect(documentsDir({}, 'darwin', home)).toBe(path.join(home, 'Documents'));
  });

  it('ignores an XDG entry whose folder does not exist', async () => {
    await fs.mkdir(path.join(home, '.config'), { recursive: true });
    await fs.writeFile(path.join(home, '.config', 'user-dirs.dirs'), 'XDG_DOCUMENTS_DIR="$HOME/Gone"\n');
    expect(documentsDir({}, 'linux', home)).toBe(home);
  });
});
