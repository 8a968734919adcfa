/** Where a commit is written: a summary (72 characters at most, as a hint), an optional description, sign-off, and the Commit button. */
import { type KeyboardEvent, useId, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { useApi } from '../../api/api-context';
import { useSettings } from '../../common/settings-context';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import { IdentityDialog } from './identity-dialog';

/** The length git tools and hosting sites show of a summary before they cut it. */
export const SUMMARY_HINT_LENGTH = 72;

/** Props: the site, how many files are included and how many conflict, and what follows a commit or a failure. */
export interface CommitBoxProps {
  site: string;
  included: number;
  conflicts: number;
  onCommitted(): void;
  onError(error: AppError): void;
}

/** Why the button cannot be pressed now, or null when it can. */
function blockedBy(included: number, conflicts: number, summary: string, busy: boolean): MessageKey | null {
  if (busy) return 'gitChanges.whyBusy';
  if (conflicts > 0) return 'gitChanges.whyConflicts';
  if (included === 0) return 'gitChanges.whyNothingIncluded';
  if (summary.trim() === '') return 'gitChanges.whyNoSummary';
  return null;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The box; Ctrl+Enter (⌘+Enter on a Mac) in either field commits. */
export function CommitBox({ site, included, conflicts, onCommitted, onError }: CommitBoxProps) {
  const { t } = useI18n();
  const api = useApi();
  const { settings } = useSettings();
  const id = useId();
  const [summary, setSummary] = useState('');
  const [description, setDescription] = useState('');
  const [signOff, setSignOff] = useState(settings.signOffCommits);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [askIdentity, setAskIdentity] = useState(false);
  const why = blockedBy(included, conflicts, summary, busy);
  const length = [...summary.trim()].length;
  const signOffLine = settings.authorName && settings.authorEmail ? `Signed-off-by: ${settings.authorName} <${settings.authorEmail}>` : null;

  const commit = async () => {
    if (blockedBy(included, conflicts, summary, busy)) return;
    const text = summary.trim();
    setBusy(true);
    setDone(null);
    const r = await api['git.commit']({ site, summary: text, description: description.trim() || undefined, signOff });
    setBusy(false);
    if (r.ok) {
      setSummary('');
      setDescription('');
      setDone(text);
      onCommitted();
    } else if (r.error.code === 'identity-missing') setAskIdentity(true);
    else onError(r.error);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void commit();
    }
  };

  return (
    <section className="git-commit" aria-labelledby={`${id}-summary-label`} onKeyDown={onKeyDown}>
      <label className="git-field">
        <span className="field-label" id={`${id}-summary-label`}>
          {t('gitChanges.summary')}
        </span>
        <input
          className="text-input"
          value={summary}
          maxLength={500}
          placeholder={t('gitChanges.summaryPlaceholder')}
          aria-describedby={`${id}-length`}
          onChange={(e) => {
            setSummary(e.target.value);
            setDone(null);
          }}
        />
        <span id={`${id}-length`} className={`field-hint git-summary-length ${length > SUMMARY_HINT_LENGTH ? 'is-long' : ''}`}>
          {length === 0 ? t('gitChanges.summaryHint') : length > SUMMARY_HINT_LENGTH ? t('gitChanges.summaryTooLong', { count: length }) : t('gitChanges.summaryLength', { count: length })}
        </span>
      </label>
      <label className="git-field">
        <span className="field-label">{t('gitChanges.description')}</span>
        <textarea className="text-input git-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label className="git-commit-signoff">
        <input type="checkbox" className="checkbox" checked={signOff} onChange={(e) => setSignOff(e.target.checked)} aria-describedby={`${id}-signoff`} />
        <span>{t('gitChanges.signOff')}</span>
      </label>
      <p id={`${id}-signoff`} className={`field-hint git-commit-signoff-line ${signOff ? '' : 'is-off'}`}>
        {signOffLine ? t('gitChanges.signOffLine', { line: signOffLine }) : t('gitChanges.signOffUnknown')}
      </p>
      <div className="git-commit-actions">
        <button type="button" className="button primary" disabled={why !== null} aria-describedby={why ? `${id}-why` : undefined} onClick={() => void commit()} title={isMac ? t('gitChanges.commitShortcutMac') : t('gitChanges.commitShortcut')}>
          {t('gitChanges.commit')}
        </button>
        {why ? (
          <span id={`${id}-why`} className="git-commit-why">
            {t(why)}
          </span>
        ) : null}
      </div>
      <p className="git-committed" role="status">
        {done ? t('gitChanges.committed', { summary: done }) : ''}
      </p>
      {askIdentity ? (
        <IdentityDialog
          onCancel={() => setAskIdentity(false)}
          onSaved={() => {
            setAskIdentity(false);
            void commit();
          }}
        />
      ) : null}
    </section>
  );
}
