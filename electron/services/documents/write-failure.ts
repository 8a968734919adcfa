/**
 * What a failed write means for the user: which error code the renderer shows and whether saving again may
 * help without anything changed (a disk freed, a lock let go) or not (a read-only disk, a permission).
 */
import { AppFailure, type ErrorCode, messageOf } from '../../../shared/contract/errors';

interface Meaning {
  code: ErrorCode;
  retryable: boolean;
  why: string;
}

const MEANINGS: Record<string, Meaning> = {
  ENOSPC: { code: 'disk-full', retryable: true, why: 'the disk is full' },
  EDQUOT: { code: 'disk-full', retryable: true, why: 'the disk quota is used up' },
  EBUSY: { code: 'busy', retryable: true, why: 'another program is using the file' },
  ETXTBSY: { code: 'busy', retryable: true, why: 'another program is using the file' },
  EAGAIN: { code: 'busy', retryable: true, why: 'the file is busy' },
  EMFILE: { code: 'busy', retryable: true, why: 'too many files are open' },
  ENFILE: { code: 'busy', retryable: true, why: 'too many files are open' },
  EACCES: { code: 'not-writable', retryable: false, why: 'permission denied' },
  // Windows reports a file another program holds open as EPERM too: trying again may help.
  EPERM: { code: 'not-writable', retryable: true, why: 'the operation is not permitted (the file is locked or read-only)' },
  EROFS: { code: 'not-writable', retryable: false, why: 'the disk is read-only' },
};

/** The errno code of a Node error, if any. */
export function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/**
 * Turns a write's error into an AppFailure naming `shownPath`: a clear code and `retryable`. An AppFailure
 * passes through unchanged. Anything unknown is 'io' and retryable (nothing was written, so trying costs nothing).
 */
export function writeFailure(error: unknown, shownPath: string): AppFailure {
  if (error instanceof AppFailure) return error;
  const meaning = MEANINGS[errno(error) ?? ''];
  if (meaning) {
    return new AppFailure(meaning.code, `Could not save ${shownPath}: ${meaning.why}. Nothing was changed on disk.`, {
      path: shownPath,
      retryable: meaning.retryable,
    });
  }
  return new AppFailure('io', `Could not save ${shownPath}: ${messageOf(error)}`, { path: shownPath, retryable: true });
}
