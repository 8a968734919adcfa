/** The questions around sending: commits without a sign-off, and a server that has newer commits. */
import { useId } from 'react';
import type { GitCommitSummary } from '../../../shared/contract/git-models';
import { Modal } from '../../common/modal';
import { useI18n } from '../../i18n/i18n-context';

/** What the user chose for unsigned commits. */
export type SignOffChoice = 'add' | 'anyway' | 'cancel';

/** Lists the commits without a sign-off: add it and send, send anyway, or cancel. */
export function SignOffDialog({ commits, onChoose }: { commits: GitCommitSummary[]; onChoose(choice: SignOffChoice): void }) {
  const { t, tn, moment } = useI18n();
  const titleId = useId();
  const textId = useId();
  return (
    <Modal role="alertdialog" labelledBy={titleId} describedBy={textId} onClose={() => onChoose('cancel')} className="git-dialog git-signoff">
      <div className="modal-body">
        <h2 id={titleId} className="modal-title">
          {tn('gitRemote.signOff.title', commits.length)}
        </h2>
        <div id={textId} className="git-dialog-text">
          <p>{tn('gitRemote.signOff.text', commits.length)}</p>
          <ul className="git-commit-list">
            {commits.map((c) => (
              <li key={c.oid}>
                <span className="git-commit-summary">{c.summary}</span>
                <span className="git-commit-meta">
                  {c.authorName} · {moment(c.date)}
                </span>
              </li>
            ))}
          </ul>
          <p>{t('gitRemote.signOff.explain')}</p>
        </div>
        <div className="modal-actions">
          <button type="button" className="button ghost" onClick={() => onChoose('cancel')}>
            {t('gitRemote.signOff.cancel')}
          </button>
          <span className="modal-actions-gap" />
          <button type="button" className="button" onClick={() => onChoose('anyway')}>
            {t('gitRemote.signOff.anyway')}
          </button>
          <button type="button" className="button primary" onClick={() => onChoose('add')} autoFocus>
            {t('gitRemote.signOff.add')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

/** The server refused the push because it has newer commits: get them first. */
export function RejectedDialog({ onPull, onClose }: { onPull(): void; onClose(): void }) {
  const { t } = useI18n();
  const titleId = useId();
  const textId = useId();
  return (
    <Modal role="alertdialog" labelledBy={titleId} describedBy={textId} onClose={onClose} className="git-dialog git-question">
      <div className="modal-body">
        <h2 id={titleId} className="modal-title">
          {t('gitRemote.rejected.title')}
        </h2>
        <p id={textId}>{t('gitRemote.rejected.text')}</p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('gitRemote.rejected.close')}
          </button>
          <button type="button" className="button primary" onClick={onPull} autoFocus>
            {t('gitRemote.rejected.pull')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
