/** The open site's post list: loaded through `site.posts` (with progress) and listed again when posts come or go on disk. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { PostEntry } from '../../../shared/contract/models';
import { postKindOfPath } from '../../../shared/site/conventions';
import { useApi, useEvent } from '../../api/api-context';
import { useProgress } from '../../common/progress/progress-context';

/** How long the post list waits after a file event before listing again, so a burst rescans once. */
const POSTS_RELOAD_DELAY_MS = 50;

/** Loads the post list through `site.posts` (with progress) and keeps the chosen post open. */
export function usePosts(root: string) {
  const api = useApi();
  const { track } = useProgress();
  const [posts, setPosts] = useState<PostEntry[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const load = useCallback(async (refresh = false): Promise<PostEntry[] | null> => {
    setError(null);
    const r = await track('busy.openingSite', () => api['site.posts']({ site: root, refresh }));
    if (r.ok) setPosts(r.value);
    else setError(r.error);
    return r.ok ? r.value : null;
  }, [api, track, root]);
  useEffect(() => {
    void load();
  }, [load]);
  const reload = useCallback(() => load(true), [load]);
  // A post added, deleted or renamed on disk, or a branch switch (path ''): list the posts again once the burst
  // is over, without the busy indicator. A changed post (our own saves included) does not rescan the site.
  const pendingReload = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEvent('file.changed', (event) => {
    if (event.site !== root || (event.path !== '' && (event.kind === 'changed' || postKindOfPath(event.path) === null))) return;
    if (pendingReload.current) clearTimeout(pendingReload.current);
    pendingReload.current = setTimeout(() => {
      pendingReload.current = null;
      void api['site.posts']({ site: root, refresh: true }).then((r) => r.ok && setPosts(r.value));
    }, POSTS_RELOAD_DELAY_MS);
  });
  useEffect(() => () => {
    if (pendingReload.current) clearTimeout(pendingReload.current);
  }, []);
  return { posts, error, setError, reload };
}

