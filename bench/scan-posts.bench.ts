/**
 * Opening a site of 10,000 posts, the size of a long-running press archive, against the floor the file system
 * sets: a plain readdir of the same post folders and a 4 KiB read of each of the same 10,000 files, measured
 * alternately in the same run. The ratio is what our scan adds (front matter, dates, languages, sorting).
 */
import { closeSync, promises as fs, openSync, readSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSite } from '../electron/services/site/open-site';
import { generateSite } from './generate-site';
import { type BenchResult, result, timePaired } from './measure';

const POSTS = 10_000;
const RUNS = 9;
const HEAD = 4096;

/** Every `.md` under `dir`, symlinked files included, with one readdir per folder. */
async function listMarkdown(dir: string, out: string[]): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) await listMarkdown(abs, out);
    else if (entry.name.endsWith('.md')) out.push(abs);
  }
}

/** The reference: readdir of the post folders, then open, read the first 4 KiB and close each file. */
async function plainReadAll(site: string): Promise<number> {
  const files: string[] = [];
  await listMarkdown(path.join(site, '_i18n'), files);
  const buffer = Buffer.allocUnsafe(HEAD);
  let chars = 0;
  for (const file of files) {
    const fd = openSync(file, 'r');
    try {
      chars += buffer.toString('utf8', 0, readSync(fd, buffer, 0, HEAD, 0)).length;
    } finally {
      closeSync(fd);
    }
  }
  if (files.length !== POSTS) throw new Error(`reference found ${files.length} files, expected ${POSTS}`);
  return chars;
}

/** Generates the site once, then opens it and reads it plainly RUNS times each, alternately. */
export async function benchScanPosts(): Promise<BenchResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-bench-scan-'));
  try {
    await generateSite(dir, POSTS);
    const open = async (): Promise<void> => {
      const { posts } = await openSite(dir);
      if (posts.length !== POSTS) throw new Error(`expected ${POSTS} posts, found ${posts.length}`);
    };
    const { runs, referenceRuns } = await timePaired(open, () => plainReadAll(dir), { runs: RUNS });
    return result(`open a site of ${POSTS} posts`, runs, { label: `plain readdir + ${HEAD / 1024} KiB read of the same ${POSTS} files`, runs: referenceRuns });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
