/**
 * Credentials for a remote, asked for only when the remote says it needs them (HTTP 401), and handed to
 * isomorphic-git for that one operation: never written to the repository's config or into a URL on disk.
 */
import type { AuthCallback, AuthFailureCallback } from 'isomorphic-git';
import { AppFailure } from '../../../shared/contract/errors';
import { hostOf } from '../../../shared/git/remote-url';

/** Where a remote operation gets a user name and token: attempt 0 first, attempt 1 after the remote refused them. */
export type AuthProvider = (url: string, attempt: number) => Promise<{ username: string; password: string } | null>;

/** isomorphic-git's callbacks for one operation, plus whether the remote ever asked (so a 401/403 can be worded). */
export interface RemoteAuth {
  onAuth: AuthCallback;
  onAuthFailure: AuthFailureCallback;
  /** How many sets of credentials were handed to the remote so far. */
  readonly attempts: number;
}

/** The failure every refused or missing credential ends in, naming the host so the user knows which token to fix. */
export function authFailed(url: string, hadCredentials: boolean): AppFailure {
  const host = hostOf(url);
  const message = hadCredentials
    ? `${host} did not accept the user name and token. Check them and try again.`
    : `${host} needs a user name and token (a personal access token) to do this.`;
  return new AppFailure('auth-failed', message, { suggestion: host });
}

/**
 * Adapts an AuthProvider to isomorphic-git: the first 401 asks for attempt 0, a refusal of those asks once more
 * for fresh ones (attempt 1), and a second refusal — or no credentials at all — fails with 'auth-failed'.
 */
export function remoteAuth(provider: AuthProvider): RemoteAuth {
  let attempts = 0;
  const ask = async (url: string): Promise<{ username: string; password: string }> => {
    const attempt = attempts;
    if (attempt > 1) throw authFailed(url, true);
    const credentials = await provider(url, attempt);
    if (!credentials) throw authFailed(url, attempt > 0);
    attempts++;
    return { username: credentials.username, password: credentials.password };
  };
  return {
    onAuth: (url) => ask(url),
    onAuthFailure: (url) => ask(url),
    get attempts() {
      return attempts;
    },
  };
}

/** Credentials typed into a URL (`https://user:token@host/…`) as a provider's first answer, then `fallback`'s. */
export function withUrlCredentials(url: string, fallback: AuthProvider): AuthProvider {
  let embedded: { username: string; password: string } | null = null;
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      embedded = { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
    }
  } catch {
    embedded = null;
  }
  if (!embedded) return fallback;
  const first = embedded;
  return async (u, attempt) => (attempt === 0 ? first : fallback(u, attempt - 1));
}
