/**
 * What went wrong talking to a remote, in the app's error codes: a host that cannot be reached (worth trying
 * again), credentials refused, a push the remote rejected, an address Pressroom cannot speak (SSH). Also the
 * HTTP client every remote operation uses, with a time limit so an unreachable host fails within seconds.
 */
import type { HttpClient } from 'isomorphic-git';
import nodeHttp from 'isomorphic-git/http/node';
import { AppFailure, messageOf } from '../../../shared/contract/errors';
import { hostOf, isSshUrl, sshToHttps, withoutCredentials } from '../../../shared/git/remote-url';
import { authFailed } from './remote-auth';

/** How long a remote may stay silent (connecting, or between bytes) before the operation gives up. */
export const REMOTE_TIMEOUT_MS = 15_000;

/** Node's codes for "the host cannot be reached": no such name, nothing listening, no route, no answer. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Refuses an address isomorphic-git cannot use: SSH ('not-supported' with its HTTPS form), or no http(s) at all. */
export function assertHttpUrl(url: string): void {
  if (isSshUrl(url)) {
    const https = sshToHttps(url);
    throw new AppFailure('not-supported', `Pressroom connects over HTTPS only, not SSH (${url}).${https ? ` Use ${https} instead.` : ''}`, {
      ...(https ? { suggestion: https } : {}),
    });
  }
  if (!/^https?:\/\//i.test(url.trim())) {
    throw new AppFailure('not-supported', `Pressroom can only reach repositories at an http:// or https:// address, not ${withoutCredentials(url)}.`);
  }
}

function codeOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { code?: unknown; errors?: unknown[]; cause?: unknown };
  if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return e.code;
  // Node tries every address of a host (IPv6 and IPv4) and reports them together.
  for (const inner of Array.isArray(e.errors) ? e.errors : []) {
    const code = codeOf(inner);
    if (code) return code;
  }
  if (e.cause) return codeOf(e.cause);
  return typeof e.code === 'string' ? e.code : undefined;
}

/** The HTTP status of an isomorphic-git HttpError, else null. */
function httpStatus(error: unknown): number | null {
  const e = error as { code?: string; data?: { statusCode?: number } } | null;
  return e?.code === 'HttpError' && typeof e.data?.statusCode === 'number' ? e.data.statusCode : null;
}

/** Turns anything a remote operation threw into the AppFailure the user sees; `url` names the remote. */
export function toRemoteFailure(error: unknown, url: string): AppFailure {
  if (error instanceof AppFailure) return error;
  const host = hostOf(url);
  const code = codeOf(error);
  if (code && UNREACHABLE_CODES.has(code)) {
    return new AppFailure('unreachable', `Could not reach ${host} (${code}). Check the network connection and the address, then try again.`, {
      retryable: true,
    });
  }
  const status = httpStatus(error);
  if (status === 401 || status === 403) return authFailed(url, true);
  if (status === 404) return new AppFailure('not-found', `There is no repository at ${withoutCredentials(url)}, or the token may not see it.`);
  if (status !== null && status >= 500) {
    return new AppFailure('unreachable', `${host} answered with an error (${status}). Try again later.`, { retryable: true });
  }
  const name = (error as { code?: string } | null)?.code;
  if (name === 'PushRejectedError' || name === 'GitPushError') {
    return new AppFailure('rejected', `${host} refused the push: it has changes you do not have yet. Pull first, then push again.`);
  }
  if (name === 'UserCanceledError') return authFailed(url, true);
  if (name === 'SmartHttpError') return new AppFailure('not-supported', `${withoutCredentials(url)} does not answer as a git repository.`);
  if (name === 'UnknownTransportError' || name === 'UrlParseError') {
    try {
      assertHttpUrl(url);
    } catch (failure) {
      return failure as AppFailure;
    }
  }
  return new AppFailure('internal', `Talking to ${host} failed: ${messageOf(error)}`);
}

/** Marks a stalled request the way Node marks a connection that timed out, so it maps to 'unreachable'. */
function timedOut(ms: number): Error {
  return Object.assign(new Error(`No answer within ${Math.round(ms / 1000)} s`), { code: 'ETIMEDOUT' });
}

/**
 * isomorphic-git's Node HTTP client with a time limit: no response headers within `ms` (connecting, DNS, a host
 * that swallows packets) aborts a request without a body, and a connection silent for `ms` aborts any request.
 */
export function httpWithTimeout(ms = REMOTE_TIMEOUT_MS): HttpClient {
  return {
    async request(request) {
      const controller = new AbortController();
      const outer = request.signal;
      const forward = () => controller.abort(outer?.reason);
      if (outer?.aborted) forward();
      else outer?.addEventListener('abort', forward, { once: true });
      let expired = false;
      // The whole-request deadline covers requests without a body (discovery, always first); an upload of a large
      // push may take longer than `ms`, and there only the connection's silence counts.
      const timer = request.body
        ? undefined
        : setTimeout(() => {
            expired = true;
            controller.abort(timedOut(ms));
          }, ms);
      try {
        return await nodeHttp.request({ ...request, signal: controller.signal, fetchOptions: { ...request.fetchOptions, timeout: ms } });
      } catch (error) {
        if (expired) throw timedOut(ms);
        if ((error as Error).message === 'Request timed out') throw timedOut(ms);
        throw error;
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', forward);
      }
    },
  };
}
