/** Settings and recent sites, kept as small JSON files in the app-data folder (never in a site). */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RecentSite, Session, Settings } from '../../../shared/contract/models';
import { atomicWrite } from '../documents';
import { isRecord } from '../../../shared/util/is-record';

/** The app's memory between runs: what the settings screen and the first screen read and change. */
export interface AppState {
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  listRecent(): Promise<RecentSite[]>;
  addRecent(path: string, name: string): Promise<void>;
  removeRecent(path: string): Promise<RecentSite[]>;
  /** What was open when the app last ran (the site and its tabs), so the next start reopens it; null when nothing was. */
  getSession(): Promise<Session | null>;
  /** Records what is open now; null when the user closed the site (the next start shows the first screen). */
  putSession(session: Omit<Session, 'savedAt'> | null): Promise<void>;
  /** The app-data folder, where stores that live beside this one (recovery) keep their files. */
  readonly dir: string;
}

/** How many sites the first screen remembers. */
export const MAX_RECENT = 12;

const SETTINGS_FILE = 'settings.json';
const RECENT_FILE = 'recent.json';
const SESSION_FILE = 'session.json';
/** Most tabs a session reopens. */
export const MAX_SESSION_TABS = 100;
const GIT_TIMEOUT_MS = 3000;

type StoredRecent = Omit<RecentSite, 'exists'>;

/** Reads one global git setting, so commits are attributed to the person already configured; '' when unknown. */
function gitConfig(key: string): Promise<string> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['config', '--global', key], { timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
        resolve(error ? '' : String(stdout).trim());
      });
    } catch {
      resolve('');
    }
  });
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** Regions that print on Letter paper; everywhere else A4 is what the printer holds. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'PR']);

/** The page size a user in this locale expects by default (Letter in North America and a few others, else A4). */
export function defaultPageSize(locale: string = Intl.DateTimeFormat().resolvedOptions().locale): 'A4' | 'Letter' {
  const region = /[-_]([A-Z]{2})\b/.exec(locale)?.[1];
  return region && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
}

/** Each field is checked on its own, so one bad value in a hand-edited file does not lose the others. */
const validators: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  uiLanguage: (v): v is Settings['uiLanguage'] => v === 'system' || v === 'en' || v === 'de',
  theme: (v): v is Settings['theme'] => v === 'system' || v === 'light' || v === 'dark',
  authorName: (v): v is string => isString(v) && v.length <= 200,
  authorEmail: (v): v is string => isString(v) && v.length <= 320,
  sampleDestination: (v): v is string => isString(v) && v.length <= 4096,
  signOffCommits: (v): v is boolean => typeof v === 'boolean',
  autosave: (v): v is boolean => typeof v === 'boolean',
  autosaveSeconds: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3600,
  exportFolder: (v): v is string => isString(v) && v.length <= 4096,
  exportPageSize: (v): v is Settings['exportPageSize'] => v === 'A4' || v === 'Letter',
};

/** Keeps only the known, valid fields of a stored or patched settings object. */
function pickValid(source: Record<string, unknown>): Partial<Settings> {
  const out: Partial<Record<keyof Settings, unknown>> = {};
  for (const key of Object.keys(validators) as (keyof Settings)[]) {
    if (Object.prototype.hasOwnProperty.call(source, key) && validators[key](source[key])) out[key] = source[key];
  }
  return out as Partial<Settings>;
}

function corruptSuffix(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}


