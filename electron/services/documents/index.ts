/** The documents area's public face: reading, saving and creating posts through the atomic write. */
export { atomicWrite } from './atomic-write';
export { createDocument, readDocument, saveDocument } from './document-service';
export { textProblemOf } from './text-bytes';
