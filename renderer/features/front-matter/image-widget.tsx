/**
 * Image fields: one picture (the header image) or a list of them (avatars), each shown as a thumbnail and
 * chosen from the site's images in a picker; the path can still be typed. Paths are written the way the site
 * already writes them (see image-paths.ts).
 */
import { useMemo, useState } from 'react';
import type { FrontMatterValue } from '../../../shared/front-matter/edit';
import { useI18n } from '../../i18n/i18n-context';
import { ImagePicker, Thumbnail } from './image-picker';
import { type ImagePathStyle, inferImageStyle, sitePathCandidates, valueForImage } from './image-paths';
import { ListWidget } from './list-widget';
import { useAssetListing } from './use-assets';
import { useDraft } from './use-draft';

/** Props of an image field. */
export interface ImageWidgetProps {
  id: string;
  site: string;
  sources: readonly string[];
  label: string;
  value: unknown;
  /** Values the site uses for this field (the schema's options), to learn how paths are written. */
  known: readonly string[];
  multiple: boolean;
  describedBy?: string;
  invalid?: boolean;
  onCommit(value: FrontMatterValue): void;
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  if (value === null || value === undefined || value === '') return [];
  return [String(value)];
}

function useImageStyle(site: string, sources: readonly string[], values: readonly string[]): ImagePathStyle {
  const { listing } = useAssetListing(site);
  const key = values.join('\u0000');
  return useMemo(() => inferImageStyle(key ? key.split('\u0000') : [], listing?.images ?? [], sources), [key, listing, sources]);
}

/** The image field. */
export function ImageWidget({ id, site, sources, label, value, known, multiple, describedBy, invalid, onCommit }: ImageWidgetProps) {
  const { t } = useI18n();
  const items = asList(value);
  const style = useImageStyle(site, sources, [...items, ...known]);
  const [picking, setPicking] = useState(false);
  const single = !multiple && !Array.isArray(value);
  const draft = useDraft(single ? (items[0] ?? '') : '', (v) => onCommit(v));

  const picker = picking ? (
    <ImagePicker
      site={site}
      label={label}
      style={style}
      current={single ? (items[0] ?? null) : null}
      onClose={() => setPicking(false)}
      onPick={(img) => {
        setPicking(false);
        const v = valueForImage(img, style);
        onCommit(single ? v : [...items, v]);
      }}
    />
  ) : null;

  if (single) {
    const current = draft.value;
    return (
      <div className="fm-image">
        <Thumbnail site={site} candidates={current ? sitePathCandidates(current, style, sources) : []} className="fm-thumb-large" />
        <div className="fm-image-side">
          <input
            id={id}
            className="text-input fm-mono"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={current}
            placeholder={t('frontMatter.noImage')}
            onChange={(e) => draft.change(e.target.value)}
            onBlur={draft.flush}
            onKeyDown={(e) => {
              if (e.key === 'Enter') draft.flush();
            }}
          />
          <div className="fm-inline">
            <button type="button" className="button small" onClick={() => setPicking(true)} aria-label={t('frontMatter.chooseImageFor', { label })}>
              {t('frontMatter.chooseImage')}
            </button>
            {items.length > 0 ? (
              <button type="button" className="button small ghost" onClick={() => onCommit('')} aria-label={t('frontMatter.clearImageOf', { label })}>
                {t('frontMatter.clearImage')}
              </button>
            ) : null}
          </div>
        </div>
        {picker}
      </div>
    );
  }
  return (
    <>
      <ListWidget
        id={id}
        label={label}
        items={items}
        variant="rows"
        describedBy={describedBy}
        onChange={(next) => onCommit(next)}
        renderItem={(item) => <Thumbnail site={site} candidates={sitePathCandidates(item, style, sources)} />}
        addControl={
          <div className="fm-inline">
            <button id={id} type="button" className="button small" aria-describedby={describedBy} onClick={() => setPicking(true)} aria-label={t('frontMatter.addImageTo', { label })}>
              {t('frontMatter.addImage')}
            </button>
          </div>
        }
      />
      {picker}
    </>
  );
}
