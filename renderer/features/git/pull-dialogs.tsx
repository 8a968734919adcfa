/** The two questions a pull can raise: both sides have new commits (merge or not now), and files changed on both sides. */
import { useId } from 'react';
import { Modal } from '../../common/modal';
import { useI18n } from '../../i18n/i18n-context';
import { PathList } from './switch-dialog';

/** "Both you and the server have new commits": combine them, or leave everything as it is. */
export function DivergedDialog({ ahead, behind, onMerge, onCancel }: { ahead: number; behind: number; onMerge(): void; onCancel(): void }) {
  const { t, tn } = useI18n();
  const titleId = useId();
  const textId = useId();
  return (
    <Modal role="alertdialog" labelledBy={titleId} describedBy={textId} onClose={onCancel} className="git-dialog git-question">
      <div className="modal-body">
        <h2 id={titleId} className="modal-title">
          {t('gitRemote.diverged.title')}
        </h2>
        <div id={textId} className="git-dialog-text">
          <p>{t('gitRemote.diverged.text', { ahead: tn('gitRemote.diverged.ahead', ahead), behind: tn('gitRemote.diverged.ahead', behind) })}</p>
          <p>{t('gitRemote.diverged.explain')}</p>
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('gitRemote.diverged.notNow')}
          </button>
          <button type="button" className="button primary" onClick={onMerge} autoFocus>
            {t('gitRemote.diverged.merge')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

/** Files changed on both sides: which ones, how to finish (edit, then commit), or undo the pull. */
export function PullConflictDialog({ paths, busy, onUndo, onResolve }: { paths: string[]; busy: boolean; onUndo(): void; onResolve(): void }) {
  const { t } = useI18n();
  const titleId = useId();
  const textId = useId();
  return (
    <Modal role="alertdialog" labelledBy={titleId} describedBy={textId} onClose={onResolve} className="git-dialog git-question">
      <div className="modal-body">
        <h2 id={titleId} className="modal-title">
          {t('gitRemote.conflict.title')}
        </h2>
        <div id={textId} className="git-dialog-text">
          <p>{t('gitRemote.conflict.text')}</p>
          <PathList paths={paths} />
          <p>{t('gitRemote.conflict.howTo')}</p>
          <p>{t('gitRemote.conflict.undoHint')}</p>
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onUndo} disabled={busy}>
            {t('gitRemote.conflict.undo')}
          </button>
          <button type="button" className="button primary" onClick={onResolve} disabled={busy} autoFocus>
            {t('gitRemote.conflict.resolve')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
