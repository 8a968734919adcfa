/** Keeps a site's git status current: asked when the site opens, again on `git.changed` and when the window regains focus. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { GitStatus } from '../../../shared/contract/git-models';
import { useApi, useEvent } from '../../api/api-context';

/** What the panel knows: still asking, a folder without history (not an error: the panel offers to start it), the status, or why it failed. */
export type GitState =
  | { kind: 'loading' }
  | { kind: 'not-a-repo' }
  | { kind: 'ready'; status: GitStatus }
  | { kind: 'failed'; error: AppError };

/** The state and the ways to change it; `accept` takes a status a git call answered with (stage, init, …) without asking again. */
export interface GitStatusValue {
  state: GitState;
  /** The status when there is one, else null. */
  status: GitStatus | null;
  refresh(): void;
  accept(status: GitStatus): void;
}

/** Loads `git.status` for `root`; bursts of events ask once more after the answer in flight, never several at a time. */
export function useGitStatus(root: string): GitStatusValue {
  const api = useApi();
  const [state, setState] = useState<GitState>({ kind: 'loading' });
  const inFlight = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  // A status accepted from another call while a read was running is newer than that read's answer.
  const generation = useRef(0);

  const load = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        again.current = false;
        const asked = generation.current;
        const r = await api['git.status']({ site: root });
        if (!alive.current) return;
        if (asked !== generation.current) continue;
        if (r.ok) setState({ kind: 'ready', status: r.value });
        else if (r.error.code === 'not-a-repo') setState({ kind: 'not-a-repo' });
        else setState({ kind: 'failed', error: r.error });
      } while (again.current);
    } finally {
      inFlight.current = false;
    }
  }, [api, root]);

  useEffect(() => {
    alive.current = true;
    setState({ kind: 'loading' });
    void load();
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      alive.current = false;
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  useEvent('git.changed', (event) => {
    if (event.site === root) void load();
  });

  const refresh = useCallback(() => void load(), [load]);
  const accept = useCallback((status: GitStatus) => {
    generation.current++;
    setState({ kind: 'ready', status });
  }, []);
  return { state, status: state.kind === 'ready' ? state.status : null, refresh, accept };
}
