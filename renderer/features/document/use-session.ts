/**
 * The session of one open site: at start the tabs open when Pressroom last ran (after a crash, a killed
 * process or a reload too) are opened again, and from then on every change of the open tabs is recorded
 * (`session.put`), so the next start finds them.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { PostEntry } from '../../../shared/contract/models';
import { useApi } from '../../api/api-context';
import type { DocumentTabs } from './document-tabs';

/** How long tab changes settle before they are recorded. */
const RECORD_DELAY_MS = 400;

/** Reopens the recorded tabs once `postFor` can name the posts (null until the post list is there); returns `forget`, for closing the site. */
export function useSession(site: string, store: DocumentTabs, postFor: ((path: string) => PostEntry | null) | null): { forget(): void } {
  const api = useApi();
  const phase = useRef<'waiting' | 'restoring' | 'recording' | 'closed'>('waiting');
  const lastRecorded = useRef<string | null>(null);

  const record = useCallback(() => {
    if (phase.current !== 'recording') return;
    const { tabs, active } = store.getSnapshot();
    const paths = tabs.map((t) => t.path);
    const key = JSON.stringify([paths, active]);
    if (key === lastRecorded.current) return;
    lastRecorded.current = key;
    void api['session.put']({ site, tabs: paths, active });
  }, [api, site, store]);

  // Once, when the post list is there: reopen the recorded tabs of this site, then start recording.
  useEffect(() => {
    if (!postFor || phase.current !== 'waiting') return;
    phase.current = 'restoring';
    void api['session.get']({})
      .then((r) => {
        if (phase.current !== 'restoring' || !r.ok || !r.value || r.value.site !== site) return;
        for (const path of r.value.tabs) {
          const post = postFor(path);
          if (post && !store.tab(path)) store.open(post);
        }
        if (r.value.active) store.activate(r.value.active);
      })
      .finally(() => {
        if (phase.current !== 'restoring') return;
        phase.current = 'recording';
        record();
      });
  }, [api, site, store, postFor, record]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = store.subscribe(() => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(record, RECORD_DELAY_MS);
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, record]);

  const forget = useCallback(() => {
    phase.current = 'closed';
    void api['session.put']({ site: null, tabs: [], active: null });
  }, [api]);
  return { forget };
}
