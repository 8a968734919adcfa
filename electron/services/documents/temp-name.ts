/**
 * Names of our temporary files that prove they are ours: `.<name>.pressroom-<pid>-<nonce>-<mac>.tmp`, where
 * the mac is an HMAC of folder, name, pid and nonce under a random key kept in the app-data folder. The sweep
 * of stale temporary files deletes only names whose mac checks out, never a look-alike someone else made.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { appDataDir } from '../app-state';
import { errno } from './write-failure';

/** Keeps the temporary name under the usual 255-byte name limit whatever the target's name. */
const MAX_BASE_IN_TEMP = 100;
const KEY_FILE = 'temp-file-key';
const KEY_BYTES = 32;
const MAC_HEX = 24;
const NAME_PATTERN = /^\.(.*)\.pressroom-(\d+)-([0-9a-f]{12})-([0-9a-f]{24})\.tmp$/;

const keys = new Map<string, Promise<Buffer>>();

/** Reads the install's key, creating it once (exclusively, so two processes starting together agree on one). */
async function loadKey(dir: string): Promise<Buffer> {
  const file = path.join(dir, KEY_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const key = await fs.readFile(file);
      if (key.length === KEY_BYTES) return key;
      // A key file of the wrong size is not ours to trust; nothing is swept under an unknown key.
      return randomBytes(KEY_BYTES);
    } catch (error) {
      if (errno(error) !== 'ENOENT') return randomBytes(KEY_BYTES);
    }
    // Written whole to a private name first, then linked into place: a reader never sees half a key.
    await fs.mkdir(dir, { recursive: true, mode: 0o700 }).catch(() => undefined);
    const draft = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await fs.writeFile(draft, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
      await fs.link(draft, file).catch((error: unknown) => {
        if (errno(error) !== 'EEXIST') throw error;
      });
    } catch {
      // The app-data folder cannot take the key: this process's temp files are then simply never swept by others.
      return randomBytes(KEY_BYTES);
    } finally {
      await fs.rm(draft, { force: true }).catch(() => undefined);
    }
  }
  return randomBytes(KEY_BYTES);
}

/** The key of this install (app-data folder as PRESSROOM_APP_DATA or the platform says), loaded once per folder. */
function installKey(): Promise<Buffer> {
  const dir = appDataDir();
  let key = keys.get(dir);
  if (!key) {
    key = loadKey(dir);
    keys.set(dir, key);
  }
  return key;
}

function macOf(key: Buffer, dir: string, base: string, pid: string, nonce: string): string {
  return createHmac('sha256', key).update([path.resolve(dir), base, pid, nonce].join('\0')).digest('hex').slice(0, MAC_HEX);
}

/** A fresh temporary name for `target` in `dir`, carrying the proof that this install (process `writer`) made it. */
export async function tempNameFor(dir: string, target: string, writer: number = process.pid): Promise<string> {
  const base = path.basename(target).slice(0, MAX_BASE_IN_TEMP);
  const pid = String(writer);
  const nonce = randomBytes(6).toString('hex');
  return `.${base}.pressroom-${pid}-${nonce}-${macOf(await installKey(), dir, base, pid, nonce)}.tmp`;
}

/** The writer's pid when `name` in `dir` is a temporary file this install made, else null (not ours: keep it). */
export async function ownTempWriter(dir: string, name: string): Promise<number | null> {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, base, pid, nonce, mac] = match;
  const expected = Buffer.from(macOf(await installKey(), dir, base, pid, nonce));
  return timingSafeEqual(expected, Buffer.from(mac)) ? Number(pid) : null;
}
