/** The documents area's public face: reading, saving and creating posts through the atomic write. */
export { atomicWrite, writeTempFile } from './atomic-write';
export { createDocument, hashBytes, readDocument, saveDocument } from './document-service';
export { writeFailure } from './write-failure';
export { textProblemOf } from './text-bytes';
