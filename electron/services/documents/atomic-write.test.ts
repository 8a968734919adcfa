import { type ChildProcess, spawn } from 'node:child_process';
import { build } from 'esbuild';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { atomicWrite, sweepStaleTempFiles } from './atomic-write';
import { WRITE_PHASES, type WritePhase } from './atomic-write-child';
import { tempNameFor } from './temp-name';
import { useTempAppData } from './documents-testing';

let dir: string;
// The key that proves a temporary file is ours lives in the app-data folder; the writer children inherit it.
const appData = useTempAppData();

beforeEach(async () => {
  dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-atomic-')));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function tempFilesIn(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).filter((n) => n.endsWith('.tmp'));
}

describe('atomicWrite', () => {
  it('writes the content of a new file with mode 0644 and leaves no temporary file', async () => {
    const file = path.join(dir, 'post.md');
    await atomicWrite(file, 'Hällo\n');
    expect(await fs.readFile(file, 'utf8')).toBe('Hällo\n');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o644);
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('replaces the content of an existing file with bytes as given', async () => {
    const file = path.join(dir, 'post.md');
    await fs.writeFile(file, 'old old old old');
    await atomicWrite(file, new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]));
    expect([...(await fs.readFile(file))]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
  });

  it('keeps the mode of an existing file', async () => {
    const file = path.join(dir, 'script.sh');
    await fs.writeFile(file, 'echo 1\n');
    await fs.chmod(file, 0o750);
    await atomicWrite(file, 'echo 2\n', { mode: 0o600 });
    expect((await fs.stat(file)).mode & 0o7777).toBe(0o750);
    expect(await fs.readFile(file, 'utf8')).toBe('echo 2\n');
  });

  it('uses opts.mode for a new file', async () => {
    const file = path.join(dir, 'private.md');
    await atomicWrite(file, 'x', { mode: 0o600 });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('writes through a symlink to its target; the link stays a link', async () => {
    await fs.mkdir(path.join(dir, 'en'));
    await fs.mkdir(path.join(dir, 'de'));
    const target = path.join(dir, 'en', 'post.md');
    const link = path.join(dir, 'de', 'post.md');
    await fs.writeFile(target, 'english\n');
    await fs.symlink('../en/post.md', link);
    await atomicWrite(link, 'edited through the link\n');
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe('../en/post.md');
    expect(await fs.readFile(target, 'utf8')).toBe('edited through the link\n');
    expect(await tempFilesIn(path.join(dir, 'de'))).toEqual([]);
    expect(await tempFilesIn(path.join(dir, 'en'))).toEqual([]);
  });

  it('writes through a chain of symlinks and through a dangling link (creating its target)', async () => {
    const target = path.join(dir, 'real.md');
    await fs.writeFile(target, 'a');
    await fs.symlink('real.md', path.join(dir, 'one.md'));
    await fs.symlink('one.md', path.join(dir, 'two.md'));
    await atomicWrite(path.join(dir, 'two.md'), 'b');
    expect(await fs.readFile(target, 'utf8')).toBe('b');
    expect((await fs.lstat(path.join(dir, 'two.md'))).isSymbolicLink()).toBe(true);

    await fs.symlink('later.md', path.join(dir, 'dangling.md'));
    await atomicWrite(path.join(dir, 'dangling.md'), 'c');
    expect((await fs.lstat(path.join(dir, 'dangling.md'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(path.join(dir, 'later.md'), 'utf8')).toBe('c');
  });

  it('fails with an io error naming the path and leaves no temporary file when the target is a folder', async () => {
    const folder = path.join(dir, 'a-folder');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'inside.md'), 'keep');
    const failure = await atomicWrite(folder, 'data').then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).error.code).toBe('io');
    expect((failure as AppFailure).message).toContain(folder);
    expect((failure as AppFailure).error.path).toBe(folder);
    expect(await tempFilesIn(dir)).toEqual([]);
    expect(await fs.readFile(path.join(folder, 'inside.md'), 'utf8')).toBe('keep');
  });

  it('fails with an io error when the folder does not exist', async () => {
    const file = path.join(dir, 'missing', 'post.md');
    await expect(atomicWrite(file, 'x')).rejects.toMatchObject({ error: { code: 'io', path: file } });
  });

  it('handles a very long file name', async () => {
    const file = path.join(dir, `${'n'.repeat(240)}.md`);
    await atomicWrite(file, 'long');
    expect(await fs.readFile(file, 'utf8')).toBe('long');
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('survives concurrent writes to one file: the result is one of the payloads, no temp files left', async () => {
    const file = path.join(dir, 'busy.md');
    const payloads = Array.from({ length: 8 }, (_, i) => `payload ${i}\n`.repeat(1000));
    await Promise.all(payloads.map((p) => atomicWrite(file, p)));
    expect(payloads).toContain(await fs.readFile(file, 'utf8'));
    expect(await tempFilesIn(dir)).toEqual([]);
  });
});

describe('sweepStaleTempFiles', () => {
  async function deadPid(): Promise<number> {
    const dead = spawn(process.execPath, ['-e', '']);
    return new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid as number)));
  }

  it('removes temporary files of dead processes, keeps live ones and other files', async () => {
    const gone = await deadPid();
    const stale = await tempNameFor(dir, 'post.md', gone);
    const mine = await tempNameFor(dir, 'post.md');
    const parentsPid = await tempNameFor(dir, 'post.md', process.ppid);
    const unrelated = ['.post.md.swp', 'notes.tmp', '.x.pressroom-abc-12.tmp'];
    for (const name of [stale, mine, parentsPid, ...unrelated]) await fs.writeFile(path.join(dir, name), 'x');
    expect(await sweepStaleTempFiles(dir)).toBe(1);
    expect((await fs.readdir(dir)).sort()).toEqual([mine, parentsPid, ...unrelated].sort());
  });

  it('keeps look-alikes someone else made: our old name pattern, a forged proof, a real name copied from another folder', async () => {
    const gone = await deadPid();
    const elsewhere = path.join(dir, 'elsewhere');
    await fs.mkdir(elsewhere);
    const lookAlikes = [
      `.post.md.pressroom-${gone}-abcdef012345.tmp`,
      `.post.md.pressroom-${gone}-abcdef012345-${'0'.repeat(24)}.tmp`,
      `.config.pressroom-${gone}-0123456789ab-${'f'.repeat(24)}.tmp`,
      // A name this install made for another folder proves nothing here.
      await tempNameFor(elsewhere, 'post.md', gone),
    ];
    for (const name of lookAlikes) await fs.writeFile(path.join(dir, name), 'someone else’s data');
    expect(await sweepStaleTempFiles(dir)).toBe(0);
    await atomicWrite(path.join(dir, 'post.md'), 'x');
    expect((await fs.readdir(dir)).sort()).toEqual([...lookAlikes, 'elsewhere', 'post.md'].sort());
    for (const name of lookAlikes) expect(await fs.readFile(path.join(dir, name), 'utf8')).toBe('someone else’s data');
  });

  it('keeps the key that proves a temporary file is ours in the app-data folder, readable by the user only', async () => {
    await atomicWrite(path.join(dir, 'post.md'), 'x');
    const key = path.join(appData(), 'temp-file-key');
    expect((await fs.readFile(key)).length).toBe(32);
    expect((await fs.stat(key)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(dir)).toEqual(['post.md']);
  });

  it('returns 0 for a folder that does not exist', async () => {
    expect(await sweepStaleTempFiles(path.join(dir, 'nope'))).toBe(0);
  });

  it('is run by atomicWrite for the folder it writes in', async () => {
    await fs.writeFile(path.join(dir, await tempNameFor(dir, 'other.md', await deadPid())), 'half');
    await atomicWrite(path.join(dir, 'post.md'), 'x');
    expect(await fs.readdir(dir)).toEqual(['post.md']);
  });
});

describe('atomicWrite under SIGKILL', () => {
  const SIZE = 1024 * 1024;
  const OLD = 0x41;
  const NEW = 0x42;
  let childScript: string;

  beforeEach(async () => {
    // Bundled once to plain CommonJS: six writers start in well under a second each, without tsx's compile.
    childScript = path.join(dir, 'atomic-write-child.cjs');
    await build({ entryPoints: [path.join(__dirname, 'atomic-write-child.ts')], outfile: childScript, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
  });

  /** Runs the writer until it reports `paused <phase>`; resolves with every phase it passed, in order. */
  function writerPausedAt(file: string, phase: WritePhase): Promise<{ child: ChildProcess; passed: string[] }> {
    const child = spawn(process.execPath, [childScript, file, String(SIZE), String(NEW), phase], { stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const lines = out.split('\n');
        if (lines.includes(`paused ${phase}`)) resolve({ child, passed: lines.filter((l) => l.startsWith('phase ')).map((l) => l.slice(6)) });
      });
      child.on('exit', (code) => reject(new Error(`writer never paused at ${phase} (exit ${code}); it printed:\n${out}${err}`)));
    });
  }

  /** Kills the writer at `phase` and returns what a user would then find in the folder. */
  async function killAt(phase: WritePhase): Promise<{ passed: string[]; content: Buffer; temps: Array<{ name: string; size: number }>; folder: string; file: string }> {
    const folder = path.join(dir, phase);
    await fs.mkdir(folder);
    const file = path.join(folder, 'post.md');
    await atomicWrite(file, Buffer.alloc(SIZE, OLD));
    const { child, passed } = await writerPausedAt(file, phase);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const temps = await Promise.all((await tempFilesIn(folder)).map(async (name) => ({ name, size: (await fs.stat(path.join(folder, name))).size })));
    return { passed, content: await fs.readFile(file), temps, folder, file };
  }

  it('leaves the whole old text before the rename and the whole new text after it, whatever step the kill hits', async () => {
    const results = await Promise.all(WRITE_PHASES.map(killAt));
    const renamedAt = WRITE_PHASES.indexOf('renamed');
    for (const [i, phase] of WRITE_PHASES.entries()) {
      const { passed, content, temps, folder, file } = results[i];
      // The kill landed where asked, and atomicWrite's steps came in order: temp file, data, flush, rename.
      expect(passed, phase).toEqual(WRITE_PHASES.slice(0, i + 1));
      expect(content.length, phase).toBe(SIZE);
      expect(content.equals(Buffer.alloc(SIZE, i < renamedAt ? OLD : NEW)), `${phase}: the file is the whole ${i < renamedAt ? 'old' : 'new'} text`).toBe(true);
      if (i < renamedAt) {
        // Killed mid-write: the only trace is our hidden temporary file, never the target itself.
        expect(temps, phase).toHaveLength(1);
        if (phase === 'temp-created') expect(temps[0].size, phase).toBe(0);
        if (phase === 'temp-half-written') expect(temps[0].size, phase).toBe(SIZE / 2);
      } else {
        expect(temps, phase).toEqual([]);
      }
      // The next save (here from another process than the killed one) sweeps what the kill left behind.
      await atomicWrite(file, 'saved again\n');
      expect(await fs.readdir(folder), phase).toEqual(['post.md']);
      expect(await fs.readFile(file, 'utf8'), phase).toBe('saved again\n');
    }
  }, 30_000);

  it('leaves the file whole (old or new, never mixed, short or empty) when killed at random moments of many saves', async () => {
    const file = path.join(dir, 'post.md');
    const size = SIZE / 4;
    await atomicWrite(file, Buffer.alloc(size, OLD));
    let killedMidSave = 0;
    for (let round = 0; round < 24; round++) {
      const child = spawn(process.execPath, [childScript, file, String(size), String(NEW), 'loop'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
      // Spread the kills over the first saves: before, during and between them.
      await new Promise((resolve) => setTimeout(resolve, (round * 7) % 40));
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const content = await fs.readFile(file);
      expect(content.length, `round ${round}`).toBe(size);
      expect([OLD, NEW, NEW + 1], `round ${round}`).toContain(content[0]);
      expect(content.equals(Buffer.alloc(size, content[0])), `round ${round}: one whole version`).toBe(true);
      if ((await tempFilesIn(dir)).length > 0) killedMidSave++;
    }
    // Some kills must have hit a save half done, or the test proved nothing; the next save cleans up after them.
    expect(killedMidSave).toBeGreaterThan(0);
    await atomicWrite(file, 'saved again\n');
    expect(await fs.readdir(dir)).toEqual(['atomic-write-child.cjs', 'post.md']);
  }, 60_000);
});
