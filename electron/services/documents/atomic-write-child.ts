/**
 * Helper process for the kill test of atomic-write.test.ts: saves one payload over an existing file with
 * atomicWrite and stops at a chosen step of it, so the test can SIGKILL it exactly there and check what a
 * crash at that moment leaves on disk. It watches atomicWrite from outside (wrapping fs.promises.open and
 * rename, which atomic-write.ts calls), so the code under test is the real one, unchanged.
 *
 * Run as `node --import tsx atomic-write-child.ts <file> <bytes> <fill byte> <phase to stop at>` (the test
 * runs it bundled by esbuild, which starts faster). Prints `phase <name>` for every step it passes, in order,
 * then `paused <name>` and waits to be killed; prints `finished` if the phase never came. With `loop` as the
 * phase it saves over and over (fill, fill + 1, fill, …) until killed at a moment the test picks at random.
 */
import { promises as fs } from 'node:fs';
import { atomicWrite } from './atomic-write';

/** The steps of one atomicWrite, in the order they must happen for the save to be atomic and durable. */
export const WRITE_PHASES = ['temp-created', 'temp-half-written', 'temp-written', 'temp-synced', 'renamed', 'done'] as const;

/** One step of atomicWrite as the child reports it. */
export type WritePhase = (typeof WRITE_PHASES)[number];

/** Reports the phase; at the chosen one, says so and never returns (the test kills the process there). */
function reporter(stopAt: string): (phase: WritePhase) => Promise<void> {
  return async (phase) => {
    process.stdout.write(`phase ${phase}\n`);
    if (phase !== stopAt) return;
    process.stdout.write(`paused ${phase}\n`);
    await new Promise(() => setInterval(() => undefined, 60_000));
  };
}

/** Wraps fs.promises so the temporary file's creation, writing, flush and the rename are reported. */
function watchAtomicWrite(reach: (phase: WritePhase) => Promise<void>): void {
  const open = fs.open.bind(fs);
  const rename = fs.rename.bind(fs);
  fs.open = async (...args: Parameters<typeof fs.open>) => {
    const handle = await open(...args);
    // atomicWrite creates its temporary file exclusively ('wx'); every other open passes untouched.
    if (args[1] !== 'wx') return handle;
    const sync = handle.sync.bind(handle);
    const write = handle.write.bind(handle);
    handle.writeFile = async (data) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      const half = Math.floor(bytes.length / 2);
      for (let at = 0; at < half; ) at += (await write(bytes, at, half - at, at)).bytesWritten;
      await reach('temp-half-written');
      for (let at = half; at < bytes.length; ) at += (await write(bytes, at, bytes.length - at, at)).bytesWritten;
      await reach('temp-written');
    };
    handle.sync = async () => {
      await sync();
      await reach('temp-synced');
    };
    await reach('temp-created');
    return handle;
  };
  fs.rename = async (...args: Parameters<typeof fs.rename>) => {
    await rename(...args);
    await reach('renamed');
  };
}

/** Entry point: saves `size` bytes of `fill` over `file`, stopping at `stopAt`. */
export async function runChild(file: string, size: number, fill: number, stopAt: string): Promise<void> {
  const reach = reporter(stopAt);
  watchAtomicWrite(reach);
  await atomicWrite(file, new Uint8Array(size).fill(fill));
  await reach('done');
  process.stdout.write('finished\n');
}

/** Entry point of the `loop` mode: saves `size` bytes over `file` again and again, alternating two fills, until killed. */
export async function saveForever(file: string, size: number, fill: number): Promise<never> {
  process.stdout.write('looping\n');
  for (let n = 0; ; n++) {
    await atomicWrite(file, new Uint8Array(size).fill(fill + (n % 2)));
    process.stdout.write(`saved ${n}\n`);
  }
}

const [file, size, fill, stopAt] = process.argv.slice(2);
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module && file && size && fill && stopAt) {
  (stopAt === 'loop' ? saveForever(file, Number(size), Number(fill)) : runChild(file, Number(size), Number(fill), stopAt)).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
