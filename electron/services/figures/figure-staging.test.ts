import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { dropStaged, readStaged, STAGING_FOLDER, stageImage, takeStaged } from './figure-staging';

let appData: string;
beforeEach(async () => {
  appData = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-staging-'));
});
afterEach(async () => {
  await fs.rm(appData, { recursive: true, force: true });
});

const info = { originalName: '../Ünsafe name.PNG', mime: 'image/png' as const, width: 3, height: 2 };

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    return (error as AppFailure).error.code;
  }
  throw new Error('expected a failure');
}

describe('figure staging', () => {
  it('keeps the bytes in the app-data folder, readable by this user only, with a sidecar', async () => {
    const data = Buffer.from('picture bytes');
    const meta = await stageImage(appData, data, info);
    expect(meta.id).toMatch(/^[0-9a-f]{32}$/);
    const file = path.join(appData, STAGING_FOLDER, meta.id);
    expect(await fs.readFile(file)).toEqual(data);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const sidecar = JSON.parse(await fs.readFile(`${file}.json`, 'utf8'));
    expect(sidecar).toMatchObject({ originalName: '../Ünsafe name.PNG', mime: 'image/png', width: 3, height: 2, bytes: data.length });
    expect(sidecar.sha256).toMatch(/^[0-9a-f]{64}$/);
    const back = await readStaged(appData, meta.id);
    expect(back.data).toEqual(data);
    expect(back.originalName).toBe(info.originalName);
  });

  it('takes a staged image once', async () => {
    const meta = await stageImage(appData, Buffer.from('x'), info);
    expect((await takeStaged(appData, meta.id)).data.toString()).toBe('x');
    expect(await code(takeStaged(appData, meta.id))).toBe('not-found');
  });

  it('refuses ids that are paths or not its own', async () => {
    for (const id of ['../../etc/passwd', '/etc/passwd', 'a'.repeat(32) + '.json', 'ABCDEF0123456789ABCDEF0123456789', '']) {
      expect(await code(readStaged(appData, id))).toBe('not-found');
    }
    expect(await code(dropStaged(appData, '../x'))).toBe('not-found');
  });

  it('notices a staged file changed behind its back', async () => {
    const meta = await stageImage(appData, Buffer.from('original'), info);
    await fs.writeFile(path.join(appData, STAGING_FOLDER, meta.id), 'swapped');
    expect(await code(readStaged(appData, meta.id))).toBe('not-found');
  });

  it('removes entries older than a day when staging another', async () => {
    const old = await stageImage(appData, Buffer.from('old'), info);
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    for (const name of [old.id, `${old.id}.json`]) await fs.utimes(path.join(appData, STAGING_FOLDER, name), dayAgo, dayAgo);
    const fresh = await stageImage(appData, Buffer.from('new'), info);
    expect((await fs.readdir(path.join(appData, STAGING_FOLDER))).sort()).toEqual([fresh.id, `${fresh.id}.json`].sort());
  });
});
