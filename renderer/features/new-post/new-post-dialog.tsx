/**
 * The "New press release" dialog: title, date, language(s), category and the file name, with the files it will
 * create shown before anything is written. Create asks main (`post.create`), which never overwrites; a failure
 * is shown in the dialog, which stays open with everything the user typed.
 */
import { useId, useMemo, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { PostEntry, SiteSummary } from '../../../shared/contract/models';
import { isValidSlug } from '../../../shared/site/post-path';
import { slugify } from '../../../shared/site/slug';
import { useApi } from '../../api/api-context';
import { ErrorAlert } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { Modal } from '../../common/modal';
import { useI18n } from '../../i18n/i18n-context';
import { today } from '../../common/date-value';
import { useFrontMatterSchema } from '../../common/site-data/use-front-matter-schema';
import { useSiteData } from '../../common/site-data/use-site-resource';
import { plannedPaths } from './new-post-paths';
import './new-post.css';


/** The native dialog focuses the element marked `autofocus` when it opens (React's autoFocus sets no attribute). */
function markAutofocus(el: HTMLElement | null): void {
  el?.setAttribute('autofocus', '');
}

/** Props: the open site, its posts (for the folder layout), and what happens after creating or cancelling. */
export interface NewPostDialogProps {
  site: SiteSummary;
  posts: readonly PostEntry[];
  onCreated(paths: string[], title: string, date: string): void | Promise<void>;
  onClose(): void;
}

/** The dialog (role dialog, named "New press release"). */
export function NewPostDialog({ site, posts, onCreated, onClose }: NewPostDialogProps) {
  const api = useApi();
  const siteData = useSiteData();
  const { t, languageName } = useI18n();
  const ids = { title: useId(), heading: useId(), date: useId(), category: useId(), categories: useId(), slug: useId(), slugHint: useId(), paths: useId() };
  const schemaState = useFrontMatterSchema(site.root);
  const categoryField = schemaState.status === 'ready' ? schemaState.schema.fields.find((f) => f.key === 'category') : undefined;
  const categories = categoryField?.options ?? [];

  const [title, setTitle] = useState('');
  const [date, setDate] = useState(today());
  const [languages, setLanguages] = useState<string[]>(() => (site.languages.length > 0 ? [site.defaultLanguage ?? site.languages[0]] : []));
  const [category, setCategory] = useState('');
  const [slugTyped, setSlugTyped] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [touched, setTouched] = useState(false);

  const slug = slugTyped ?? slugify(title, languages[0] ?? site.defaultLanguage);
  const planned = useMemo(() => (slug && date ? plannedPaths(site, posts, languages, date, slug) : { paths: [], problem: null }), [site, posts, languages, date, slug]);
  const problems = {
    title: title.trim() === '' ? t('newPost.needTitle') : null,
    languages: site.languages.length > 0 && languages.length === 0 ? t('newPost.needLanguage') : null,
    slug: slug !== '' && !isValidSlug(slug) ? t('newPost.slugInvalid') : slug === '' && title.trim() !== '' ? t('newPost.needSlug') : null,
  };
  const blocked = Boolean(problems.title || problems.languages || problems.slug || planned.problem || !date);

  const toggleLanguage = (lang: string, on: boolean) => setLanguages((prev) => (on ? site.languages.filter((l) => l === lang || prev.includes(l)) : prev.filter((l) => l !== lang)));

  const create = async () => {
    setTouched(true);
    if (blocked || busy) return;
    setBusy(true);
    setError(null);
    const r = await api['post.create']({ site: site.root, title: title.trim(), date, languages, category: category.trim(), slug });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    // New categories, authors and a new `post_url` target: what was cached about the site is stale.
    siteData.signal({ type: 'post.created', site: site.root });
    await onCreated(r.value.paths, title.trim(), date);
  };

  return (
    <Modal labelledBy={ids.heading} onClose={onClose} className="new-post-dialog">
      <form
        className="modal-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <header className="modal-head">
          <h2 id={ids.heading} className="modal-title">
            {t('newPost.title')}
          </h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('newPost.cancel')} title={t('newPost.cancel')}>
            <Icon name="close" />
          </button>
        </header>

        <div className="np-field">
          <label htmlFor={ids.title} className="field-label">
            {t('newPost.postTitle')}
          </label>
          <input id={ids.title} className="text-input" value={title} ref={markAutofocus} required aria-invalid={touched && !!problems.title} onChange={(e) => setTitle(e.target.value)} />
          {touched && problems.title ? <p className="np-problem">{problems.title}</p> : null}
        </div>

        <div className="np-row">
          <div className="np-field">
            <label htmlFor={ids.date} className="field-label">
              {t('newPost.date')}
            </label>
            <input id={ids.date} type="date" className="text-input" value={date} required onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="np-field">
            <label htmlFor={ids.category} className="field-label">
              {t('newPost.category')}
            </label>
            <input id={ids.category} className="text-input" list={ids.categories} value={category} placeholder={t('newPost.categoryPlaceholder')} onChange={(e) => setCategory(e.target.value)} />
            <datalist id={ids.categories}>
              {categories.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </div>
        </div>

        {site.languages.length > 0 ? (
          <fieldset className="np-languages">
            <legend className="field-label">{t('newPost.languages')}</legend>
            <div className="np-checks">
              {site.languages.map((lang) => (
                <label key={lang} className="np-check">
                  <input type="checkbox" className="checkbox" checked={languages.includes(lang)} onChange={(e) => toggleLanguage(lang, e.target.checked)} />
                  {languageName(lang)}
                </label>
              ))}
            </div>
            {problems.languages ? <p className="np-problem">{problems.languages}</p> : null}
          </fieldset>
        ) : null}

        <div className="np-field">
          <label htmlFor={ids.slug} className="field-label">
            {t('newPost.slug')}
          </label>
          <input
            id={ids.slug}
            className="text-input np-mono"
            value={slug}
            spellCheck={false}
            aria-describedby={`${ids.slugHint} ${ids.paths}`}
            aria-invalid={!!problems.slug}
            onChange={(e) => setSlugTyped(e.target.value)}
          />
          <p id={ids.slugHint} className={problems.slug || planned.problem ? 'np-problem' : 'field-hint'}>
            {problems.slug ?? planned.problem ?? t('newPost.slugHint')}
          </p>
        </div>

        <div className="np-paths" id={ids.paths} aria-live="polite">
          <p className="field-label small">{t('newPost.willCreate')}</p>
          {planned.paths.length > 0 ? (
            <ul>
              {planned.paths.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">—</p>
          )}
        </div>

        <ErrorAlert error={error} onDismiss={() => setError(null)} />

        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('newPost.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('newPost.creating') : t('newPost.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
