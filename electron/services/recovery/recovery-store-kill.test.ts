// A killed process never leaves a half recovery entry: a real child keeps putting large texts and is SIGKILLed at
// random moments; a new store over the same folder (the next start) always finds one whole text, byte for byte.
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { childTexts } from './recovery-store-child';
import { createRecoveryStore } from './recovery-store';

let tmp: string;
let childScript: string;
const previousAppData = process.env.PRESSROOM_APP_DATA;

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-recovery-kill-')));
  // The children inherit the app-data folder (where the atomic write keeps what proves a temporary file its own).
  process.env.PRESSROOM_APP_DATA = path.join(tmp, 'app-data');
  childScript = path.join(tmp, 'recovery-store-child.cjs');
  await build({ entryPoints: [path.join(__dirname, 'recovery-store-child.ts')], outfile: childScript, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
});
afterEach(async () => {
  await fs.rm(path.join(tmp, 'app-data'), { recursive: true, force: true });
});
afterAll(async () => {
  if (previousAppData === undefined) delete process.env.PRESSROOM_APP_DATA;
  else process.env.PRESSROOM_APP_DATA = previousAppData;
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Resolves once a temporary file shows in `dir` (a put is writing), polling every millisecond; false after `ms`. */
async function tempFileSeen(dir: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    if (names.some((n) => n.endsWith('.tmp'))) return true;
    await new Promise((r) => setTimeout(r, 1));
  }
  return false;
}

/** Starts a writer, lets it finish `afterPuts` puts, then kills it after `extraMs` or as soon as a put is writing. */
async function killWriter(dir: string, site: string, rel: string, bytes: number, afterPuts: number, when: number | 'writing'): Promise<number> {
  const child = spawn(process.execPath, [childScript, dir, site, rel, String(bytes)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.split('\n').includes(`put ${afterPuts}`)) resolve();
    });
    void exited.then(() => reject(new Error(`writer stopped early:\n${out}${err}`)));
  });
  if (when === 'writing') await tempFileSeen(dir, 5000);
  else await new Promise((r) => setTimeout(r, when));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return out.split('\n').filter((l) => l.startsWith('put ')).length;
}

describe('recovery store under SIGKILL', () => {
  it('always has one whole text after a kill at a random moment of repeated puts', async () => {
    const dir = path.join(tmp, 'app-data', 'recovery');
    const site = path.join(tmp, 'site');
    const rel = '_posts/2024-03-01-launch.md';
    const bytes = 1024 * 1024;
    const texts = childTexts(bytes);
    const runs = 10;
    let killedMidPut = 0;
    for (let run = 0; run < runs; run++) {
      // Half the kills at a random moment, half while a put is writing its temporary file.
      const puts = await killWriter(dir, site, rel, bytes, 1, run % 2 === 0 ? Math.floor(Math.random() * 150) : 'writing');
      // A temporary file left behind means the kill landed in the middle of a put.
      if ((await fs.readdir(dir)).some((n) => n.endsWith('.tmp'))) killedMidPut++;
      // The next start: a new store over the same folder.
      const entries = await createRecoveryStore(dir).list(site);
      expect(entries, `run ${run}`).toHaveLength(1);
      const [entry] = entries;
      expect(texts.includes(entry.text), `run ${run}: a whole text, never half (after ${puts} puts)`).toBe(true);
      expect(entry.text).toBe(texts[Number(entry.baseVersion.slice(1)) % 2]);
    }
    // The kills made while a put was writing did land inside it (its temporary file was left behind).
    console.info(`recovery kill test: ${killedMidPut} of ${runs} kills landed inside a put`);
    expect(killedMidPut).toBeGreaterThan(0);
    // Whatever the kills left behind is swept by the next put, and never listed meanwhile.
    await createRecoveryStore(dir).put({ site, path: rel, text: 'after', baseVersion: 'v0' });
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
