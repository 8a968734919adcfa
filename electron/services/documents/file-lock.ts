/**
 * One lock per file for the app's one main process: a save's version check and its rename happen while no
 * other save of the same file runs, so of concurrent saves on one base version exactly one wins.
 */

const tails = new Map<string, Promise<void>>();

/** Runs `fn` while holding the lock named `key` (a file's real path); waiters run one after another, in order. */
export async function withFileLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = before.then(() => mine);
  tails.set(key, tail);
  await before;
  try {
    return await fn();
  } finally {
    release();
    // The last holder leaves no entry behind, so the map never grows with every file ever saved.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
