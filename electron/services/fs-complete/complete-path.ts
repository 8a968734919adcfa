/** Folder suggestions for the path field in browser mode, where there is no native folder picker. */
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PathCompletion } from '../../../shared/contract/models';

/** Enough to choose from while typing, few enough to answer at once in a huge folder. */
export const MAX_COMPLETIONS = 50;

/** Expands a leading `~` (the user's shorthand for home); other `~user` forms are not supported and give null. */
function expandHome(partial: string, home: string): string | null {
  if (partial === '~') return home + path.sep;
  if (partial.startsWith('~/') || (path.sep === '\\' && partial.startsWith('~\\'))) return path.join(home, partial.slice(2)) + (/[\\/]$/.test(partial) ? path.sep : '');
  if (partial.startsWith('~')) return null;
  return partial;
}

function endsWithSeparator(p: string): boolean {
  return p.endsWith('/') || (path.sep === '\\' && p.endsWith('\\'));
}

async function isFolder(parent: string, entry: Dirent): Promise<boolean> {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return (await fs.stat(path.join(parent, entry.name))).isDirectory();
  } catch {
    return false;
  }
}

async function hasConfig(folder: string): Promise<boolean> {
  try {
    return (await fs.stat(path.join(folder, '_config.yml'))).isFile();
  } catch {
    return false;
  }
}

/** Lists the folders that complete `partial`, marking likely Jekyll sites; any problem gives an empty list, never an error. */
export async function completePath(partial: string, home: string): Promise<PathCompletion[]> {
  try {
    if (typeof partial !== 'string' || partial === '' || partial.includes('\u0000')) return [];
    const expanded = expandHome(partial, home);
    if (expanded === null || !path.isAbsolute(expanded)) return [];
    const parent = endsWithSeparator(expanded) ? path.resolve(expanded) : path.dirname(path.resolve(expanded));
    const prefix = endsWithSeparator(expanded) ? '' : path.basename(expanded);
    const lowerPrefix = prefix.toLowerCase();
    const showHidden = prefix.startsWith('.');

    const entries = await fs.readdir(parent, { withFileTypes: true });
    const named = entries.filter((e) => (showHidden || !e.name.startsWith('.')) && e.name.toLowerCase().startsWith(lowerPrefix));
    const folders: string[] = [];
    for (const entry of named) {
      if (await isFolder(parent, entry)) folders.push(entry.name);
    }
    folders.sort((a, b) => {
      const byLower = a.toLowerCase().localeCompare(b.toLowerCase());
      return byLower !== 0 ? byLower : a < b ? -1 : a > b ? 1 : 0;
    });
    const chosen = folders.slice(0, MAX_COMPLETIONS).map((name) => path.join(parent, name));
    return Promise.all(chosen.map(async (p) => ({ path: p, isSite: await hasConfig(p) })));
  } catch {
    return [];
  }
}
