/**
 * The recovery store: the unsaved text of open documents, kept in the app-data folder (never in a site) so a
 * crash, a killed process, a power cut or a reloaded page loses nothing typed. One JSON file per document, named
 * by a hash of its site and path, written through the atomic write: an entry is the old one or the new one,
 * never half.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure, messageOf } from '../../../shared/contract/errors';
import { isRecord } from '../../../shared/util/is-record';
import { atomicWrite } from '../documents';
import { isInside, normalizeRel } from '../paths';

/** Largest text kept for one document (UTF-8 bytes); larger than any post the editor opens. */
export const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
/** Most documents kept at once; a new one beyond this is refused (the others are never evicted). */
export const MAX_ENTRIES = 200;
/** Entries are JSON: escapes may make the file longer than the text, but never this much longer. */
const MAX_FILE_BYTES = MAX_ENTRY_BYTES * 7 + 64 * 1024;
/** Our entries' file names: the SHA-256 of site and path. Anything else in the folder is not ours. */
const ENTRY_NAME = /^[0-9a-f]{64}\.json$/;

/** One kept document: whose it is, its text exactly as typed, the version it was based on and when it was kept. */
export interface RecoveryEntry {
  /** The site's real root path. */
  site: string;
  /** Site-relative path, forward slashes. */
  path: string;
  text: string;
  baseVersion: string;
  savedAt: string;
}

/** What the calls use: keep, list and remove entries. Calls for one document run in the order they were made. */
export interface RecoveryStore {
  /** The folder holding the entries. */
  readonly dir: string;
  /** Keeps (or replaces) a document's unsaved text; returns the entry as stored. */
  put(entry: Omit<RecoveryEntry, 'savedAt'>): Promise<RecoveryEntry>;
  /** The entries of one site (or of every site), newest first; unreadable or foreign files are skipped. */
  list(site?: string): Promise<RecoveryEntry[]>;
  /** One document's entry, or null. */
  get(site: string, rel: string): Promise<RecoveryEntry | null>;
  /** Removes a document's entry (saved or discarded); true when there was one. */
  remove(site: string, rel: string): Promise<boolean>;
}

/** The file name of a document's entry: a hash, so no site path or post name ever shapes a path in app data. */
export function entryFileName(site: string, rel: string): string {
  return `${createHash('sha256').update(`${site}\u0000${rel}`).digest('hex')}.json`;
}

/** The canonical form of a site-relative path, so `a/./b.md` and `a/b.md` share one entry. */
function canonical(rel: string): string {
  const normal = normalizeRel(rel);
  if (normal === '') throw new AppFailure('invalid-arguments', 'A recovered document needs a file path.', { path: rel });
  return normal;
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Reads one entry file; null for anything that is not a whole entry of ours (missing, too big, broken, foreign). */
async function readEntry(file: string): Promise<RecoveryEntry | null> {
  let raw: string;
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return null;
    raw = await fs.readFile(file, 'utf8');
  } catch {
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const { site, path: rel, text, baseVersion, savedAt } = value;
  if (typeof site !== 'string' || typeof rel !== 'string' || typeof text !== 'string' || typeof baseVersion !== 'string' || typeof savedAt !== 'string') return null;
  // A file whose name does not match what it says it holds was not written here: ignore it.
  if (entryFileName(site, rel) !== path.basename(file)) return null;
  return { site, path: rel, text, baseVersion, savedAt };
}

/** Creates the store over `dir` (created on the first put, private to the user). */
export function createRecoveryStore(dir: string): RecoveryStore {
  const queues = new Map<string, Promise<unknown>>();

  /** Runs `fn` after every earlier call for the same entry, so a removal never overtakes an earlier put. */
  function serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  }

  async function entryNames(): Promise<string[]> {
    try {
      return (await fs.readdir(dir)).filter((name) => ENTRY_NAME.test(name));
    } catch (error) {
      if (errno(error) === 'ENOENT') return [];
      throw error;
    }
  }

  return {
    dir,
    async put({ site, path: rel, text, baseVersion }) {
      const root = path.resolve(site);
      const key = canonical(rel);
      if (isInside(root, path.resolve(dir))) {
        throw new AppFailure('refused', 'Recovered text is never kept inside a site; the app-data folder lies inside this site.', { path: key });
      }
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > MAX_ENTRY_BYTES) {
        throw new AppFailure('too-large', `${key} is too large (${(bytes / 1024 / 1024).toFixed(1)} MB) to keep for recovery.`, { path: key });
      }
      const name = entryFileName(root, key);
      return serial(name, async () => {
        const names = await entryNames();
        if (!names.includes(name) && names.length >= MAX_ENTRIES) {
          throw new AppFailure('too-large', `${MAX_ENTRIES} documents are already kept for recovery; save or discard some first.`, { path: key });
        }
        const entry: RecoveryEntry = { site: root, path: key, text, baseVersion, savedAt: new Date().toISOString() };
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        await atomicWrite(path.join(dir, name), JSON.stringify(entry), { mode: 0o600 });
        return entry;
      });
    },
    async list(site) {
      const root = site === undefined ? undefined : path.resolve(site);
      const entries = await Promise.all((await entryNames()).map((name) => readEntry(path.join(dir, name))));
      return entries
        .filter((e): e is RecoveryEntry => e !== null && (root === undefined || e.site === root))
        .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    },
    async get(site, rel) {
      const name = entryFileName(path.resolve(site), canonical(rel));
      return serial(name, () => readEntry(path.join(dir, name)));
    },
    async remove(site, rel) {
      const name = entryFileName(path.resolve(site), canonical(rel));
      return serial(name, async () => {
        try {
          await fs.unlink(path.join(dir, name));
          return true;
        } catch (error) {
          if (errno(error) === 'ENOENT') return false;
          throw new AppFailure('io', `Could not remove the recovered text of ${rel}: ${messageOf(error)}`, { path: rel });
        }
      });
    },
  };
}
