import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completePath, MAX_COMPLETIONS } from './complete-path';

let home: string;

beforeEach(async () => {
  home = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-complete-')));
  for (const d of ['Documents', 'downloads', 'Desktop', '.hidden', 'Music']) await fs.mkdir(path.join(home, d));
  await fs.writeFile(path.join(home, 'Dfile.txt'), 'not a folder');
  await fs.mkdir(path.join(home, 'Documents', 'press-site'));
  await fs.writeFile(path.join(home, 'Documents', 'press-site', '_config.yml'), 'title: x\n');
  await fs.symlink(path.join(home, 'Documents'), path.join(home, 'docs-link'));
});
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

const names = (list: { path: string }[]) => list.map((c) => path.basename(c.path));

describe('completePath', () => {
  it('lists folders starting with the typed prefix, case-insensitively and sorted, without files', async () => {
    expect(names(await completePath(path.join(home, 'd'), home))).toEqual(['Desktop', 'docs-link', 'Documents', 'downloads']);
  });

  it('expands ~ and lists a whole folder after a trailing slash, hiding dot-folders', async () => {
    const all = await completePath('~/', home);
    expect(names(all)).toEqual(['Desktop', 'docs-link', 'Documents', 'downloads', 'Music']);
    expect(all[0].path).toBe(path.join(home, 'Desktop'));
    expect(names(await completePath('~', home))).toEqual(names(all));
  });

  it('shows hidden folders only when the prefix starts with a dot', async () => {
    expect(names(await completePath('~/.h', home))).toEqual(['.hidden']);
  });

  it('marks folders holding _config.yml as sites', async () => {
    expect(await completePath('~/Documents/p', home)).toEqual([{ path: path.join(home, 'Documents', 'press-site'), isSite: true }]);
    expect((await completePath('~/Mu', home))[0].isSite).toBe(false);
  });

  it(`offers at most ${MAX_COMPLETIONS}`, async () => {
    const many = path.join(home, 'many');
    await fs.mkdir(many);
    for (let i = 0; i < MAX_COMPLETIONS + 10; i++) await fs.mkdir(path.join(many, `f${String(i).padStart(3, '0')}`));
    const list = await completePath(many + path.sep, home);
    expect(list).toHaveLength(MAX_COMPLETIONS);
    expect(names(list)[0]).toBe('f000');
  });

  it('answers an empty list for nonsense, relative paths and missing or unreadable folders', async () => {
    expect(await completePath('', home)).toEqual([]);
    expect(await completePath('relative/path', home)).toEqual([]);
    expect(await completePath('~someone/x', home)).toEqual([]);
    expect(await completePath(path.join(home, 'missing', 'x'), home)).toEqual([]);
    expect(await completePath(path.join(home, 'Dfile.txt', ''), home)).toEqual([]);
    expect(await completePath('/a\u0000b', home)).toEqual([]);
  });
});
