/**
 * The export dialog: format, page size, folder and file name (the last folder proposed again), the editor's text
 * written as PDF or HTML outside the site, progress while the PDF is made, and the result with what to check.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { ExportFormat, ExportResult, ExportWarning, PageSize } from '../../../shared/contract/export-models';
import { useAppInfo } from '../../common/app-info-context';
import { ErrorAlert } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { Modal } from '../../common/modal';
import { PathField } from '../../common/path-field/path-field';
import { useSettings } from '../../common/settings-context';
import { sizeText } from '../../common/size-text';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { fileNameOfPost, fileNameProblem, joinPath, splitPath, withExtension } from './export-file';
import type { Exporter, ExportRequest } from './use-export';
import './export.css';

type Phase = { kind: 'loading' } | { kind: 'editing' } | { kind: 'writing' } | { kind: 'exists'; name: string; folder: string } | { kind: 'done'; result: ExportResult };

/** One warning in the interface language: the sentence of its code, naming the thing. */
export function warningText(warning: ExportWarning, t: (key: MessageKey, params?: Record<string, string>) => string): string {
  return t(`export.warning.${warning.code}` as MessageKey, { detail: warning.detail });
}

/** The dialog of one export request. */
export function ExportDialog({ exporter, request }: { exporter: Exporter; request: ExportRequest }) {
  const { t } = useI18n();
  const info = useAppInfo();
  const { settings } = useSettings();
  const { api, site } = exporter;
  const ids = { title: useId(), nameHint: useId(), folderHint: useId(), name: useId() };
  const [format, setFormat] = useState<ExportFormat>(request.format);
  const [pageSize, setPageSize] = useState<PageSize>(exporter.defaultPageSize());
  const [folder, setFolder] = useState(settings.exportFolder || info.documentsDir || info.homeDir);
  const [fileName, setFileName] = useState(fileNameOfPost(request.path, request.format));
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [error, setError] = useState<AppError | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);

  // What main proposes: the last folder used (else Documents), the post's file name and the last page size. Without
  // an answer the dialog keeps what it has (the settings' folder, the post's name): a missing default is no failure.
  useEffect(() => {
    let live = true;
    void api['export.defaults']({ site, path: request.path, format: request.format }).then((r) => {
      if (!live) return;
      if (r.ok) {
        if (r.value.folder) setFolder(r.value.folder);
        if (r.value.fileName) setFileName(withExtension(r.value.fileName, request.format));
        setPageSize(r.value.pageSize);
      }
      setPhase({ kind: 'editing' });
    });
    return () => {
      live = false;
    };
  }, [api, site, request]);

  // The fields are disabled until main's proposal arrives: then the chosen format takes the focus (once).
  const focused = useRef(false);
  const formatRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (phase.kind === 'done') doneRef.current?.focus();
    if (phase.kind === 'editing' && !focused.current) {
      focused.current = true;
      formatRef.current?.focus();
    }
  }, [phase.kind]);

  const busy = phase.kind === 'writing';
  const locked = busy || phase.kind === 'loading' || phase.kind === 'exists';
  const nameProblem = fileNameProblem(fileName);
  const close = () => {
    if (!busy) exporter.closeDialog();
  };

  const chooseFormat = (next: ExportFormat) => {
    setFormat(next);
    setFileName((name) => (fileNameProblem(name) ? name : withExtension(name, next)));
  };

  const pick = async () => {
    const r = await api['dialog.pickFolder']({ purpose: 'export-destination', defaultPath: folder || undefined });
    if (r.ok && r.value) setFolder(r.value);
    else if (!r.ok) setError(r.error);
  };

  const write = async (replace: boolean) => {
    setTouched(true);
    if (nameProblem || !folder.trim() || busy) return;
    const name = withExtension(fileName, format);
    setFileName(name);
    setError(null);
    setRefused(null);
    setPhase({ kind: 'writing' });
    const r = await api['export.write']({ site, path: request.path, text: exporter.currentText(), format, pageSize, destination: joinPath(folder, name), replace: replace || undefined });
    if (r.ok) {
      exporter.written(pageSize);
      return setPhase({ kind: 'done', result: r.value });
    }
    if (r.error.code === 'exists') return setPhase({ kind: 'exists', name, folder: folder.trim() });
    setPhase({ kind: 'editing' });
    if (r.error.code === 'refused') setRefused(r.error.message);
    else setError(r.error);
  };

  const keep = () => {
    setPhase({ kind: 'editing' });
    requestAnimationFrame(() => nameRef.current?.select());
  };

  if (phase.kind === 'done') return <ExportDone result={phase.result} titleId={ids.title} doneRef={doneRef} onClose={exporter.closeDialog} />;

  const title = request.title || splitPath(request.path).name;
  return (
    <Modal labelledBy={ids.title} onClose={close} className="export-dialog">
      <form
        className="modal-body"
        noValidate
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          void write(false);
        }}
      >
        <header className="modal-head">
          <h2 id={ids.title} className="modal-title export-title" title={title}>
            {t('export.title', { title })}
          </h2>
          <button type="button" className="icon-button" onClick={close} disabled={busy} aria-label={t('export.close')} title={t('export.close')}>
            <Icon name="close" />
          </button>
        </header>

        <fieldset className="export-choice" disabled={locked}>
          <legend className="field-label">{t('export.format')}</legend>
          {(['pdf', 'html'] as const).map((f) => (
            <label key={f} className="export-option">
              <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => chooseFormat(f)} ref={f === format ? formatRef : undefined} />
              <span className="export-option-text">
                <span className="export-option-name">{t(`export.format.${f}`)}</span>
                <span className="field-hint">{t(`export.format.${f}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {format === 'pdf' ? (
          <fieldset className="export-choice export-sizes" disabled={locked}>
            <legend className="field-label">{t('export.pageSize')}</legend>
            {(['A4', 'Letter'] as const).map((size) => (
              <label key={size} className="export-option export-size">
                <input type="radio" name="export-page-size" value={size} checked={pageSize === size} onChange={() => setPageSize(size)} />
                <span>{t(`export.pageSize.${size}`)}</span>
              </label>
            ))}
          </fieldset>
        ) : null}

        <div>
          <div className="export-folder-row">
            <PathField label={t('export.folder')} value={folder} onChange={setFolder} describedBy={ids.folderHint} disabled={locked} />
            {info.capabilities.folderPicker ? (
              <button type="button" className="button" onClick={() => void pick()} disabled={locked}>
                {t('export.choose')}
              </button>
            ) : null}
          </div>
          <p id={ids.folderHint} className="field-hint">
            {t('export.folderHint')}
          </p>
        </div>

        <div>
          <label htmlFor={ids.name} className="field-label">
            {t('export.fileName')}
          </label>
          <input
            id={ids.name}
            ref={nameRef}
            className="text-input export-mono"
            value={fileName}
            spellCheck={false}
            autoComplete="off"
            disabled={locked}
            aria-invalid={touched && !!nameProblem}
            aria-describedby={ids.nameHint}
            onChange={(e) => setFileName(e.target.value)}
            onBlur={() => !fileNameProblem(fileName) && setFileName(withExtension(fileName, format))}
          />
          <p id={ids.nameHint} className={touched && nameProblem ? 'export-problem' : 'field-hint'}>
            {touched && nameProblem ? t(nameProblem) : t('export.unsaved')}
          </p>
        </div>

        {phase.kind === 'exists' ? (
          <div className="alert alert-warn export-exists" role="alert">
            <Icon name="alert" className="alert-icon" />
            <div className="alert-body">
              <p className="alert-title">{t('export.existsTitle', { name: phase.name, folder: phase.folder })}</p>
              <p>{t('export.existsQuestion')}</p>
              <div className="export-exists-actions">
                <button type="button" className="button small primary" ref={(el) => el?.focus()} onClick={() => void write(true)}>
                  {t('export.replace')}
                </button>
                <button type="button" className="button small" onClick={keep}>
                  {t('export.keep')}
                </button>
              </div>
            </div>
          </div>
        ) : null}
        {refused ? (
          <div className="alert alert-error" role="alert">
            <Icon name="alert" className="alert-icon" />
            <div className="alert-body">
              <p className="alert-title">{t('export.refusedTitle')}</p>
              <p className="error-detail">{refused}</p>
            </div>
          </div>
        ) : null}
        <ErrorAlert error={error} onDismiss={() => setError(null)} />

        <div className="modal-actions">
          {/* Always present, so a screen reader announces the words when they appear. */}
          <p className="export-progress" role="status">
            {busy ? (
              <>
                <span className="spinner" aria-hidden="true" />
                {t(format === 'pdf' ? 'export.makingPdf' : 'export.writingHtml')}
              </>
            ) : null}
          </p>
          <button type="button" className="button" onClick={close} disabled={busy}>
            {t('export.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={locked} aria-disabled={busy || undefined}>
            {t('export.export')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** What was written: name, pages, size and folder, and the warnings in plain words. */
function ExportDone({ result, titleId, doneRef, onClose }: { result: ExportResult; titleId: string; doneRef: React.Ref<HTMLButtonElement>; onClose(): void }) {
  const { t, tn, language } = useI18n();
  const textId = useId();
  const { folder, name } = splitPath(result.path);
  // "412 KB" stays on one line.
  const size = sizeText(result.bytes, language).replace(' ', '\u00a0');
  const line =
    result.pages !== null
      ? t('export.done.pdf', { name, pages: tn('export.pages', result.pages), size, folder })
      : t('export.done.html', { name, size, folder });
  return (
    <Modal labelledBy={titleId} describedBy={textId} onClose={onClose} className="export-dialog">
      <div className="modal-body">
        <h2 id={titleId} className="modal-title">
          {t('export.done.title')}
        </h2>
        <div id={textId} className="export-result" role="status">
          <p className="export-saved">{line}</p>
          {result.warnings.length > 0 ? (
            <div className="alert alert-warn">
              <Icon name="alert" className="alert-icon" />
              <div className="alert-body">
                <p className="alert-title">{t('export.warnings')}</p>
                <ul className="export-warnings">
                  {result.warnings.map((w, i) => (
                    <li key={i}>{warningText(w, t)}</li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}
        </div>
        <div className="modal-actions">
          <button type="button" className="button primary" ref={doneRef} onClick={onClose}>
            {t('export.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
