/** The questions and answers around a branch switch: take the changes along or stay, and why a switch was refused. */
import { useId } from 'react';
import { Modal } from '../../common/modal';
import { useI18n } from '../../i18n/i18n-context';

/** Props of the question: where to, where from, and what would come along. */
export interface SwitchDialogProps {
  /** The branch to switch to (or create). */
  target: string;
  /** The current branch, or null on a detached HEAD. */
  current: string | null;
  unsavedCount: number;
  changeCount: number;
  busy: boolean;
  /** Saving the open posts failed, so nothing was switched. */
  saveFailed: boolean;
  onTake(): void;
  onStay(): void;
}

/** "Take my changes to <branch>" or "Stay on <current>", with what the changes are. */
export function SwitchDialog({ target, current, unsavedCount, changeCount, busy, saveFailed, onTake, onStay }: SwitchDialogProps) {
  const { t, tn } = useI18n();
  const titleId = useId();
  const textId = useId();
  return (
    <Modal role="alertdialog" labelledBy={titleId} describedBy={textId} onClose={() => !busy && onStay()} className="git-dialog git-question">
      <div className="modal-body">
        <h2 id={titleId} className="modal-title">
          {t('gitRemote.switch.title', { branch: target })}
        </h2>
        <div id={textId} className="git-dialog-text">
          <ul className="git-facts">
            {unsavedCount > 0 ? <li>{tn('gitRemote.switch.unsaved', unsavedCount)}</li> : null}
            {changeCount > 0 ? <li>{tn('gitRemote.switch.changes', changeCount)}</li> : null}
          </ul>
          <p>{t(unsavedCount > 0 ? 'gitRemote.switch.explain' : 'gitRemote.switch.explainSaved', { branch: target })}</p>
          {saveFailed ? (
            <p className="git-note git-note-warn" role="alert">
              {t('gitRemote.switch.saveFailed')}
            </p>
          ) : null}
        </div>
        <div className="modal-actions git-actions-stacked">
          <button type="button" className="button" onClick={onStay} disabled={busy}>
            {current ? t('gitRemote.switch.stay', { branch: current }) : t('gitRemote.switch.stayDetached')}
          </button>
          <button type="button" className="button primary" onClick={onTake} disabled={busy} autoFocus>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {t('gitRemote.switch.take', { branch: target })}
          </button>
        </div>
      </div>
    </Modal>
  );
}

/** A refused switch: the files that would have been overwritten, and that nothing changed. */
export function SwitchConflictDialog({ target, paths, onClose }: { target: string; paths: string[]; onClose(): void }) {
  const { t } = useI18n();
  const titleId = useId();
  const textId = useId();
  return (
    <Modal role="alertdialog" labelledBy={titleId} describedBy={textId} onClose={onClose} className="git-dialog git-question">
      <div className="modal-body">
        <h2 id={titleId} className="modal-title">
          {t('gitRemote.switch.conflictTitle', { branch: target })}
        </h2>
        <div id={textId} className="git-dialog-text">
          <p>{t('gitRemote.switch.conflictText')}</p>
          <PathList paths={paths} />
          <p>{t('gitRemote.switch.conflictHelp')}</p>
        </div>
        <div className="modal-actions">
          <button type="button" className="button primary" onClick={onClose} autoFocus>
            {t('gitRemote.switch.ok')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

/** Files in a dialog: monospace, scrolling when long. */
export function PathList({ paths }: { paths: readonly string[] }) {
  return (
    <ul className="git-path-list">
      {paths.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
