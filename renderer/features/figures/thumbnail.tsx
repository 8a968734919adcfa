/** One image's thumbnail in the asset browser: loaded only once its tile scrolls into view, a placeholder meanwhile. */
import { useEffect, useRef, useState } from 'react';
import { useSiteResource } from '../../common/site-data/use-site-resource';
import { useI18n } from '../../i18n/i18n-context';
import { figureThumbnailResource } from './use-figure-browse';

/** True once the element has come near the visible part of its scroll container (at once where the browser cannot tell). */
export function useSeen<T extends Element>(margin = '200px'): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (seen || !el) return;
    if (typeof IntersectionObserver !== 'function') {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setSeen(true);
          observer.disconnect();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen, margin]);
  return [ref, seen];
}

function Loaded({ site, path }: { site: string; path: string }) {
  const { t } = useI18n();
  const state = useSiteResource(figureThumbnailResource, site, path);
  if (state.status === 'ready') return <img className="asset-thumb-image" src={state.value} alt="" draggable={false} />;
  if (state.status === 'failed') return <span className="asset-thumb-none" title={state.error.message}>{t('figures.browser.noPreview')}</span>;
  return <span className="asset-thumb-wait" aria-hidden="true" />;
}

/** The picture of a tile: decorative (the tile's text names the image), so screen readers skip it. */
export function Thumbnail({ site, path }: { site: string; path: string }) {
  const [ref, seen] = useSeen<HTMLSpanElement>();
  return (
    <span ref={ref} className="asset-thumb" data-seen={seen || undefined}>
      {seen ? <Loaded site={site} path={path} /> : <span className="asset-thumb-wait" aria-hidden="true" />}
    </span>
  );
}
