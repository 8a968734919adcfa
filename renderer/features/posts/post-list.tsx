/** The sidebar: filter, language and category choices, the order, the count, and the virtualised list of releases (a release and its translations are one row). */
import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import type { PostEntry } from '../../../shared/contract/models';
import type { PostPair } from '../../../shared/site/post-pairs';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { categoryOptions, filterPairs, indexPairs, languageOptions, NO_FILTER, type PairRow, type PostFilter } from './filter-posts';
import { PostRow } from './post-row';
import { VirtualList } from './virtual-list';
import './posts.css';

/** Fixed row height of the list (CSS lays a row out to fit). */
export const POST_ROW_HEIGHT = 62;

/** Props: the releases of the open site (pairs of translations), its languages, and which post is open. */
export interface PostListProps {
  pairs: readonly PostPair[];
  siteLanguages: readonly string[];
  /** The site's default language: the member a row shows when it lacks the filter's and the interface's language. */
  defaultLanguage: string | null;
  selectedPath: string | null;
  onOpen(post: PostEntry): void;
}

/** The whole post list panel. */
export function PostList({ pairs, siteLanguages, defaultLanguage, selectedPath, onOpen }: PostListProps) {
  const { t, tn, languageName, language: uiLanguage } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState<PostFilter>(NO_FILTER);
  const deferredText = useDeferredValue(filter.text);
  const [active, setActive] = useState(-1);

  const posts = useMemo(() => pairs.flatMap((p) => p.members), [pairs]);
  // Rebuilt when the chosen language changes (which member a row shows and sorts by), never per keystroke.
  const index = useMemo(() => indexPairs(pairs, [filter.language, uiLanguage, defaultLanguage]), [pairs, filter.language, uiLanguage, defaultLanguage]);
  const languages = useMemo(() => languageOptions(posts, siteLanguages), [posts, siteLanguages]);
  const categories = useMemo(() => categoryOptions(posts), [posts]);
  const shown = useMemo(() => filterPairs(index, { ...filter, text: deferredText }), [index, filter, deferredText]);
  const selectedKey = useMemo(() => (selectedPath ? (shown.find((r) => r.pair.members.some((m) => m.path === selectedPath))?.pair.key ?? null) : null), [shown, selectedPath]);

  // A new filter starts the keyboard at the open post if it is still listed, else at the top.
  useEffect(() => {
    const at = selectedPath ? shown.findIndex((r) => r.pair.members.some((m) => m.path === selectedPath)) : -1;
    setActive(at);
    // Only a change of the list moves the keyboard position, not opening a post.
  }, [shown]);

  const set = (patch: Partial<PostFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const filtered = filter.text !== '' || filter.language !== '' || filter.category !== '';

  return (
    <section className="post-panel">
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t('posts.heading')}
      </h2>
      <div className="post-tools">
        <div className="input-with-icon">
          <Icon name="search" className="input-icon" />
          <input
            type="search"
            className="text-input"
            aria-label={t('posts.filter')}
            placeholder={t('posts.filterPlaceholder')}
            value={filter.text}
            onChange={(e) => set({ text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.getElementById(`${id}-list`)?.focus();
              }
            }}
          />
        </div>
        <div className="filter-row">
          <label className="select-field">
            <span className="field-label small">{t('posts.language')}</span>
            <select className="select" value={filter.language} onChange={(e) => set({ language: e.target.value })}>
              <option value="">{t('posts.all')}</option>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
          </label>
          <label className="select-field">
            <span className="field-label small">{t('posts.category')}</span>
            <select className="select" value={filter.category} onChange={(e) => set({ category: e.target.value })}>
              <option value="">{t('posts.all')}</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="list-status">
          <span className="post-count" aria-live="polite">
            {tn('postList.count', pairs.length, { shown: shown.length, total: pairs.length })}
          </span>
          <button
            type="button"
            className="button ghost small"
            title={t('posts.sortHint')}
            onClick={() => set({ order: filter.order === 'newest' ? 'oldest' : 'newest' })}
          >
            <Icon name="sort" />
            {filter.order === 'newest' ? t('posts.sortNewest') : t('posts.sortOldest')}
          </button>
        </div>
      </div>
      {shown.length === 0 ? (
        <div className="list-empty">
          <p>{pairs.length === 0 ? t('posts.empty') : t('posts.noMatch')}</p>
          {filtered ? (
            <button type="button" className="button small" onClick={() => setFilter((f) => ({ ...NO_FILTER, order: f.order }))}>
              {t('posts.clearFilter')}
            </button>
          ) : null}
        </div>
      ) : null}
      <VirtualList
        id={`${id}-list`}
        label={t('posts.list')}
        items={shown}
        rowHeight={POST_ROW_HEIGHT}
        getKey={(r: PairRow) => r.pair.key}
        renderRow={(r) => <PostRow pair={r.pair} post={r.post} siteLanguages={siteLanguages} />}
        active={active}
        onActiveChange={setActive}
        selectedKey={selectedKey}
        onActivate={(r) => onOpen(r.post)}
        className={shown.length === 0 ? 'is-empty' : ''}
      />
    </section>
  );
}
