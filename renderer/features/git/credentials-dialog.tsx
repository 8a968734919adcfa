/** Asks for a user name and access token for a git server, keeps them through `git.setCredentials`, and says how they are kept. */
import { useEffect, useId, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { GitCredentialInfo } from '../../../shared/contract/git-models';
import { useApi } from '../../api/api-context';
import { ErrorAlert } from '../../common/error-alert';
import { Modal } from '../../common/modal';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';

/** Why the dialog shows: no credentials known yet, or the server refused the ones it had. */
export type CredentialsReason = 'missing' | 'auth-failed';

/** Props: whose credentials (a site's remote or a URL) and what happens after. */
export interface CredentialsDialogProps {
  site?: string;
  url?: string;
  reason: CredentialsReason;
  /** The credentials are kept; the caller tries again. */
  onSaved(info: GitCredentialInfo): void;
  onCancel(): void;
}

/** The sign-in form: user name, token (never shown), "Remember on this computer". */
export function CredentialsDialog({ site, url, reason, onSaved, onCancel }: CredentialsDialogProps) {
  const api = useApi();
  const { t } = useI18n();
  const ids = { title: useId(), text: useId(), user: useId(), token: useId(), tokenHint: useId(), remember: useId(), rememberHint: useId() };
  const [known, setKnown] = useState<GitCredentialInfo | null>(null);
  const [username, setUsername] = useState('');
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void api['git.credentials']({ site, url }).then((r) => {
      if (!current || !r.ok) return;
      setKnown(r.value);
      if (r.value.username) setUsername((u) => u || (r.value.username ?? ''));
      if (r.value.protection && r.value.protection !== 'session') setRemember(true);
    });
    return () => {
      current = false;
    };
  }, [api, site, url]);

  const ready = username.trim() !== '' && token !== '' && !busy;
  const save = async () => {
    if (!ready) return;
    setBusy(true);
    setError(null);
    const r = await api['git.setCredentials']({ site, url, username: username.trim(), token, remember });
    setBusy(false);
    if (r.ok) onSaved(r.value);
    else setError(r.error);
  };

  return (
    <Modal labelledBy={ids.title} describedBy={ids.text} onClose={onCancel} className="git-dialog git-credentials">
      <form
        className="modal-body"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={ids.title} className="modal-title">
          {known?.host ? t('gitRemote.cred.title', { host: known.host }) : t('gitRemote.cred.titleNoHost')}
        </h2>
        <p id={ids.text} className={reason === 'auth-failed' ? 'git-note git-note-warn' : 'git-note'}>
          {reason === 'auth-failed' ? t('gitRemote.cred.failed') : t('gitRemote.cred.missing')}
        </p>
        <div>
          <label className="field-label" htmlFor={ids.user}>
            {t('gitRemote.cred.username')}
          </label>
          <input id={ids.user} className="text-input" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} disabled={busy} autoFocus={!username} />
        </div>
        <div>
          <label className="field-label" htmlFor={ids.token}>
            {t('gitRemote.cred.token')}
          </label>
          <input
            id={ids.token}
            className="text-input"
            type="password"
            autoComplete="current-password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby={ids.tokenHint}
            disabled={busy}
            autoFocus={!!username}
          />
          <p id={ids.tokenHint} className="field-hint">
            {t('gitRemote.cred.tokenHint')}
          </p>
        </div>
        <div className="git-check">
          <input id={ids.remember} type="checkbox" className="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} aria-describedby={ids.rememberHint} disabled={busy} />
          <div>
            <label htmlFor={ids.remember}>{t('gitRemote.cred.remember')}</label>
            <p id={ids.rememberHint} className="field-hint">
              {known?.protection ? t(`gitRemote.cred.kept.${known.protection}` as MessageKey) : t('gitRemote.cred.rememberHint')}
            </p>
          </div>
        </div>
        <ErrorAlert error={error} onDismiss={() => setError(null)} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('gitRemote.cred.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={!ready}>
            {t('gitRemote.cred.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
