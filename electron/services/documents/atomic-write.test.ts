import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { atomicWrite, sweepStaleTempFiles } from './atomic-write';

let dir: string;

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
  it('removes temporary files of dead processes, keeps live ones and other files', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid as number)));
    const stale = `.post.md.pressroom-${deadPid}-abcdef012345.tmp`;
    const mine = `.post.md.pressroom-${process.pid}-abcdef012345.tmp`;
    const parentsPid = `.post.md.pressroom-${process.ppid}-0123456789ab.tmp`;
    const unrelated = ['.post.md.swp', 'notes.tmp', '.x.pressroom-abc-12.tmp'];
    for (const name of [stale, mine, parentsPid, ...unrelated]) await fs.writeFile(path.join(dir, name), 'x');
    expect(await sweepStaleTempFiles(dir)).toBe(1);
    expect((await fs.readdir(dir)).sort()).toEqual([mine, parentsPid, ...unrelated].sort());
  });

  it('returns 0 for a folder that does not exist', async () => {
    expect(await sweepStaleTempFiles(path.join(dir, 'nope'))).toBe(0);
  });

  it('is run by atomicWrite for the folder it writes in', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid as number)));
    await fs.writeFile(path.join(dir, `.other.md.pressroom-${deadPid}-00ff00ff00ff.tmp`), 'half');
    await atomicWrite(path.join(dir, 'post.md'), 'x');
    expect(await fs.readdir(dir)).toEqual(['post.md']);
  });
});

describe('atomicWrite under SIGKILL', () => {
  const SIZE = 4 * 1024 * 1024;
  const ROUNDS = 20;
  const childScript = path.join(__dirname, 'atomic-write-child.ts');
  const repoRoot = path.resolve(__dirname, '../../..');

  /** Starts the writer and resolves once it has finished its first write. */
  function startWriter(file: string): Promise<ReturnType<typeof spawn>> {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, file, String(SIZE)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      let err = '';
      child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve(child);
      });
      child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${err}`)));
    });
  }

  it('leaves the file equal to exactly one whole payload after every kill, and the sweep removes leftovers', async () => {
    const file = path.join(dir, 'post.md');
    const a = Buffer.alloc(SIZE, 0x41);
    const b = Buffer.alloc(SIZE, 0x42);
    let sawTempFile = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const child = await startWriter(file);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 120)));
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      const content = await fs.readFile(file);
      expect(content.length).toBe(SIZE);
      expect(content.equals(a) || content.equals(b)).toBe(true);

      if ((await tempFilesIn(dir)).length > 0) sawTempFile++;
      await sweepStaleTempFiles(dir);
      expect(await tempFilesIn(dir)).toEqual([]);
      expect(await fs.readdir(dir)).toEqual(['post.md']);
    }
    // Not asserted (timing dependent), but shows the kills landed mid-write: leftovers were found and swept.
    console.info(`atomic-write kill test: ${sawTempFile}/${ROUNDS} kills left a temporary file behind`);
  }, 180_000);
});
