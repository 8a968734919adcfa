/** Builds the typed `Api` from the contract's table, so every call exists on both transports without a hand-written list. */
import { type Api, CALL_NAMES, type CallName } from '../../shared/contract/contract';
import { type AppError, fail, isErrorCode, type Result, messageOf } from '../../shared/contract/errors';
import type { Transport } from './transport';


/** Accepts only well-formed Results; anything else from the other side becomes an `internal` error the user can see. */
export function normalizeResult(value: unknown, name: CallName): Result<unknown> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const r = value as { ok: unknown; value?: unknown; error?: Partial<AppError> };
    if (r.ok === true) return { ok: true, value: r.value === undefined ? null : r.value };
    if (r.ok === false && r.error && typeof r.error.message === 'string') {
      const code = isErrorCode(r.error.code) ? r.error.code : 'internal';
      const error: AppError = { code, message: r.error.message };
      if (typeof r.error.path === 'string') error.path = r.error.path;
      if (typeof r.error.line === 'number') error.line = r.error.line;
      if (typeof r.error.retryable === 'boolean') error.retryable = r.error.retryable;
      if (Array.isArray(r.error.paths)) error.paths = r.error.paths.filter((p): p is string => typeof p === 'string').slice(0, 1000);
      if (typeof r.error.suggestion === 'string') error.suggestion = r.error.suggestion;
      return { ok: false, error };
    }
  }
  return fail('internal', `The answer to ${name} was not understood.`);
}

/** The renderer's only handle on main: one method per contract call, each resolving to a Result and never rejecting. */
export function createApi(transport: Transport): Api {
  const api: Record<string, (args: unknown) => Promise<Result<unknown>>> = {};
  for (const name of CALL_NAMES) {
    api[name] = async (args: unknown) => {
      try {
        return normalizeResult(await transport.invoke(name, args ?? {}), name);
      } catch (error) {
        return fail('io', `Pressroom could not reach its background process: ${messageOf(error)}`);
      }
    };
  }
  return Object.freeze(api) as unknown as Api;
}
