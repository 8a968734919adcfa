/**
 * The asset browser: the site's images as a grid of thumbnails (made by main once and cached in app data), found by
 * name, each with its size and the posts that use it; choosing one and "Insert" hands it to the figure dialog.
 * Keyboard: Tab reaches the grid, the arrow keys (Home, End) move between images, Enter inserts the one in focus.
 */
import { type KeyboardEvent, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FigureAsset } from '../../../shared/contract/figure-models';
import { ErrorDetail } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { Modal } from '../../common/modal';
import { sizeText } from '../../common/size-text';
import { useI18n } from '../../i18n/i18n-context';
import { Thumbnail, useSeen } from './thumbnail';
import { usePostTitles, useFigureBrowse } from './use-figure-browse';
import './figures.css';

/** Tiles added to the grid at a time as the user scrolls (a site may have thousands of images). */
export const TILES_PER_PAGE = 120;

/** Props of the asset browser. */
export interface AssetBrowserProps {
  site: string;
  /** Called with the image to insert; the figure dialog takes over from there. */
  onPick: (asset: FigureAsset) => void;
  onClose: () => void;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash > 0 ? path.slice(0, slash) : '';
}

/** The images whose path or reference contains every word of the query (case and accents as typed are ignored). */
export function filterAssets(images: readonly FigureAsset[], query: string): FigureAsset[] {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...images];
  return images.filter((image) => {
    const text = fold(`${image.path} ${image.reference}`);
    return words.every((w) => text.includes(w));
  });
}

/** How many tiles are in the grid's first row, for moving up and down. */
function columnsOf(grid: HTMLElement | null): number {
  const tiles = grid ? Array.from(grid.querySelectorAll<HTMLElement>('.asset-tile')) : [];
  if (tiles.length === 0) return 1;
  const top = tiles[0].offsetTop;
  const inRow = tiles.findIndex((tile) => tile.offsetTop !== top);
  return inRow === -1 ? tiles.length : Math.max(1, inRow);
}

