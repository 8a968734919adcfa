import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { createSampleSite, SAMPLE_FOLDER_NAME } from './create-sample';

let tmp: string;
let sample: string;
let dest: string;

async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await fs.readdir(dir, { recursive: true })).sort()) {
    const full = path.join(dir, name);
    const st = await fs.lstat(full);
    out.push(st.isSymbolicLink() ? `${name} -> ${await fs.readlink(full)}` : st.isDirectory() ? `${name}/` : `${name}: ${await fs.readFile(full, 'utf8')}`);
  }
  return out;
}

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-sample-')));
  sample = path.join(tmp, 'sample');
  dest = path.join(tmp, 'Documents');
  await fs.mkdir(path.join(sample, '_posts', 'de'), { recursive: true });
  await fs.mkdir(dest);
  await fs.writeFile(path.join(sample, '_config.yml'), 'title: Sample\n');
  await fs.writeFile(path.join(sample, '_posts', '2024-01-01-hello.md'), '---\ntitle: Hello\n---\nHi\n');
  await fs.symlink('../2024-01-01-hello.md', path.join(sample, '_posts', 'de', '2024-01-01-hello.md'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('createSampleSite', () => {
  it('copies the sample into "Pressroom sample site", keeping relative symlinks as symlinks', async () => {
    const before = await snapshot(sample);
    const created = await createSampleSite(sample, dest);
    expect(created).toBe(path.join(dest, SAMPLE_FOLDER_NAME));
    expect(await snapshot(created)).toEqual(before);
    const link = path.join(created, '_posts', 'de', '2024-01-01-hello.md');
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(link, 'utf8')).toContain('title: Hello');
    // The copy's link points into the copy, not back into the sample.
    expect(await fs.realpath(link)).toBe(path.join(created, '_posts', '2024-01-01-hello.md'));
    expect(await snapshot(sample)).toEqual(before);
  });

  it('never overwrites: later copies are numbered 2, 3, …', async () => {
    await fs.mkdir(path.join(dest, SAMPLE_FOLDER_NAME));
    await fs.writeFile(path.join(dest, SAMPLE_FOLDER_NAME, 'mine.txt'), 'keep me');
    const second = await createSampleSite(sample, dest);
    const third = await createSampleSite(sample, dest);
    expect(path.basename(second)).toBe(`${SAMPLE_FOLDER_NAME} 2`);
    expect(path.basename(third)).toBe(`${SAMPLE_FOLDER_NAME} 3`);
    expect(await fs.readdir(path.join(dest, SAMPLE_FOLDER_NAME))).toEqual(['mine.txt']);
  });

  it('gives writable files even when the sample is read-only', async () => {
    await fs.chmod(path.join(sample, '_config.yml'), 0o444);
    const created = await createSampleSite(sample, dest);
    expect((await fs.stat(path.join(created, '_config.yml'))).mode & 0o200).toBe(0o200);
    await fs.appendFile(path.join(created, '_config.yml'), 'description: mine\n');
    expect((await fs.stat(path.join(sample, '_config.yml'))).mode & 0o777).toBe(0o444);
  });

  it('reports a missing destination folder as not-found', async () => {
    const error = await createSampleSite(sample, path.join(tmp, 'nope')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).error.code).toBe('not-found');
  });

  it('refuses to copy the sample into itself', async () => {
    const error = await createSampleSite(sample, path.join(sample, '_posts')).catch((e: unknown) => e);
    expect((error as AppFailure).error.code).toBe('refused');
    expect(await fs.readdir(path.join(sample, '_posts'))).toEqual(['2024-01-01-hello.md', 'de']);
  });
});
