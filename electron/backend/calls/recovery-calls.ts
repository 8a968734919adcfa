/** `recovery.*`: the unsaved text of open documents, kept so that a crash, a killed process or a reload loses nothing. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import type { RecoveredDocument } from '../../../shared/contract/models';
import { readDocument } from '../../services/documents';
import type { RecoveryEntry } from '../../services/recovery';
import type { CallContext } from './call-context';

/** True when the kept text is what the file holds now, as the editor would show it (its lines end in `\n`). */
export function keptTextOnDisk(kept: string, disk: string): boolean {
  return kept === disk || kept === disk.replace(/\r\n?/g, '\n');
}

/** The `recovery.*` calls; each names a site opened in this session. */
export function createRecoveryCalls({ sites, recovery }: CallContext): AreaHandlers<'recovery'> {
  /** An entry with the file's version now, or null when the disk already holds its text (the entry is then removed). */
  async function offer(root: string, entry: RecoveryEntry): Promise<RecoveredDocument | null> {
    let diskVersion: string | null = null;
    try {
      const disk = await readDocument(root, entry.path);
      if (keptTextOnDisk(entry.text, disk.text)) {
        await recovery.remove(root, entry.path);
        return null;
      }
      diskVersion = disk.version;
    } catch {
      // Gone, unreadable or no longer text: the kept text is all there is, so it is offered as it is.
    }
    return { path: entry.path, text: entry.text, baseVersion: entry.baseVersion, savedAt: entry.savedAt, diskVersion };
  }

  return {
    'recovery.put': async ({ site, path, text, baseVersion }) => {
      const { root } = sites.require(site);
      const entry = await recovery.put({ site: root, path, text, baseVersion });
      return { savedAt: entry.savedAt };
    },
    'recovery.list': async ({ site }) => {
      const { root } = sites.require(site);
      const offers = await Promise.all((await recovery.list(root)).map((entry) => offer(root, entry)));
      return offers.filter((o): o is RecoveredDocument => o !== null);
    },
    'recovery.discard': async ({ site, path }) => ({ removed: await recovery.remove(sites.require(site).root, path) }),
  };
}
