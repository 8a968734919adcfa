/** For a site folder that is not a repository yet: says what keeping history means and starts it only when the user confirms. */
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { GitStatus } from '../../../shared/contract/git-models';
import type { SiteSummary } from '../../../shared/contract/models';
import { useApi } from '../../api/api-context';
import { Icon } from '../../common/icons';
import { Modal } from '../../common/modal';
import { useI18n } from '../../i18n/i18n-context';

/** Props: the site, and where the new status (or the failure) goes. */
export interface InitOfferProps {
  site: SiteSummary;
  onStarted(status: GitStatus): void;
  onError(error: AppError): void;
}

/** The offer and its confirmation; `git.init` is never called without the second click. */
export function InitOffer({ site, onStarted, onError }: InitOfferProps) {
  const { t } = useI18n();
  const api = useApi();
  const titleId = useId();
  const textId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    const r = await api['git.init']({ site: site.root });
    setBusy(false);
    setConfirming(false);
    if (r.ok) onStarted(r.value);
    else onError(r.error);
  };
  return (
    <div className="git-init">
      <Icon name="clock" className="git-init-icon" />
      <h3 className="git-init-title">{t('gitChanges.initTitle')}</h3>
      <p className="muted">{t('gitChanges.initText')}</p>
      <button type="button" className="button primary" onClick={() => setConfirming(true)}>
        {t('gitChanges.initButton')}
      </button>
      {confirming ? (
        <Modal role="alertdialog" labelledBy={titleId} describedBy={textId} onClose={() => !busy && setConfirming(false)} className="confirm-dialog">
          <div className="modal-body">
            <h2 id={titleId} className="modal-title">
              {t('gitChanges.initConfirmTitle', { name: site.name })}
            </h2>
            <p id={textId}>{t('gitChanges.initConfirmText')}</p>
            <div className="modal-actions">
              <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
                {t('gitChanges.cancel')}
              </button>
              <button type="button" className="button primary" disabled={busy} autoFocus onClick={() => void start()}>
                {t('gitChanges.initConfirm')}
              </button>
            </div>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}
