/**
 * Inserting a figure: the "Insert figure" button (a picture of this computer or one of the site's images), and the
 * dialog that shows the picture, asks for its alt text, caption and credit, and puts the site's snippet into the post.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { FigureAsset, StagedFigure } from '../../../shared/contract/figure-models';
import { extensionOfMime, fileNameProblem } from '../../../shared/figures/safe-file-name';
import { useEvent } from '../../api/api-context';
import { Icon } from '../../common/icons';
import { MenuButton } from '../../common/menu-button';
import { Modal } from '../../common/modal';
import { toBlobUrl } from '../../common/site-data/blob-url';
import { sizeText } from '../../common/size-text';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { AssetBrowser } from './asset-browser';
import { importStaged, snippetOf, stageFile, type FigureImport, type FigureSource, type FigureWords } from './use-figure-import';
import './insert-figure.css';

/** The native dialog focuses the element marked `autofocus` when it opens (React's autoFocus sets no attribute). */
function markAutofocus(el: HTMLElement | null): void {
  el?.setAttribute('autofocus', '');
}

/** The button of the document's actions: a small menu with "From this computer…" and "From the site's images…". */
export function InsertFigureButton({ figures, disabled }: { figures: FigureImport; disabled?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The desktop menu's Insert › Figure… opens the same choice (a file chooser needs the user's own click).
  useEvent('menu.command', ({ command }) => {
    if (command === 'figure.insert' && !disabled) setOpen(true);
  });
  return (
    <MenuButton
      label={t('figures.insert.button')}
      menuLabel={t('figures.insert.button')}
      disabled={disabled}
      open={open}
      onOpenChange={setOpen}
      items={[
        { id: 'computer', label: t('figures.insert.fromComputer'), run: () => input.current?.click() },
        { id: 'site', label: t('figures.insert.fromSite'), run: () => figures.setBrowsing(true) },
      ]}
    >
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        data-testid="figure-file-input"
        onChange={(e) => {
          figures.addFiles(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </MenuButton>
  );
}

/** The asset browser while it is open, and the dialog of the first picture waiting (the next one follows it). */
export function FigureDialogs({ site, figures }: { site: string; figures: FigureImport }) {
  return (
    <>
      {figures.browsing ? <AssetBrowser site={site} onPick={figures.pickAsset} onClose={() => figures.setBrowsing(false)} /> : null}
      {figures.current && !figures.browsing ? <InsertFigureDialog key={figures.current.id} site={site} source={figures.current} figures={figures} /> : null}
    </>
  );
}

const ERROR_KEYS: Partial<Record<AppError['code'], MessageKey>> = {
  'too-large': 'figures.insert.error.tooLarge',
  'not-supported': 'figures.insert.error.notPicture',
  refused: 'figures.insert.error.refused',
  'outside-site': 'figures.insert.error.outside',
  exists: 'figures.insert.error.exists',
  'not-found': 'figures.insert.error.gone',
};

/** "image of", "Foto von": words a screen reader already says. */
const REDUNDANT_ALT = /^\s*(an?\s+)?(image|picture|photo|photograph|graphic|screenshot)\s+of\b|^\s*(ein\s+)?(bild|foto|grafik|screenshot)\s+(von|vom|des|der|mit)\b/i;

type Staging = { status: 'loading' } | { status: 'ready'; staged: StagedFigure } | { status: 'failed'; error: AppError };

/** The picture's own URL for the dialog: the file itself, or the site image's thumbnail; revoked when the dialog goes. */
function usePictureUrl(site: string, source: FigureSource, api: FigureImport['api']): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    if (source.kind === 'file') {
      made = URL.createObjectURL(source.file);
      setUrl(made);
    } else {
      void api['figure.thumbnail']({ site, path: source.asset.path }).then((r) => {
        if (!live || !r.ok) return;
        made = toBlobUrl(r.value.base64, r.value.mime);
        setUrl(made);
      });
    }
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [site, source, api]);
  return url;
}

/** The dialog of one picture. */
export function InsertFigureDialog({ site, source, figures }: { site: string; source: FigureSource; figures: FigureImport }) {
  const { t, language } = useI18n();
  const { api } = figures;
  const ids = { heading: useId(), name: useId(), nameHint: useId(), alt: useId(), altHint: useId(), caption: useId(), credit: useId() };
  const url = usePictureUrl(site, source, api);
  const [staging, setStaging] = useState<Staging>({ status: 'loading' });
  const [fileName, setFileName] = useState('');
  const [downscale, setDownscale] = useState(true);
  const [keepOriginal, setKeepOriginal] = useState(false);
  const [words, setWords] = useState<FigureWords>({ alt: '', caption: '', credit: '' });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (source.kind !== 'file') return;
    let live = true;
    void stageFile(api, site, source.file).then((r) => {
      if (!live) return;
      if (r.ok) {
        setStaging({ status: 'ready', staged: r.value });
        setFileName(r.value.fileName);
      } else setStaging({ status: 'failed', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, site, source]);

  const staged = staging.status === 'ready' ? staging.staged : null;
  const asset: FigureAsset | null = source.kind === 'asset' ? source.asset : null;
  const ext = staged ? extensionOfMime(staged.mime) : null;
  const nameProblem = staged && !staged.reuse ? fileNameProblem(fileName, ext ?? undefined) : null;
  const altProblem = words.alt.trim() === '' ? t('figures.insert.altRequired') : null;
  const altRedundant = REDUNDANT_ALT.test(words.alt);
  const ready = asset !== null || staged !== null;
  const set = (key: keyof FigureWords) => (e: { target: { value: string } }) => setWords((w) => ({ ...w, [key]: e.target.value }));

  const insert = async () => {
    setTouched(true);
    if (!ready || busy || altProblem || nameProblem) return;
    setBusy(true);
    setError(null);
    const r = staged
      ? await importStaged(api, site, staged, { fileName, downscale: staged.large && downscale, keepOriginal: staged.large && downscale && keepOriginal }, words)
      : await snippetOf(api, site, asset!.path, words);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (!figures.insert(r.value.path, r.value.text)) return setError({ code: 'not-supported', message: t('figures.insert.noEditor') });
    figures.next();
  };

  const failed = error ?? (staging.status === 'failed' ? staging.error : null);
  // A file refused on the way in cannot be inserted: no picture to show, no words to ask for, only why.
  const refused = staging.status === 'failed';
  const size = staged ?? asset;
  const name = source.kind === 'file' ? source.file.name : source.asset.path;
  return (
    <Modal labelledBy={ids.heading} onClose={figures.next} className="figure-dialog">
      <form
        className="modal-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void insert();
        }}
      >
        <header className="modal-head">
          <h2 id={ids.heading} className="modal-title">
            {t('figures.insert.title')}
          </h2>
          <button type="button" className="icon-button" onClick={figures.next} aria-label={t('figures.insert.close')} title={t('figures.insert.close')}>
            <Icon name="close" />
          </button>
        </header>

        <div className="figure-dialog-main">
          <figure className="figure-dialog-picture">
            {refused ? <Icon name="alert" className="figure-dialog-refused" /> : url ? <img src={url} alt="" /> : <span className="spinner" aria-hidden="true" />}
            <figcaption>
              <span className="figure-dialog-name" title={name}>
                {name}
              </span>
              {size && size.width && size.height ? <span>{t('figures.insert.pixels', { width: size.width.toLocaleString(language), height: size.height.toLocaleString(language) })}</span> : null}
              {size ? <span>{sizeText(size.bytes, language)}</span> : null}
            </figcaption>
          </figure>

          <div className="figure-dialog-fields">
            {source.kind === 'file' && staging.status === 'loading' ? (
              <p className="figure-dialog-status" role="status">
                <span className="spinner" aria-hidden="true" />
                {t('figures.insert.checking')}
              </p>
            ) : null}
            {staged?.reuse ? (
              <p className="figure-reuse" role="status">
                {t('figures.insert.reuse', { path: staged.reuse })}
              </p>
            ) : null}
            {staged && !staged.reuse ? (
              <div className="figure-field">
                <label htmlFor={ids.name} className="field-label">
                  {t('figures.insert.fileName')}
                </label>
                <input id={ids.name} className="text-input figure-mono" value={fileName} spellCheck={false} aria-invalid={!!nameProblem} aria-describedby={ids.nameHint} onChange={(e) => setFileName(e.target.value)} />
                <p id={ids.nameHint} className={nameProblem ? 'figure-problem' : 'field-hint'}>
                  {nameProblem ?? t('figures.insert.folder', { folder: staged.folder })}
                </p>
              </div>
            ) : null}
            {staged && staged.large && !staged.reuse ? (
              <fieldset className="figure-large">
                <legend className="field-label">{t('figures.insert.largeTitle', { width: staged.maxWidth.toLocaleString(language) })}</legend>
                <label className="figure-check">
                  <input type="checkbox" className="checkbox" checked={downscale} onChange={(e) => setDownscale(e.target.checked)} />
                  {t('figures.insert.webCopy', { width: staged.maxWidth.toLocaleString(language) })}
                </label>
                <label className="figure-check">
                  <input type="checkbox" className="checkbox" checked={downscale && keepOriginal} disabled={!downscale} onChange={(e) => setKeepOriginal(e.target.checked)} />
                  {t('figures.insert.keepOriginal')}
                </label>
              </fieldset>
            ) : null}
            {staged?.notes.length ? (
              <ul className="figure-notes">
                {staged.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}

            {refused ? null : (
              <>
                <div className="figure-field">
                  <label htmlFor={ids.alt} className="field-label">
                    {t('figures.insert.alt')} <span className="figure-required">{t('figures.insert.required')}</span>
                  </label>
                  <textarea
                    id={ids.alt}
                    ref={markAutofocus}
                    className="text-input"
                    rows={2}
                    required
                    value={words.alt}
                    aria-invalid={touched && !!altProblem}
                    aria-describedby={ids.altHint}
                    onChange={set('alt')}
                  />
                  <p id={ids.altHint} className={touched && altProblem ? 'figure-problem' : altRedundant ? 'figure-warning' : 'field-hint'}>
                    {touched && altProblem ? altProblem : altRedundant ? t('figures.insert.altRedundant') : t('figures.insert.altHint')}
                  </p>
                </div>
                <div className="figure-field">
                  <label htmlFor={ids.caption} className="field-label">
                    {t('figures.insert.caption')}
                  </label>
                  <textarea id={ids.caption} className="text-input" rows={2} value={words.caption} onChange={set('caption')} />
                </div>
                <div className="figure-field">
                  <label htmlFor={ids.credit} className="field-label">
                    {t('figures.insert.credit')} <span className="muted">{t('figures.insert.optional')}</span>
                  </label>
                  <input id={ids.credit} className="text-input" value={words.credit} placeholder={t('figures.insert.creditPlaceholder')} onChange={set('credit')} />
                </div>
              </>
            )}
          </div>
        </div>

        {failed ? (
          <div className="alert alert-error" role="alert">
            <Icon name="alert" className="alert-icon" />
            <div className="alert-body">
              <p className="alert-title">{t(ERROR_KEYS[failed.code] ?? 'figures.insert.error.other')}</p>
              <p className="error-detail">{failed.message}</p>
            </div>
          </div>
        ) : null}

        <div className="modal-actions">
          {figures.waiting > 0 ? <span className="muted figure-waiting">{t(figures.waiting === 1 ? 'figures.insert.waiting.one' : 'figures.insert.waiting.other', { count: figures.waiting })}</span> : null}
          <button type="button" className="button" onClick={figures.next}>
            {figures.waiting > 0 ? t('figures.insert.skip') : t('figures.insert.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || !ready}>
            {busy ? t('figures.insert.inserting') : t('figures.insert.insert')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
