/**
 * Where a host's user name and token are kept between pushes: in memory for this session, or — when the user
 * asked to remember them — in `git-credentials.json` in the app-data folder (0600), the token always encrypted:
 * by the operating system's keychain when there is one ('os'), else with AES-256-GCM under a random key kept in
 * a second 0600 file ('app-key'). The app key keeps the token out of plain text, backups of the credentials file
 * and every repository; it does not protect it from someone who can read the user's own files. Nothing here ever
 * writes to a repository's config.
 */
import crypto from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CredentialProtection, GitCredentialInfo } from '../../../shared/contract/git-models';
import { AppFailure } from '../../../shared/contract/errors';
import { isRecord } from '../../../shared/util/is-record';
import { atomicWrite } from '../documents';

/** The operating system's encryption (Electron's safeStorage fits it); absent in browser mode and the CLI. */
export interface SecretBox {
  protection: 'os';
  /** False while the system offers no real keychain (then the app key is used instead). */
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

/** A host's credentials as a push or pull uses them. */
export interface HostCredentials {
  username: string;
  token: string;
}

/** The session's and the remembered credentials of every host; the token only leaves it through `get`. */
export interface CredentialStore {
  /** The credentials of a host (this session's first, then remembered ones), or null when none are known or readable. */
  get(host: string): Promise<HostCredentials | null>;
  /** Keeps credentials: encrypted on disk when `remember`, else in memory only (and a remembered entry is dropped). */
  set(host: string, credentials: HostCredentials, remember: boolean): Promise<GitCredentialInfo>;
  /** Forgets a host's credentials, in memory and on disk. */
  forget(host: string): Promise<GitCredentialInfo>;
  /** What is known of a host, without the token. */
  info(host: string): Promise<GitCredentialInfo>;
}

/** Where the store keeps its files and which system encryption it may use. */
export interface CredentialStoreOptions {
  /** The credentials file, `<app-data>/git-credentials.json`. */
  file: string;
  /** The app key's file, used only when the system box is not available. */
  keyFile: string;
  box?: SecretBox | null;
}

interface StoredEntry {
  username: string;
  protection: Exclude<CredentialProtection, 'session'>;
  /** Base64 of the encrypted token (for 'app-key': IV, auth tag and ciphertext). */
  token: string;
}

interface StoredFile {
  version: 1;
  hosts: Record<string, StoredEntry>;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PRIVATE_MODE = 0o600;

/** Hosts compare without case, as DNS does. */
function keyOf(host: string): string {
  return host.trim().toLowerCase();
}

function isEntry(value: unknown): value is StoredEntry {
  return (
    isRecord(value) &&
    typeof value.username === 'string' &&
    typeof value.token === 'string' &&
    (value.protection === 'os' || value.protection === 'app-key')
  );
}

async function readStored(file: string): Promise<StoredFile> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch {
    return { version: 1, hosts: {} };
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    const hosts: Record<string, StoredEntry> = {};
    if (isRecord(parsed) && isRecord(parsed.hosts)) {
      for (const [host, entry] of Object.entries(parsed.hosts)) if (isEntry(entry)) hosts[keyOf(host)] = entry;
    }
    return { version: 1, hosts };
  } catch {
    // A damaged file loses the remembered tokens (they are asked for again), never the app.
    return { version: 1, hosts: {} };
  }
}

/** Writes a file only the user can read: atomically, and 0600 even if an older copy was wider. */
async function writePrivate(file: string, data: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await atomicWrite(file, data, { mode: PRIVATE_MODE });
  if (process.platform !== 'win32') await fs.chmod(file, PRIVATE_MODE);
}

/** The app key: created once (never overwritten, so remembered tokens stay readable), 0600. */
async function appKey(keyFile: string, create: boolean): Promise<Buffer | null> {
  try {
    const key = Buffer.from((await fs.readFile(keyFile, 'utf8')).trim(), 'base64');
    if (key.length === KEY_BYTES) return key;
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) return null;
  }
  await fs.mkdir(path.dirname(keyFile), { recursive: true });
  const key = crypto.randomBytes(KEY_BYTES);
  try {
    // 'wx': two processes starting at once cannot each write a key and lose the other's tokens.
    await fs.writeFile(keyFile, `${key.toString('base64')}\n`, { mode: PRIVATE_MODE, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return appKey(keyFile, false);
    throw new AppFailure('not-writable', `Pressroom could not create its key file ${keyFile}.`, { path: keyFile });
  }
}

function sealWithKey(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function openWithKey(key: Buffer, sealed: string): string | null {
  try {
    const data = Buffer.from(sealed, 'base64');
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Creates the store; nothing is read or written until a credential is asked for or kept. */
export function createCredentialStore({ file, keyFile, box = null }: CredentialStoreOptions): CredentialStore {
  const session = new Map<string, HostCredentials>();
  let queue: Promise<unknown> = Promise.resolve();

  /** File changes one after another, so two `set`s never lose each other's host. */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  const osBox = (): SecretBox | null => {
    try {
      return box?.isAvailable() ? box : null;
    } catch {
      return null;
    }
  };

  async function decrypt(entry: StoredEntry): Promise<string | null> {
    if (entry.protection === 'os') {
      const b = osBox();
      if (!b) return null;
      try {
        return b.decrypt(Buffer.from(entry.token, 'base64'));
      } catch {
        return null;
      }
    }
    const key = await appKey(keyFile, false);
    return key ? openWithKey(key, entry.token) : null;
  }

  async function info(host: string): Promise<GitCredentialInfo> {
    const key = keyOf(host);
    const inSession = session.get(key);
    if (inSession) return { host: key, username: inSession.username, protection: 'session' };
    const entry = (await readStored(file)).hosts[key];
    return entry ? { host: key, username: entry.username, protection: entry.protection } : { host: key, username: null, protection: null };
  }

  async function dropStored(key: string): Promise<void> {
    const stored = await readStored(file);
    if (!(key in stored.hosts)) return;
    delete stored.hosts[key];
    await writePrivate(file, `${JSON.stringify(stored, null, 2)}\n`);
  }

  return {
    async get(host) {
      const key = keyOf(host);
      const inSession = session.get(key);
      if (inSession) return { ...inSession };
      const entry = (await readStored(file)).hosts[key];
      if (!entry) return null;
      const token = await decrypt(entry);
      return token === null ? null : { username: entry.username, token };
    },
    set(host, { username, token }, remember) {
      const key = keyOf(host);
      return serial(async () => {
        if (!remember) {
          session.set(key, { username, token });
          // "Only for this session" also means: not left on disk from an earlier "remember".
          await dropStored(key);
          return info(key);
        }
        const b = osBox();
        let entry: StoredEntry;
        if (b) {
          entry = { username, protection: 'os', token: b.encrypt(token).toString('base64') };
        } else {
          const appKeyBytes = await appKey(keyFile, true);
          if (!appKeyBytes) throw new AppFailure('not-readable', `Pressroom's key file ${keyFile} is damaged; remove it to start over.`, { path: keyFile });
          entry = { username, protection: 'app-key', token: sealWithKey(appKeyBytes, token) };
        }
        const stored = await readStored(file);
        stored.hosts[key] = entry;
        await writePrivate(file, `${JSON.stringify(stored, null, 2)}\n`);
        session.delete(key);
        return info(key);
      });
    },
    forget(host) {
      const key = keyOf(host);
      return serial(async () => {
        session.delete(key);
        await dropStored(key);
        return info(key);
      });
    },
    info,
  };
}

/** The CLI's credentials: PRESSROOM_GIT_TOKEN with PRESSROOM_GIT_USER (any name works for most hosts' tokens). */
export function envCredentials(env: NodeJS.ProcessEnv = process.env): HostCredentials | null {
  const token = env.PRESSROOM_GIT_TOKEN;
  if (!token) return null;
  const username = env.PRESSROOM_GIT_USER?.trim();
  return { username: username || 'x-access-token', token };
}
