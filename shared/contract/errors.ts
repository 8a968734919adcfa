/** Errors cross the transports as data, never as thrown exceptions, so the renderer can show each one plainly. */

/** Every way a call can fail; the renderer has a message for each in its catalogue. */
export const ERROR_CODES = [
  'invalid-arguments',
  'unknown-call',
  'unauthorized',
  'not-a-site',
  'bad-config',
  'not-found',
  'not-readable',
  'not-text',
  'too-large',
  'outside-site',
  'conflict',
  'exists',
  'not-writable',
  'disk-full',
  'busy',
  'refused',
  'not-supported',
  'not-a-repo',
  'identity-missing',
  'nothing-staged',
  'auth-failed',
  'unreachable',
  'rejected',
  'in-progress',
  'detached',
  'no-pdf-engine',
  'io',
  'internal',
] as const;

/** The union of error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure as data: a code for the program, a message for people, and the path it concerns. */
export interface AppError {
  code: ErrorCode;
  message: string;
  path?: string;
  /** One-based line in the file, where the error is about its content. */
  line?: number;
  /** Whether trying again may help without changing anything (a full disk freed, a lock let go); absent when unknown. */
  retryable?: boolean;
  /** Files the error is about (a switch that would overwrite them, a merge's conflicts). */
  paths?: string[];
  /** What would work instead, e.g. the HTTPS form of an SSH remote. */
  suggestion?: string;
}

/** What every call returns over a transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Builds a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function fail<T = never>(code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}): Result<T> {
  return { ok: false, error: { code, message, ...extra } };
}

/** An exception that carries an AppError, thrown inside services and turned into data at the transport edge. */
export class AppFailure extends Error {
  readonly error: AppError;
  constructor(code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'AppFailure';
    this.error = { code, message, ...extra };
  }
}

/** Type guard for error codes arriving from the other side of a transport. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The message of anything thrown, for logs and `internal` errors: one idiom instead of one per catch. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
