/** Asks once for the name and e-mail address commits record, keeps them in the settings, and lets the commit go on. */
import { type FormEvent, useId, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { ErrorAlert } from '../../common/error-alert';
import { Modal } from '../../common/modal';
import { useSettings } from '../../common/settings-context';
import { useI18n } from '../../i18n/i18n-context';

/** A light check that catches typos like a missing "@"; the server and git accept anything else. */
function looksLikeEmail(value: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+$/.test(value);
}

/** Props: what to do once the settings hold a name and e-mail (commit again), and how to give up. */
export interface IdentityDialogProps {
  onSaved(): void;
  onCancel(): void;
}

/** The dialog; its fields start from the settings (one of the two may already be known). */
export function IdentityDialog({ onSaved, onCancel }: IdentityDialogProps) {
  const { t } = useI18n();
  const { settings, update } = useSettings();
  const titleId = useId();
  const textId = useId();
  const [name, setName] = useState(settings.authorName);
  const [email, setEmail] = useState(settings.authorEmail);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const emailBad = email.trim() !== '' && !looksLikeEmail(email.trim());
  const ready = name.trim() !== '' && email.trim() !== '' && !emailBad;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!ready || busy) return;
    setBusy(true);
    const failed = await update({ authorName: name.trim(), authorEmail: email.trim() });
    setBusy(false);
    if (failed) setError(failed);
    else onSaved();
  };

  return (
    <Modal labelledBy={titleId} describedBy={textId} onClose={onCancel} className="git-identity-dialog">
      <form className="modal-body" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId} className="modal-title">
          {t('gitChanges.identityTitle')}
        </h2>
        <p id={textId} className="muted">
          {t('gitChanges.identityText')}
        </p>
        <label className="git-field">
          <span className="field-label">{t('gitChanges.identityName')}</span>
          <input className="text-input" value={name} autoComplete="name" autoFocus onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className="git-field">
          <span className="field-label">{t('gitChanges.identityEmail')}</span>
          <input
            className="text-input"
            type="email"
            value={email}
            autoComplete="email"
            onChange={(e) => setEmail(e.target.value)}
            onBlur={() => setTouched(true)}
            aria-invalid={touched && emailBad ? 'true' : undefined}
            required
          />
          {touched && emailBad ? <span className="field-hint git-field-error">{t('gitChanges.identityInvalidEmail')}</span> : null}
        </label>
        <ErrorAlert error={error} onDismiss={() => setError(null)} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('gitChanges.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={!ready || busy}>
            {t('gitChanges.identitySave')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
