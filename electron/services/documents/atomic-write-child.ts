/**
 * Helper process for the kill test of atomic-write.test.ts: writes two large distinct payloads to one file
 * in turn, forever, so the test can SIGKILL it mid-write and check the file is never left half written.
 * Run as `node --import tsx atomic-write-child.ts <file> <bytes>`; prints "ready" after the first write.
 */
import { atomicWrite } from './atomic-write';

/** Entry point: arguments are the file to write and the payload size in bytes. */
export async function runChild(file: string, size: number): Promise<never> {
  const payloads = [new Uint8Array(size).fill(0x41), new Uint8Array(size).fill(0x42)];
  let turn = 0;
  for (;;) {
    await atomicWrite(file, payloads[turn % 2]);
    if (turn === 0) process.stdout.write('ready\n');
    turn++;
  }
}

const [file, size] = process.argv.slice(2);
if (file && size) {
  runChild(file, Number(size)).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
