/**
 * The open site's post list: loaded through `site.posts` (with progress), listed again when posts come or go on disk,
 * and one entry read again (`site.post`) when a post changes, so its title follows a save without a rescan.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { PostEntry } from '../../../shared/contract/models';
import { postKindOfPath } from '../../../shared/site/conventions';
import { useApi, useEvent } from '../../api/api-context';
import { useProgress } from '../../common/progress/progress-context';

/** How long the post list waits after a file event before listing again, so a burst rescans once. */
const POSTS_RELOAD_DELAY_MS = 50;

/** The list with `entry` in place of the listed post at its path (the same list when it is not listed or unchanged). */
export function replaceEntry(posts: PostEntry[], entry: PostEntry): PostEntry[] {
  const at = posts.findIndex((p) => p.path === entry.path);
  if (at === -1 || JSON.stringify(posts[at]) === JSON.stringify(entry)) return posts;
  const next = posts.slice();
  next[at] = entry;
  return next;
}

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
  // A post changed (our own saves included): read its entry alone. Only the answer to the latest read of a path counts,
  // since two saves in a row may be answered out of order.
  const entryReads = useRef(new Map<string, number>());
  const readEntry = useCallback(
    (path: string) => {
      const n = (entryReads.current.get(path) ?? 0) + 1;
      entryReads.current.set(path, n);
      void api['site.post']({ site: root, path }).then((r) => {
        if (entryReads.current.get(path) !== n) return;
        entryReads.current.delete(path);
        // Not readable now (gone meanwhile): the removal's own event lists the posts again.
        if (r.ok) setPosts((list) => (list ? replaceEntry(list, r.value) : list));
      });
    },
    [api, root],
  );
  // A post added, deleted or renamed on disk, or a branch switch (path ''): list the posts again once the burst
  // is over, without the busy indicator.
  const pendingReload = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEvent('file.changed', (event) => {
    if (event.site !== root) return;
    const kind = event.path === '' ? null : postKindOfPath(event.path);
    if (event.path !== '' && kind === null) return;
    if (kind !== null && event.kind === 'changed') {
      readEntry(event.path);
      return;
    }
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
