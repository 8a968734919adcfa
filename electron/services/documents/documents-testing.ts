/** Test kit for code that writes documents: a private app-data folder and a one-line way to put a site file. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Gives the calling test file its own app-data folder for its whole run (the key that signs our temporary files
 * lives there), so tests never write into the user's real app data. Returns a getter for the folder.
 */
export function useTempAppData(): () => string {
  let dir = '';
  const previous = process.env.PRESSROOM_APP_DATA;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-app-data-'));
    process.env.PRESSROOM_APP_DATA = dir;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.PRESSROOM_APP_DATA;
    else process.env.PRESSROOM_APP_DATA = previous;
    await fs.rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Writes `content` at site-relative `rel` under `site`, creating its folders; returns the absolute path. */
export async function putFile(site: string, rel: string, content: string | Uint8Array): Promise<string> {
  const abs = path.join(site, ...rel.split('/'));
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, content);
  return abs;
}
