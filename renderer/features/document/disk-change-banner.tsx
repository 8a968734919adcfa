/**
 * The banner of a document whose file changed or went on disk while it was open. Nothing is overwritten
 * silently: "Keep mine" first shows what it replaces; "Take the disk's" can be undone; "Save as…" writes a
 * new file and never replaces one; a file that went keeps its text and can be saved again or elsewhere.
 */
import { useId, useState } from 'react';
import { CompareView } from '../../common/compare/compare-view';
import { errorHeadline } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { Modal } from '../../common/modal';
import { useI18n } from '../../i18n/i18n-context';
import type { AppError } from '../../../shared/contract/errors';
import type { DocumentTabs, TabInfo } from './document-tabs';
import { saveAsPath } from './disk-state';
import './disk-change-banner.css';

/** What the banner shows below its buttons. */
type Open = 'none' | 'compare' | 'confirm-keep';

function undoShortcut(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z';
}

/** A name for "Save as…" to start from: the same folder, "-copy" before the extension. */
export function copyName(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? `${path.slice(0, dot)}-copy${path.slice(dot)}` : `${path}-copy`;
}

/** The banner for `tab` when its file differs from the disk (renders nothing otherwise). */
export function DiskChangeBanner({ store, tab }: { store: DocumentTabs; tab: TabInfo }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>('none');
  const [savingAs, setSavingAs] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const { disk, path } = tab;

  if (!disk) {
    return note ? (
      <p className="disk-note" role="status">
        {note}
      </p>
    ) : null;
  }
  const mine = () => store.editorState(path)?.doc.toString() ?? '';
  const busy = tab.saving;
  const saveAgain = async () => {
    const r = await store.saveAs(path, path);
    setFailure(r.ok ? null : r.error);
  };

  return (
    <div className={`alert ${disk.kind === 'removed' ? 'alert-error' : 'alert-warn'} document-banner disk-banner`} role="alert">
      <Icon name="alert" className="alert-icon" />
      <div className="alert-body">
        <p className="alert-title">{disk.kind === 'removed' ? t('disk.removedTitle') : t('disk.changedTitle')}</p>
        <p className="error-detail">{disk.kind === 'removed' ? t('disk.removedText') : t('disk.changedText')}</p>
        {failure ? <p className="disk-failure">{errorHeadline(failure, t)}</p> : null}
        {open === 'confirm-keep' && disk.kind === 'changed' ? (
          <div className="disk-confirm">
            <p className="alert-title">{t('disk.keepMineTitle')}</p>
            <p className="error-detail">{t('disk.keepMineText')}</p>
            <CompareView key={disk.version} label={t('compare.label', { path })} disk={disk.text} mine={mine()} />
            <div className="banner-actions">
              <button type="button" className="button small" disabled={busy} onClick={() => setOpen('none')}>
                {t('disk.cancel')}
              </button>
              <button
                type="button"
                className="button small primary"
                disabled={busy}
                onClick={async () => {
                  const saved = await store.keepMine(path);
                  setOpen('none');
                  setFailure(saved ? null : (store.tab(path)?.saveError ?? null));
                }}
              >
                {t('disk.keepMineConfirm')}
              </button>
            </div>
          </div>
        ) : (
          <div className="banner-actions">
            {disk.kind === 'changed' ? (
              <>
                <button type="button" className="button small" aria-expanded={open === 'compare'} onClick={() => setOpen(open === 'compare' ? 'none' : 'compare')}>
                  {open === 'compare' ? t('disk.hideCompare') : t('disk.compare')}
                </button>
                <button type="button" className="button small" disabled={busy} onClick={() => setOpen('confirm-keep')}>
                  {t('disk.keepMine')}
                </button>
                <button
                  type="button"
                  className="button small"
                  disabled={busy}
                  onClick={() => {
                    store.takeDisk(path);
                    setOpen('none');
                    setNote(t('disk.tookDisk', { shortcut: undoShortcut() }));
                  }}
                >
                  {t('disk.takeDisk')}
                </button>
              </>
            ) : (
              <button type="button" className="button small primary" disabled={busy} onClick={() => void saveAgain()}>
                {t('disk.saveAgain', { path })}
              </button>
            )}
            <button type="button" className="button small" disabled={busy} onClick={() => setSavingAs(true)}>
              {t('disk.saveAs')}
            </button>
          </div>
        )}
        {open === 'compare' && disk.kind === 'changed' ? <CompareView key={disk.version} label={t('compare.label', { path })} disk={disk.text} mine={mine()} /> : null}
      </div>
      {savingAs ? (
        <SaveAsDialog
          initial={copyName(path)}
          onSave={async (target) => {
            const r = await store.saveAs(path, target);
            if (r.ok) {
              setSavingAs(false);
              setFailure(null);
              setNote(t('disk.savedAs', { path: target }));
            }
            return r.ok ? null : r.error;
          }}
          onClose={() => setSavingAs(false)}
        />
      ) : null}
    </div>
  );
}

/** Asks for the new file's site-relative path; an existing file is refused by main, never replaced. */
export function SaveAsDialog({ initial, onSave, onClose }: { initial: string; onSave(path: string): Promise<AppError | null>; onClose(): void }) {
  const { t } = useI18n();
  const titleId = useId();
  const inputId = useId();
  const hintId = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = saveAsPath(value);
  const submit = async () => {
    if (!target || busy) return;
    setBusy(true);
    const failed = await onSave(target);
    setBusy(false);
    setError(failed ? errorHeadline(failed, t) : null);
  };
  return (
    <Modal labelledBy={titleId} describedBy={hintId} onClose={onClose} className="confirm-dialog">
      <form
        className="modal-body"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={titleId} className="modal-title">
          {t('disk.saveAsTitle')}
        </h2>
        <label htmlFor={inputId} className="field-label">
          {t('disk.saveAsLabel')}
        </label>
        <input id={inputId} className="text-input" value={value} autoFocus spellCheck={false} aria-invalid={!!error || !target} onChange={(e) => setValue(e.target.value)} />
        <p id={hintId} className="muted disk-hint">
          {t('disk.saveAsHint')}
        </p>
        {error ? (
          <p className="disk-failure" role="alert">
            {error}
          </p>
        ) : null}
        <div className="modal-actions">
          <span className="modal-actions-gap" />
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            {t('disk.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || !target}>
            {t('disk.saveAsConfirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
