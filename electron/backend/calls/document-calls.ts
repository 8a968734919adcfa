/** `document.*`: reading and saving the files of an open site. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { createDocument, readDocument, saveDocument } from '../../services/documents';
import type { CallContext } from './call-context';

/** The `document.*` calls. */
export function createDocumentCalls({ sites }: CallContext): AreaHandlers<'document'> {
  return {
    'document.read': async ({ site, path }) => readDocument(sites.require(site).root, path),
    'document.create': async ({ site, path, text }) => createDocument(sites.require(site).root, path, text),
    'document.save': async ({ site, path, text, baseVersion }) => saveDocument(sites.require(site).root, path, text, baseVersion),
  };
}
