/**
 * The "New press release" dialog: a title per language (the others follow the first until edited), date, languages
 * (all of the site's at first), category, the file name and, per language, the folder where the site keeps posts of
 * that category; the files it will create are shown before anything is written. Create sends exactly those files to
 * main (`post.create`), which writes all or nothing and never overwrites; a failure is shown in the dialog, which
 * stays open with everything the user typed.
 */
import { useId, useMemo, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { PostEntry, SiteSummary } from '../../../shared/contract/models';
import { useApi } from '../../api/api-context';
import { ErrorAlert } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { Modal } from '../../common/modal';
import { useI18n } from '../../i18n/i18n-context';
import { DateField } from '../../common/date-field';
import { today } from '../../common/date-value';
import { useFrontMatterSchema } from '../../common/site-data/use-front-matter-schema';
import { useSiteData } from '../../common/site-data/use-site-resource';
import { orderedLanguages, planPost, usualCategory } from './new-post-paths';
import './new-post.css';

/** The native dialog focuses the element marked `autofocus` when it opens (React's autoFocus sets no attribute). */
function markAutofocus(el: HTMLElement | null): void {
  el?.setAttribute('autofocus', '');
}

/** Props: the open site, its posts (for the folders and the usual category), and what happens after creating or cancelling. */
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
  const ids = { title: useId(), heading: useId(), date: useId(), category: useId(), categories: useId(), slug: useId(), slugHint: useId(), folder: useId(), paths: useId() };
  const schemaState = useFrontMatterSchema(site.root);
  const categoryField = schemaState.status === 'ready' ? schemaState.schema.fields.find((f) => f.key === 'category') : undefined;
  const categories = categoryField?.options ?? [];

  const [mainTitle, setMainTitle] = useState('');
  const [typedTitles, setTypedTitles] = useState<Record<string, string>>({});
  const [date, setDate] = useState(today());
  const [languages, setLanguages] = useState<string[]>(() => [...site.languages]);
  const [category, setCategory] = useState(() => usualCategory(posts));
  const [slugTyped, setSlugTyped] = useState<string | null>(null);
  const [typedFolders, setTypedFolders] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [touched, setTouched] = useState(false);

  const shown = orderedLanguages(site, languages);
  const primary = shown[0] ?? null;
  const keyOf = (lang: string | null) => lang ?? '';
  // The first title is typed; every other follows it until the user types one of its own.
  const titles: Record<string, string> = Object.fromEntries(shown.map((l) => [keyOf(l), l === primary ? mainTitle : (typedTitles[keyOf(l)] ?? mainTitle)]));
  const titlesKey = JSON.stringify(titles);
  const plan = useMemo(
    () => planPost(site, posts, { languages, date, category, titles: JSON.parse(titlesKey) as Record<string, string>, slug: slugTyped, folders: typedFolders }),
    [site, posts, languages, date, category, titlesKey, slugTyped, typedFolders],
  );
  const perLanguage = shown.length > 1;
  const nameOf = (lang: string | null) => (lang ? languageName(lang) : '');
  const problems = {
    title: plan.files.some((f) => f.title === '') ? t('newPost.needTitle') : null,
    languages: site.languages.length > 0 && languages.length === 0 ? t('newPost.needLanguage') : null,
    slug: plan.slug === '' ? (mainTitle.trim() !== '' ? t('newPost.needSlug') : null) : plan.problem === 'slug' ? t('newPost.slugInvalid') : null,
    date: plan.problem === 'date' || !date ? t('newPost.dateInvalid') : null,
  };
  const rootOf = (folder: string) => /^(_i18n\/[^/]+\/)?_posts/.exec(folder)?.[0] ?? '_posts';
  const badFolder = (lang: string | null) => {
    const file = plan.files.find((f) => f.language === lang);
    const root = (plan.folderChoices[keyOf(lang)] ?? [])[0];
    return file && root && file.folder !== rootOf(root) && !file.folder.startsWith(`${rootOf(root)}/`) ? rootOf(root) : null;
  };
  const blocked = Boolean(problems.title || problems.languages || problems.slug || problems.date || plan.problem || plan.files.length === 0);

  const toggleLanguage = (lang: string, on: boolean) => setLanguages((prev) => (on ? site.languages.filter((l) => l === lang || prev.includes(l)) : prev.filter((l) => l !== lang)));
  const setTitle = (lang: string | null, value: string) => (lang === primary ? setMainTitle(value) : setTypedTitles((prev) => ({ ...prev, [keyOf(lang)]: value })));

  const create = async () => {
    setTouched(true);
    if (blocked || busy) return;
    setBusy(true);
    setError(null);
    const files = plan.files.map((f) => ({ ...(f.language !== null ? { language: f.language } : {}), title: f.title, folder: f.folder, fileName: f.fileName }));
    const r = await api['post.create']({ site: site.root, date, category: category.trim(), posts: files });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    // New categories, authors and a new `post_url` target: what was cached about the site is stale.
    siteData.signal({ type: 'post.created', site: site.root });
    await onCreated(r.value.paths, plan.files[0].title, date);
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

        {site.languages.length > 1 ? (
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

        {shown.map((lang, i) => {
          const id = `${ids.title}-${i}`;
          const value = titles[keyOf(lang)] ?? '';
          const follows = lang !== primary && typedTitles[keyOf(lang)] === undefined;
          return (
            <div className="np-field" key={keyOf(lang)}>
              <label htmlFor={id} className="field-label">
                {perLanguage ? t('newPost.titleFor', { language: nameOf(lang) }) : t('newPost.postTitle')}
              </label>
              <input
                id={id}
                className="text-input"
                lang={lang ?? undefined}
                value={value}
                ref={i === 0 ? markAutofocus : undefined}
                required
                aria-invalid={touched && value.trim() === ''}
                aria-describedby={follows ? `${id}-hint` : undefined}
                onChange={(e) => setTitle(lang, e.target.value)}
              />
              {follows ? (
                <p id={`${id}-hint`} className="field-hint">
                  {t('newPost.titleFollows', { language: nameOf(primary) })}
                </p>
              ) : null}
              {touched && value.trim() === '' ? <p className="np-problem">{problems.title}</p> : null}
            </div>
          );
        })}

        <div className="np-row">
          <div className="np-field">
            <label htmlFor={ids.date} className="field-label">
              {t('newPost.date')}
            </label>
            <DateField id={ids.date} label={t('newPost.date')} value={date} kind="date" required invalid={!!problems.date} onCommit={setDate} />
            {problems.date ? <p className="np-problem">{problems.date}</p> : null}
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

        <div className="np-field">
          <label htmlFor={ids.slug} className="field-label">
            {t('newPost.slug')}
          </label>
          <input
            id={ids.slug}
            className="text-input np-mono"
            value={plan.slug}
            spellCheck={false}
            aria-describedby={`${ids.slugHint} ${ids.paths}`}
            aria-invalid={!!problems.slug}
            onChange={(e) => setSlugTyped(e.target.value)}
          />
          <p id={ids.slugHint} className={problems.slug ? 'np-problem' : 'field-hint'}>
            {problems.slug ?? (plan.paired && perLanguage ? t('newPost.slugShared', { language: nameOf(primary) }) : t('newPost.slugHint'))}
          </p>
        </div>

        <div className={perLanguage ? 'np-row' : undefined}>
          {shown.map((lang, i) => {
            const id = `${ids.folder}-${i}`;
            const file = plan.files.find((f) => f.language === lang);
            const outside = badFolder(lang);
            return (
              <div className="np-field" key={keyOf(lang)}>
                <label htmlFor={id} className="field-label">
                  {perLanguage ? t('newPost.folderFor', { language: nameOf(lang) }) : t('newPost.folder')}
                </label>
                <input
                  id={id}
                  className="text-input np-mono"
                  list={`${id}-choices`}
                  value={file?.folder ?? ''}
                  spellCheck={false}
                  aria-invalid={!!outside}
                  aria-describedby={outside ? `${id}-problem` : `${ids.folder}-hint`}
                  onChange={(e) => setTypedFolders((prev) => ({ ...prev, [keyOf(lang)]: e.target.value }))}
                />
                <datalist id={`${id}-choices`}>
                  {(plan.folderChoices[keyOf(lang)] ?? []).map((c) => (
                    <option key={c} value={c} />
                  ))}
                </datalist>
                {outside ? (
                  <p id={`${id}-problem`} className="np-problem">
                    {t('newPost.folderInvalid', { root: outside })}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        <p id={`${ids.folder}-hint`} className="field-hint np-hint">
          {category.trim() ? t('newPost.folderHintCategory', { category: category.trim() }) : t('newPost.folderHint')}
        </p>

        <div className="np-paths" id={ids.paths} aria-live="polite">
          <p className="field-label small">{t('newPost.willCreate')}</p>
          {plan.files.length > 0 && !problems.slug && !problems.date ? (
            <ul>
              {plan.files.map((f) => (
                <li key={f.path}>{f.path}</li>
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
