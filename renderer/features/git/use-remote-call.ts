/** Runs a call that talks to a git server: asks for credentials when the server wants them, then tries once more. */
import { createElement, type ReactNode, useCallback, useRef, useState } from 'react';
import type { CredentialProtection } from '../../../shared/contract/git-models';
import type { Result } from '../../../shared/contract/errors';
import { useApi } from '../../api/api-context';
import { CredentialsDialog, type CredentialsReason } from './credentials-dialog';

/** Whose credentials a call uses, and whether to ask before the first try. */
export interface RemoteCallOptions {
  site?: string;
  url?: string;
  /** Ask for credentials before the first try when none are known and the server is an HTTPS one (a push). */
  askFirst?: boolean;
}

/** `run` resolves to the call's result, or null when the user cancelled the sign-in (nothing was done). */
export interface RemoteCaller {
  run<T>(call: () => Promise<Result<T>>, options: RemoteCallOptions): Promise<Result<T> | null>;
  /** The sign-in dialog while one is asked for; render it somewhere. */
  dialog: ReactNode;
  /** How the credentials given during the last `run` are kept (to tell the user), then forgotten; null when none were given. */
  takeKept(): CredentialProtection | null;
}

interface Asking {
  site?: string;
  url?: string;
  reason: CredentialsReason;
  done(saved: boolean): void;
}

/** True for addresses a token can be sent to (SSH ones are refused by main with the HTTPS form). */
export function isHttpsUrl(url: string | null | undefined): boolean {
  return !!url && /^https?:\/\//i.test(url.trim());
}

/** The remote-call runner of one component. */
export function useRemoteCall(): RemoteCaller {
  const api = useApi();
  const [asking, setAsking] = useState<Asking | null>(null);
  const kept = useRef<CredentialProtection | null>(null);

  const ask = useCallback(
    (options: RemoteCallOptions, reason: CredentialsReason) =>
      new Promise<boolean>((resolve) =>
        setAsking({
          site: options.site,
          url: options.url,
          reason,
          done: (saved) => {
            setAsking(null);
            resolve(saved);
          },
        }),
      ),
    [],
  );

  const run = useCallback(
    async <T,>(call: () => Promise<Result<T>>, options: RemoteCallOptions): Promise<Result<T> | null> => {
      kept.current = null;
      const knowsUser = async () => {
        const known = await api['git.credentials']({ site: options.site, url: options.site ? undefined : options.url });
        return !known.ok || known.value.username !== null;
      };
      if (options.askFirst && isHttpsUrl(options.url) && !(await knowsUser()) && !(await ask(options, 'missing'))) return null;
      const first = await call();
      if (first.ok || first.error.code !== 'auth-failed') return first;
      // The server wants a sign-in: say it refused only when there was one to refuse.
      if (!(await ask(options, (await knowsUser()) ? 'auth-failed' : 'missing'))) return null;
      return call();
    },
    [api, ask],
  );

  const dialog = asking
    ? createElement(CredentialsDialog, {
        site: asking.site,
        url: asking.site ? undefined : asking.url,
        reason: asking.reason,
        onSaved: (info) => {
          kept.current = info.protection;
          asking.done(true);
        },
        onCancel: () => asking.done(false),
      })
    : null;
  const takeKept = useCallback(() => {
    const value = kept.current;
    kept.current = null;
    return value;
  }, []);
  return { run, dialog, takeKept };
}
