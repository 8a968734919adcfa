/**
 * Who a commit is by: the app's settings when both are set, else the repository's `user.name`/`user.email`,
 * else the user's global git config (as `git` itself would find it), else nobody (the panel asks).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git, gitFs, type Repo } from './git-engine';

/** A commit's author (and committer). */
export interface Identity {
  name: string;
  email: string;
}

/** The settings that may name the author. */
export interface IdentitySettings {
  authorName?: string | null;
  authorEmail?: string | null;
}

/** Where global git config lives for this user, and git's author variables (injectable so tests never read the machine's own). */
export interface IdentityEnv {
  home: string;
  xdgConfigHome?: string;
  /** GIT_AUTHOR_NAME / GIT_AUTHOR_EMAIL: override any config, as they do for `git commit`. */
  authorName?: string;
  authorEmail?: string;
}

/** A config value with git's quoting undone and an unquoted `#`/`;` comment removed. */
function unquote(raw: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && i + 1 < raw.length) {
      const n = raw[++i]!;
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else if (!quoted && (c === '#' || c === ';')) break;
    else out += c;
  }
  return out.trim();
}

/** `user.name`/`user.email` of a git config file's text (later lines win, as git reads them). */
export function parseUserSection(text: string): Partial<Identity> {
  const found: Partial<Identity> = {};
  let inUser = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[\s*([A-Za-z0-9.-]+)(\s+"[^"]*")?\s*\](.*)$/.exec(line);
    if (section) {
      // `[user "x"]` is a subsection (user.x.name), not the user's name.
      inUser = section[1]!.toLowerCase() === 'user' && section[2] === undefined;
      if (!section[3]!.trim()) continue;
      // `[user] name = x` on one line: go on with the rest.
    }
    const body = section ? section[3]!.trim() : line;
    if (!inUser) continue;
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(body);
    if (!kv) continue;
    const key = kv[1]!.toLowerCase();
    const value = unquote(kv[2] ?? '');
    if (key === 'name') found.name = value;
    else if (key === 'email') found.email = value;
  }
  return found;
}

/** The global config files git reads, in order (a later one overrides an earlier one). */
function globalConfigFiles(env: IdentityEnv): string[] {
  const xdg = env.xdgConfigHome && path.isAbsolute(env.xdgConfigHome) ? env.xdgConfigHome : path.join(env.home, '.config');
  return [path.join(xdg, 'git', 'config'), path.join(env.home, '.gitconfig')];
}

/** The user's identity from the global git config files, merged field by field. */
async function globalIdentity(env: IdentityEnv): Promise<Partial<Identity>> {
  const merged: Partial<Identity> = {};
  for (const file of globalConfigFiles(env)) {
    const text = await fs.promises.readFile(file, 'utf8').catch(() => null);
    if (text !== null) Object.assign(merged, parseUserSection(text));
  }
  return merged;
}

/** The repository's own `user.name`/`user.email` (its `.git/config`). */
async function repoIdentity(repo: Repo): Promise<Partial<Identity>> {
  const read = async (p: string): Promise<string | undefined> => {
    const v = (await git.getConfig({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, path: p }).catch(() => undefined)) as unknown;
    return typeof v === 'string' ? v : undefined;
  };
  const [name, email] = await Promise.all([read('user.name'), read('user.email')]);
  return { ...(name !== undefined ? { name } : {}), ...(email !== undefined ? { email } : {}) };
}

const complete = (id: Partial<Identity>): Identity | null => (id.name?.trim() && id.email?.trim() ? { name: id.name.trim(), email: id.email.trim() } : null);

/**
 * The identity a commit gets: the app's settings if both are set, else git's own answer: GIT_AUTHOR_NAME/EMAIL,
 * then the repository's config, then the global config (field by field, as git does), else null so the panel asks.
 */
export async function resolveIdentity(
  repo: Repo | null,
  settings: IdentitySettings,
  env: IdentityEnv = {
    home: os.homedir(),
    xdgConfigHome: process.env.XDG_CONFIG_HOME,
    authorName: process.env.GIT_AUTHOR_NAME,
    authorEmail: process.env.GIT_AUTHOR_EMAIL,
  },
): Promise<Identity | null> {
  const fromSettings = complete({ name: settings.authorName ?? undefined, email: settings.authorEmail ?? undefined });
  if (fromSettings) return fromSettings;
  const global = await globalIdentity(env);
  const local = repo ? await repoIdentity(repo) : {};
  const fromEnv = { ...(env.authorName ? { name: env.authorName } : {}), ...(env.authorEmail ? { email: env.authorEmail } : {}) };
  return complete({ ...global, ...local, ...fromEnv });
}