async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Creates the app state over `dir`; every read and write goes through one queue so concurrent calls never lose an update. */
export function createAppState(dir: string, defaults: { sampleDestination: string }): AppState {
  let queue: Promise<unknown> = Promise.resolve();
  let gitIdentity: Promise<{ name: string; email: string }> | null = null;

  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  }

  function identity(): Promise<{ name: string; email: string }> {
    gitIdentity ??= Promise.all([gitConfig('user.name'), gitConfig('user.email')]).then(([name, email]) => ({ name, email }));
    return gitIdentity;
  }

  async function defaultSettings(): Promise<Settings> {
    const { name, email } = await identity();
    return {
      uiLanguage: 'system',
      theme: 'system',
      authorName: name,
      authorEmail: email,
      sampleDestination: defaults.sampleDestination,
      signOffCommits: true,
      autosave: false,
      autosaveSeconds: 30,
      exportFolder: '',
      exportPageSize: defaultPageSize(),
    };
  }

  /** Reads a JSON file; a missing file is `undefined`, a broken one is set aside (never deleted) and read as missing. */
  async function readJson(name: string): Promise<unknown> {
    const file = path.join(dir, name);
    let raw: string;
    try {
      raw = await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      await setAside(file);
      return undefined;
    }
  }

  async function setAside(file: string): Promise<void> {
    try {
      await fs.rename(file, `${file}.corrupt-${corruptSuffix()}`);
    } catch (error) {
      console.error(`pressroom: could not set aside ${file}`, error);
    }
  }

  async function writeJson(name: string, value: unknown): Promise<void> {
    await fs.mkdir(dir, { recursive: true });
    await atomicWrite(path.join(dir, name), `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  }

  /** Only what the user chose is stored; defaults (like the git identity) stay live until changed. */
  async function loadStoredSettings(): Promise<Partial<Settings>> {
    const stored = await readJson(SETTINGS_FILE);
    if (stored === undefined) return {};
    if (!isRecord(stored)) {
      await setAside(path.join(dir, SETTINGS_FILE));
      return {};
    }
    return pickValid(stored);
  }

  async function loadSettings(): Promise<Settings> {
    return { ...(await defaultSettings()), ...(await loadStoredSettings()) };
  }

  async function loadRecent(): Promise<StoredRecent[]> {
    const stored = await readJson(RECENT_FILE);
    if (stored === undefined) return [];
    if (!Array.isArray(stored)) {
      await setAside(path.join(dir, RECENT_FILE));
      return [];
    }
    const seen = new Set<string>();
    const out: StoredRecent[] = [];
    for (const item of stored) {
      if (!isRecord(item) || !isString(item.path) || item.path === '' || seen.has(item.path)) continue;
      seen.add(item.path);
      out.push({
        path: item.path,
        name: isString(item.name) && item.name !== '' ? item.name : path.basename(item.path),
        openedAt: isString(item.openedAt) ? item.openedAt : '',
      });
    }
    return out.slice(0, MAX_RECENT);
  }

  /** The stored session, if it is whole; a hand-edited one keeps what is valid of its tabs. */
  async function loadSession(): Promise<Session | null> {
    const stored = await readJson(SESSION_FILE);
    if (!isRecord(stored) || !isString(stored.site) || stored.site === '') return null;
    const tabs = Array.isArray(stored.tabs) ? [...new Set(stored.tabs.filter((t): t is string => isString(t) && t !== ''))].slice(0, MAX_SESSION_TABS) : [];
    const active = isString(stored.active) && tabs.includes(stored.active) ? stored.active : null;
    return { site: stored.site, tabs, active, savedAt: isString(stored.savedAt) ? stored.savedAt : '' };
  }

  async function withExists(entries: StoredRecent[]): Promise<RecentSite[]> {
    return Promise.all(entries.map(async (e) => ({ ...e, exists: await isDirectory(e.path) })));
  }

  return {
    dir,
    getSession: () => serial(loadSession),
    putSession: (session) =>
      serial(async () => {
        if (session === null) {
          await fs.rm(path.join(dir, SESSION_FILE), { force: true });
          return;
        }
        const tabs = [...new Set(session.tabs)].slice(0, MAX_SESSION_TABS);
        const active = session.active !== null && tabs.includes(session.active) ? session.active : null;
        await writeJson(SESSION_FILE, { site: session.site, tabs, active, savedAt: new Date().toISOString() });
      }),
    getSettings: () => serial(loadSettings),
    updateSettings: (patch) =>
      serial(async () => {
        const stored = { ...(await loadStoredSettings()), ...pickValid(isRecord(patch) ? (patch as Record<string, unknown>) : {}) };
        await writeJson(SETTINGS_FILE, stored);
        return { ...(await defaultSettings()), ...stored };
      }),
    listRecent: () => serial(async () => withExists(await loadRecent())),
    addRecent: (sitePath, name) =>
      serial(async () => {
        const entries = (await loadRecent()).filter((e) => e.path !== sitePath);
        entries.unshift({ path: sitePath, name: name || path.basename(sitePath), openedAt: new Date().toISOString() });
        await writeJson(RECENT_FILE, entries.slice(0, MAX_RECENT));
      }),
    removeRecent: (sitePath) =>
      serial(async () => {
        const entries = await loadRecent();
        const kept = entries.filter((e) => e.path !== sitePath);
        if (kept.length !== entries.length) await writeJson(RECENT_FILE, kept);
        return withExists(kept);
      }),
  };
}
