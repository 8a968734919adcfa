/** A small dialog to choose one of the site's images: a grid of thumbnails with a filter, by mouse or keyboard. */
import { useId, useMemo, useState } from 'react';
import type { AssetImage } from '../../../shared/contract/models';
import { ErrorAlert } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { Modal } from '../../common/modal';
import { sizeText } from '../../common/size-text';
import { useI18n } from '../../i18n/i18n-context';
import { type ImagePathStyle, pickableImages, sitePathOf } from './image-paths';
import { useAssetListing, useThumbnail } from './use-assets';

/** How many thumbnails the grid shows before "Show more", so a big library does not load at once. */
const PAGE = 48;

/** The native dialog focuses the element marked `autofocus` when it opens (React's autoFocus sets no attribute). */
function markAutofocus(el: HTMLElement | null): void {
  el?.setAttribute('autofocus', '');
}

/** One thumbnail of the site's images, as a blob: URL from `asset.read`. */
export function Thumbnail({ site, candidates, className }: { site: string; candidates: readonly string[]; className?: string }) {
  const { url, done } = useThumbnail(site, candidates);
  if (url) return <img src={url} alt="" className={`fm-thumb ${className ?? ''}`} draggable={false} />;
  return <span className={`fm-thumb fm-thumb-empty ${done && candidates.length > 0 ? 'fm-thumb-missing' : ''} ${className ?? ''}`} aria-hidden="true" />;
}

/** Props: where the images come from, how values are written, and what to do with the choice. */
export interface ImagePickerProps {
  site: string;
  /** The field's label, for the dialog's title. */
  label: string;
  style: ImagePathStyle;
  current: string | null;
  onPick(image: AssetImage): void;
  onClose(): void;
}

/** The picker dialog (role dialog, named "Choose an image: <label>"). */
export function ImagePicker({ site, label, style, current, onPick, onClose }: ImagePickerProps) {
  const { t, language } = useI18n();
  const titleId = useId();
  const { listing, error, loading } = useAssetListing(site, true);
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => pickableImages(listing?.images ?? [], style, filter), [listing, style, filter]);
  return (
    <Modal labelledBy={titleId} onClose={onClose} className="fm-picker">
      <div className="modal-body">
        <header className="modal-head">
          <h2 id={titleId} className="modal-title">
            {t('frontMatter.pickerTitle', { label })}
          </h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('frontMatter.cancel')} title={t('frontMatter.cancel')}>
            <Icon name="close" />
          </button>
        </header>
        <input
          type="search"
          className="text-input"
          aria-label={t('frontMatter.pickerFilter')}
          placeholder={t('frontMatter.pickerFilter')}
          value={filter}
          ref={markAutofocus}
          onChange={(e) => {
            setFilter(e.target.value);
            setLimit(PAGE);
          }}
        />
        <ErrorAlert error={error} />
        {loading ? (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> {t('frontMatter.pickerLoading')}
          </p>
        ) : null}
        {!loading && !error && shown.length === 0 ? <p className="muted">{listing?.images.length ? t('frontMatter.pickerNoMatch') : t('frontMatter.pickerNone')}</p> : null}
        <ul className="fm-picker-grid" aria-label={t('frontMatter.pickerImages')}>
          {shown.slice(0, limit).map((img) => {
            const path = sitePathOf(img);
            const name = path.slice(style.strip.length);
            return (
              <li key={path}>
                <button
                  type="button"
                  className={`fm-picker-item ${current && (current === name || current.endsWith(name)) ? 'fm-picker-current' : ''}`}
                  aria-label={t('frontMatter.pick', { path: name })}
                  title={`${name} · ${sizeText(img.size, language)}`}
                  onClick={() => onPick(img)}
                >
                  <Thumbnail site={site} candidates={[path]} />
                  <span className="fm-picker-name">{name}</span>
                </button>
              </li>
            );
          })}
        </ul>
        {shown.length > limit ? (
          <button type="button" className="button small" onClick={() => setLimit((l) => l + PAGE)}>
            {t('frontMatter.pickerMore', { count: shown.length - limit })}
          </button>
        ) : null}
        {listing?.truncated ? <p className="field-hint">{t('frontMatter.pickerTruncated', { count: listing.images.length })}</p> : null}
      </div>
    </Modal>
  );
}
