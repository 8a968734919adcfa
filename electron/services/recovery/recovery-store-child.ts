/**
 * Helper process for the kill test of recovery-store-kill.test.ts: keeps putting one of two large texts for one
 * document, over and over, through the real store, and prints `put <n>` after each, so the test can SIGKILL it at
 * any moment and check that a new store over the same folder finds one whole text.
 *
 * Run as `node recovery-store-child.cjs <dir> <site> <path> <bytes>` (the test bundles it with esbuild).
 */
import { createRecoveryStore } from './recovery-store';

/** The two texts the child alternates between: different lengths, CRLF and characters beyond the BMP. */
export function childTexts(bytes: number): [string, string] {
  return ['a\r\n👋'.repeat(Math.ceil(bytes / 8)), 'b\n'.repeat(Math.ceil(bytes / 3))];
}

/** Entry point: puts alternately until killed. */
export async function runChild(dir: string, site: string, rel: string, bytes: number): Promise<void> {
  const store = createRecoveryStore(dir);
  const texts = childTexts(bytes);
  for (let n = 1; ; n++) {
    await store.put({ site, path: rel, text: texts[n % 2], baseVersion: `v${n}` });
    process.stdout.write(`put ${n}\n`);
  }
}

const [dir, site, rel, bytes] = process.argv.slice(2);
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module && dir && site && rel && bytes) {
  runChild(dir, site, rel, Number(bytes)).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
