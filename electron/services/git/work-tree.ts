/** Small file-system steps on a repository's working tree, done the way git does them, for every operation that writes files. */
import fs from 'node:fs';
import path from 'node:path';

/** Removes folders left empty by a restore, a merge's deletions or a branch switch, up to (not including) the repository's root, as git does. */
export async function pruneEmptyParents(root: string, dir: string): Promise<void> {
  for (let d = dir; d !== '.' && d !== ''; d = path.posix.dirname(d)) {
    try {
      await fs.promises.rmdir(path.join(root, ...d.split('/')));
    } catch {
      return;
    }
  }
}
