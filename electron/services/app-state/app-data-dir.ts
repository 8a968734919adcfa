/** Where Pressroom keeps its own state (settings, recent sites, caches): never inside a site. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const APP_FOLDER = 'Pressroom';

/** The app-data folder for this platform; PRESSROOM_APP_DATA overrides it so tests and portable installs stay isolated. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const override = env.PRESSROOM_APP_DATA;
  if (override && override.trim() !== '') return path.resolve(override);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') {
    const appData = env.APPDATA && env.APPDATA.trim() !== '' ? env.APPDATA : path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER);
  }
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  return path.join(base, APP_FOLDER);
}

/** Reads XDG_DOCUMENTS_DIR from user-dirs.dirs (e.g. `"$HOME/Dokumente"`), so localized desktops get their real folder. */
function xdgDocumentsDir(env: NodeJS.ProcessEnv, home: string): string | null {
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  let content: string;
  try {
    content = fs.readFileSync(path.join(configHome, 'user-dirs.dirs'), 'utf8');
  } catch {
    return null;
  }
  for (const line of content.split(/\r?\n/)) {
    const m = /^\s*XDG_DOCUMENTS_DIR\s*=\s*"?(.*?)"?\s*$/.exec(line);
    if (!m) continue;
    const value = m[1].replace(/^\$HOME(?=\/|$)/, home).replace(/^\$\{HOME\}(?=\/|$)/, home);
    if (!path.isAbsolute(value)) return null;
    // "$HOME/" alone means the desktop has no separate documents folder.
    if (path.resolve(value) === path.resolve(home)) return null;
    return path.resolve(value);
  }
  return null;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The user's documents folder, the natural default for where a sample site copy goes. */
export function documentsDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (platform !== 'darwin' && platform !== 'win32') {
    const xdg = xdgDocumentsDir(env, home);
    if (xdg && isDirectory(xdg)) return xdg;
  }
  const docs = platform === 'win32' ? path.win32.join(home, 'Documents') : path.join(home, 'Documents');
  if (isDirectory(docs)) return docs;
  return home;
}
