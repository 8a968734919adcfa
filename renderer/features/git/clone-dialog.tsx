/** "Get a site from a server": downloads a repository into a new folder (with progress and sign-in) and opens it as a site. */
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { ProgressEvent } from '../../../shared/contract/models';
import { sshToHttps } from '../../../shared/git/remote-url';
import { useApi, useEvent } from '../../api/api-context';
import { useAppInfo } from '../../common/app-info-context';
import { ErrorAlert } from '../../common/error-alert';
import { Modal } from '../../common/modal';
import { PathField } from '../../common/path-field/path-field';
import { useI18n } from '../../i18n/i18n-context';
import { isHttpsUrl, useRemoteCall } from './use-remote-call';
import './git-remote.css';

/** Props: how the app opens a site (it switches screens on success), and closing without cloning. */
export interface CloneDialogProps {
  openSite(path: string): Promise<AppError | null>;
  onClose(): void;
}

type Failure = { kind: 'error'; error: AppError } | { kind: 'offline' } | { kind: 'not-site'; path: string; error: AppError };

/** The address, the destination folder (native picker where there is one), progress, and failures in plain words. */
export function CloneDialog({ openSite, onClose }: CloneDialogProps) {
  const api = useApi();
  const info = useAppInfo();
  const { t } = useI18n();
  const ids = { title: useId(), url: useId(), urlHint: useId(), destHint: useId() };
  const remote = useRemoteCall();
  const [url, setUrl] = useState('');
  const [destination, setDestination] = useState(info.documentsDir || info.homeDir || '');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [suggestion, setSuggestion] = useState<string | null>(null);

  useEvent('progress', (e) => {
    if (busy) setProgress(e.finished ? null : e);
  });

  const address = url.trim();
  const https = sshToHttps(address) ?? suggestion;
  const looksWrong = address !== '' && !isHttpsUrl(address);
  const ready = !busy && !looksWrong && address !== '' && destination.trim() !== '';

  const pick = async () => {
    const r = await api['dialog.pickFolder']({ purpose: 'clone-destination', defaultPath: destination || undefined });
    if (r.ok && r.value) setDestination(r.value);
    else if (!r.ok) setFailure({ kind: 'error', error: r.error });
  };

  const start = async () => {
    if (!ready) return;
    setFailure(null);
    setSuggestion(null);
    setBusy(true);
    setProgress(null);
    const r = await remote.run(() => api['git.clone']({ url: address, destination: destination.trim() }), { url: address });
    setProgress(null);
    if (!r) {
      setBusy(false);
      return;
    }
    if (!r.ok) {
      setBusy(false);
      if (r.error.code === 'unreachable') setFailure({ kind: 'offline' });
      else if (r.error.code === 'not-supported' && r.error.suggestion) setSuggestion(r.error.suggestion);
      else setFailure({ kind: 'error', error: r.error });
      return;
    }
    const problem = await openSite(r.value.path);
    // On success the app shows the site and this dialog goes with the first screen.
    if (problem) {
      setBusy(false);
      setFailure({ kind: 'not-site', path: r.value.path, error: problem });
    }
  };

  const shownProgress = progress?.total ? t('gitRemote.clone.progress', { done: progress.done, total: progress.total }) : t('gitRemote.clone.working');

  return (
    <Modal labelledBy={ids.title} onClose={() => !busy && onClose()} className="git-dialog git-clone">
      <form
        className="modal-body"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <h2 id={ids.title} className="modal-title">
          {t('gitRemote.clone.title')}
        </h2>
        <div>
          <label className="field-label" htmlFor={ids.url}>
            {t('gitRemote.clone.url')}
          </label>
          <input
            id={ids.url}
            className="text-input"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              setSuggestion(null);
            }}
            placeholder={t('gitRemote.clone.urlPlaceholder')}
            aria-describedby={ids.urlHint}
            aria-invalid={looksWrong ? 'true' : undefined}
            spellCheck={false}
            autoComplete="url"
            disabled={busy}
            autoFocus
          />
          <p id={ids.urlHint} className={looksWrong && !https ? 'git-field-problem' : 'field-hint'}>
            {looksWrong && !https ? t('gitRemote.clone.urlInvalid') : t('gitRemote.clone.urlHint')}
          </p>
        </div>
        {https && (looksWrong || suggestion) ? (
          <div className="git-note git-note-warn">
            <div className="git-note-stack">
              <span>{t('gitRemote.clone.useHttps')}</span>
              <code className="link-target">{https}</code>
            </div>
            <button
              type="button"
              className="button small"
              onClick={() => {
                setUrl(https);
                setSuggestion(null);
              }}
            >
              {t('gitRemote.clone.useThis')}
            </button>
          </div>
        ) : null}
        <div>
          <div className="git-field-row">
            <PathField label={t('gitRemote.clone.destination')} value={destination} onChange={setDestination} describedBy={ids.destHint} disabled={busy} />
            {info.capabilities.folderPicker ? (
              <button type="button" className="button" onClick={() => void pick()} disabled={busy}>
                {t('gitRemote.clone.choose')}
              </button>
            ) : null}
          </div>
          <p id={ids.destHint} className="field-hint">
            {t('gitRemote.clone.destinationHint')}
          </p>
        </div>
        {busy ? (
          <div className="git-clone-progress" role="status">
            <span>{shownProgress}</span>
            <progress max={1} value={progress?.total ? Math.min(1, progress.done / progress.total) : undefined} aria-label={shownProgress} />
          </div>
        ) : null}
        {failure?.kind === 'offline' ? (
          <p className="git-note git-note-calm" role="alert">
            {t('gitRemote.clone.offline')}
          </p>
        ) : null}
        {failure?.kind === 'not-site' ? (
          <p className="git-note git-note-warn" role="alert">
            {t('gitRemote.clone.notSite', { path: failure.path })}
          </p>
        ) : null}
        <ErrorAlert error={failure?.kind === 'error' ? failure.error : failure?.kind === 'not-site' ? failure.error : null} onDismiss={() => setFailure(null)} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('gitRemote.clone.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={!ready}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {t('gitRemote.clone.start')}
          </button>
        </div>
      </form>
      {remote.dialog}
    </Modal>
  );
}
