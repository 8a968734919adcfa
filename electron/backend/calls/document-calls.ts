/** `document.*`: reading and saving the files of an open site. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { createDocument, readDocument, saveDocument } from '../../services/documents';
import type { CallContext } from './call-context';

/** The `document.*` calls. */
export function createDocumentCalls({ sites, recovery }: CallContext): AreaHandlers<'document'> {
  return {
    'document.read': async ({ site, path }) => readDocument(sites.require(site).root, path),
    'document.create': async ({ site, path, text }) => createDocument(sites.require(site).root, path, text),
    'document.save': async ({ site, path, text, baseVersion }) => {
      const root = sites.require(site).root;
      const saved = await saveDocument(root, path, text, baseVersion);
      // Saved: its recovered text is no longer needed (after any put made before; a failure here leaves a copy the disk holds, dropped on listing).
      await recovery.remove(root, path).catch((error: unknown) => console.error('pressroom: could not forget recovered text', error));
      return saved;
    },
  };
}