function UsedIn({ asset, titles, open, onToggle, tabbable }: { asset: FigureAsset; titles: ReadonlyMap<string, string>; open: boolean; onToggle: () => void; tabbable: boolean }) {
  const { t, tn } = useI18n();
  const listId = useId();
  const count = asset.usedBy.length;
  if (count === 0) return <p className="asset-uses asset-uses-none">{t('figures.browser.usedIn.zero')}</p>;
  const name = baseName(asset.path);
  return (
    <div className="asset-uses">
      <button
        type="button"
        className="asset-uses-toggle"
        aria-expanded={open}
        aria-controls={listId}
        tabIndex={tabbable ? 0 : -1}
        title={t(open ? 'figures.browser.hideUses' : 'figures.browser.showUses', { name })}
        onClick={onToggle}
      >
        <span className="asset-uses-icon" aria-hidden="true" />
        {tn('figures.browser.usedIn', count)}
      </button>
      {open ? (
        <ul className="asset-uses-list" id={listId}>
          {asset.usedBy.map((post) => (
            <li key={post} title={post}>
              <span className="asset-uses-title">{titles.get(post) || baseName(post)}</span>
              <span className="asset-uses-path">{post}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Adds the next page of tiles when the end of the grid comes into view (or its button is pressed). */
function MoreTiles({ onMore, left }: { onMore: () => void; left: number }) {
  const { t } = useI18n();
  const [ref, seen] = useSeen<HTMLButtonElement>('400px');
  const latest = useRef(onMore);
  latest.current = onMore;
  useEffect(() => {
    if (seen && typeof IntersectionObserver === 'function') latest.current();
  }, [seen]);
  return (
    <button ref={ref} type="button" className="button small asset-more" onClick={onMore}>
      {t('figures.browser.showMore', { count: left })}
    </button>
  );
}

/** The dialog listing the site's images; `onPick` gets the one to insert. */
export function AssetBrowser({ site, onPick, onClose }: AssetBrowserProps) {
  const { t, tn, language } = useI18n();
  const titleId = useId();
  const { browse, error, loading } = useFigureBrowse(site);
  const titles = usePostTitles(site);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState(TILES_PER_PAGE);
  const grid = useRef<HTMLUListElement>(null);

  const images = useMemo(() => browse?.images ?? [], [browse]);
  const matches = useMemo(() => filterAssets(images, deferredQuery), [images, deferredQuery]);
  const visible = matches.slice(0, shown);
  const current = Math.min(active, Math.max(0, visible.length - 1));
  // Only an image the grid shows can be inserted: one the search hides is not chosen any more.
  const chosenAsset = chosen ? (matches.find((image) => image.path === chosen) ?? null) : null;

  useEffect(() => {
    setActive(0);
    setShown(TILES_PER_PAGE);
  }, [deferredQuery]);

  const [focusTarget, setFocusTarget] = useState<number | null>(null);
  useEffect(() => {
    // After React has rendered the tile (it may have just been added).
    if (focusTarget === null) return;
    grid.current?.querySelector<HTMLElement>(`[data-index="${focusTarget}"]`)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const focusTile = (index: number) => {
    const next = Math.max(0, Math.min(matches.length - 1, index));
    if (next >= shown) setShown(Math.ceil((next + 1) / TILES_PER_PAGE) * TILES_PER_PAGE);
    setActive(next);
    setFocusTarget(next);
  };

  const onGridKey = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('asset-tile')) return;
    const index = Number(target.dataset.index);
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columnsOf(grid.current), ArrowDown: columnsOf(grid.current) };
    if (event.key in moves) focusTile(index + moves[event.key]);
    else if (event.key === 'Home') focusTile(0);
    else if (event.key === 'End') focusTile(matches.length - 1);
    else if (event.key === 'Enter') {
      const asset = matches[index];
      if (asset) onPick(asset);
    } else return;
    event.preventDefault();
  };

  const toggle = (path: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  return (
    <Modal labelledBy={titleId} onClose={onClose} className="asset-browser">
      <header className="asset-browser-head">
        <h2 id={titleId} className="modal-title">{t('figures.browser.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('figures.browser.close')} title={t('figures.browser.close')}>
          <Icon name="close" />
        </button>
      </header>
      <div className="asset-browser-tools">
        <input
          type="search"
          className="text-input asset-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && matches.length > 0) {
              e.preventDefault();
              focusTile(current);
            }
          }}
          aria-label={t('figures.browser.search')}
          placeholder={t('figures.browser.searchPlaceholder')}
          ref={(el) => el?.setAttribute('autofocus', '')}
        />
        {browse ? (
          <span className="asset-count" role="status">
            {tn('figures.browser.count', images.length, { shown: matches.length, total: images.length })}
          </span>
        ) : null}
      </div>
      {browse?.truncated ? <p className="asset-note">{t('figures.browser.truncated', { count: images.length })}</p> : null}
      <div className="asset-browser-body">
        {loading ? <p className="asset-state">{t('figures.browser.loading')}</p> : null}
        {error ? (
          <div className="asset-state alert alert-error" role="alert">
            <p className="alert-title">{t('figures.browser.loadFailed', { message: error.message })}</p>
            <ErrorDetail error={error} />
          </div>
        ) : null}
        {browse && images.length === 0 ? <p className="asset-state">{t('figures.browser.empty')}</p> : null}
        {browse && images.length > 0 && matches.length === 0 ? <p className="asset-state">{t('figures.browser.noMatch', { query: deferredQuery.trim() })}</p> : null}
        {visible.length > 0 ? (
          <ul ref={grid} className="asset-grid" aria-label={t('figures.browser.grid')} onKeyDown={onGridKey}>
            {visible.map((asset, index) => {
              const name = baseName(asset.path);
              const isChosen = asset.path === chosen;
              return (
                <li key={asset.path} className={`asset-item ${isChosen ? 'is-chosen' : ''}`}>
                  <button
                    type="button"
                    className="asset-tile"
                    data-index={index}
                    tabIndex={index === current ? 0 : -1}
                    aria-pressed={isChosen}
                    title={asset.path}
                    onFocus={() => setActive(index)}
                    onClick={() => {
                      setActive(index);
                      setChosen(asset.path);
                    }}
                    onDoubleClick={() => onPick(asset)}
                  >
                    <Thumbnail site={site} path={asset.path} />
                    <span className="asset-name">{name}</span>
                    <span className="asset-meta">
                      {folderOf(asset.path)}
                      <br />
                      {sizeText(asset.bytes, language)}
                      {asset.width && asset.height ? ` · ${t('figures.browser.dimensions', { width: asset.width, height: asset.height })}` : ''}
                    </span>
                  </button>
                  <UsedIn asset={asset} titles={titles} open={expanded.has(asset.path)} onToggle={() => toggle(asset.path)} tabbable={index === current} />
                </li>
              );
            })}
          </ul>
        ) : null}
        {matches.length > visible.length ? <MoreTiles left={matches.length - visible.length} onMore={() => setShown((n) => n + TILES_PER_PAGE)} /> : null}
      </div>
      <footer className="asset-browser-foot">
        <p className="asset-chosen" aria-live="polite">
          {chosenAsset ? t('figures.browser.chosen', { name: chosenAsset.path }) : t('figures.browser.nothingChosen')}
        </p>
        <button type="button" className="button" onClick={onClose}>
          {t('figures.browser.cancel')}
        </button>
        <button type="button" className="button primary" disabled={!chosenAsset} onClick={() => chosenAsset && onPick(chosenAsset)}>
          {t('figures.browser.insert')}
        </button>
      </footer>
    </Modal>
  );
}
