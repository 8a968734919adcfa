/**
 * An image the user dropped or pasted waits in the app-data folder (never in a site) until the dialog imports
 * it, so a cancelled dialog leaves the site untouched; entries older than a day are removed on the next staging.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import { atomicWrite } from '../documents';
import type { FigureMime } from './image-probe';

/** The folder below the app-data folder that holds staged images. */
export const STAGING_FOLDER = 'figure-staging';

/** Staged images older than this are removed when another is staged. */
export const STAGING_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** What is kept beside a staged image. */
export interface StagedMeta {
  id: string;
  originalName: string;
  mime: FigureMime;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  stagedAt: string;
}

/** A staged image: its bytes and what is known about them. */
export interface StagedImage extends StagedMeta {
  data: Buffer;
}

const ID_PATTERN = /^[0-9a-f]{32}$/;

function stagingDir(appDataDir: string): string {
  return path.join(appDataDir, STAGING_FOLDER);
}

/** The staged file of `id`, refusing anything that is not an id this module made (no paths, no dots). */
function filesOf(appDataDir: string, id: string): { data: string; meta: string } {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new AppFailure('not-found', 'This staged picture is not known; drop or paste it again.', { suggestion: 'Add the picture again.' });
  }
  const dir = stagingDir(appDataDir);
  return { data: path.join(dir, id), meta: path.join(dir, `${id}.json`) };
}

/** Removes staged images (and sidecars) older than `maxAgeMs`; returns how many files were removed. */
export async function sweepStaged(appDataDir: string, now = Date.now(), maxAgeMs = STAGING_MAX_AGE_MS): Promise<number> {
  const dir = stagingDir(appDataDir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const stat = await fs.lstat(file);
      if (now - stat.mtimeMs <= maxAgeMs) continue;
      await fs.rm(file, { force: true });
      removed++;
    } catch {
      // gone already: nothing to do
    }
  }
  return removed;
}

/** Keeps `data` (already probed) in the staging folder, readable by this user only, and returns its sidecar. */
export async function stageImage(
  appDataDir: string,
  data: Buffer,
  info: { originalName: string; mime: FigureMime; width: number; height: number },
  now = Date.now(),
): Promise<StagedMeta> {
  await sweepStaged(appDataDir, now);
  const dir = stagingDir(appDataDir);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const id = randomBytes(16).toString('hex');
  const meta: StagedMeta = {
    id,
    originalName: info.originalName,
    mime: info.mime,
    width: info.width,
    height: info.height,
    bytes: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    stagedAt: new Date(now).toISOString(),
  };
  const files = filesOf(appDataDir, id);
  await atomicWrite(files.data, data, { mode: 0o600 });
  await atomicWrite(files.meta, `${JSON.stringify(meta, null, 2)}\n`, { mode: 0o600 });
  return meta;
}

/** Reads a staged image back, checking its bytes are still the ones staged; 'not-found' when it is gone. */
export async function readStaged(appDataDir: string, id: string): Promise<StagedImage> {
  const files = filesOf(appDataDir, id);
  let meta: StagedMeta;
  let data: Buffer;
  try {
    meta = JSON.parse(await fs.readFile(files.meta, 'utf8')) as StagedMeta;
    data = await fs.readFile(files.data);
  } catch {
    throw new AppFailure('not-found', 'This staged picture is no longer there (staged pictures are kept for a day); add it again.', {
      suggestion: 'Add the picture again.',
    });
  }
  if (meta.id !== id || createHash('sha256').update(data).digest('hex') !== meta.sha256) {
    throw new AppFailure('not-found', 'This staged picture changed since it was added; add it again.', { suggestion: 'Add the picture again.' });
  }
  return { ...meta, data };
}

/** Forgets a staged image (after its import, or when the dialog is cancelled). */
export async function dropStaged(appDataDir: string, id: string): Promise<void> {
  const files = filesOf(appDataDir, id);
  await fs.rm(files.data, { force: true });
  await fs.rm(files.meta, { force: true });
}

/** Reads a staged image and forgets it: each staged image is imported once. */
export async function takeStaged(appDataDir: string, id: string): Promise<StagedImage> {
  const staged = await readStaged(appDataDir, id);
  await dropStaged(appDataDir, id);
  return staged;
}
