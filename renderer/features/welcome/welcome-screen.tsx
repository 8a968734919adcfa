/** The first screen: open a site folder, try the sample site, or reopen a recent site. */
import { type ReactNode, useId, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { useApi } from '../../api/api-context';
import { useAppInfo } from '../../common/app-info-context';
import { ErrorAlert } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { ExternalLink } from '../../common/external-links';
import { useProgress } from '../../common/progress/progress-context';
import { PathField } from '../../common/path-field/path-field';
import { RecentSites } from './recent-sites';
import { SamplePanel } from './sample-panel';
import './welcome.css';

/** Props: how to open a site (the app switches screens on success) and how to show the settings. */
export interface WelcomeScreenProps {
  openSite(path: string): Promise<AppError | null>;
  onOpenSettings(): void;
  /** An error from before this screen showed (e.g. a `?site=` that could not be opened). */
  initialError?: AppError | null;
  /** The shell's "Get a site from a server" dialog (features do not import each other); `close` hides it. */
  renderClone?(close: () => void): ReactNode;
}

/** The three ways in, and one alert region for anything that goes wrong. */
export function WelcomeScreen({ openSite, onOpenSettings, initialError = null, renderClone }: WelcomeScreenProps) {
  const api = useApi();
  const info = useAppInfo();
  const { t } = useI18n();
  const { track, busy } = useProgress();
  const [error, setError] = useState<AppError | null>(initialError);
  const [folder, setFolder] = useState('');
  const [sampleOpen, setSampleOpen] = useState(false);
  const [cloneOpen, setCloneOpen] = useState(false);
  const folderInput = useRef<HTMLInputElement>(null);
  const openHintId = useId();
  const sampleHintId = useId();
  const cloneHintId = useId();
  const picker = info.capabilities.folderPicker;

  const open = async (path: string) => {
    setError(null);
    const failure = await openSite(path);
    if (failure) setError(failure);
  };

  const onOpenFolder = async () => {
    if (!picker) {
      folderInput.current?.focus();
      return;
    }
    setError(null);
    const r = await api['dialog.pickFolder']({ purpose: 'open-site' });
    if (!r.ok) setError(r.error);
    else if (r.value) await open(r.value);
  };

  const createSample = async (destination: string) => {
    setError(null);
    const created = await track('busy.creatingSample', () => api['sample.create']({ destination }));
    if (!created.ok) {
      setError(created.error);
      return;
    }
    await open(created.value.path);
  };

  return (
    <div className="welcome">
      <header className="welcome-bar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="file" />
          </span>
          <span className="brand-name">{info.name || t('app.name')}</span>
        </div>
        <button type="button" className="button ghost" onClick={onOpenSettings}>
          <Icon name="gear" />
          {t('site.settings')}
        </button>
      </header>
      <main className="welcome-main">
        <div className="welcome-intro">
          <h1 className="welcome-title">{t('welcome.heading')}</h1>
          <p className="welcome-tagline">{t('app.tagline')}</p>
        </div>
        <div className="welcome-grid">
          <section className="welcome-actions" aria-label={t('welcome.start')}>
            <div className="action">
              <div className="action-head">
                <span className="action-icon" aria-hidden="true">
                  <Icon name="folder" />
                </span>
                <div className="action-text">
                  <button type="button" className="button primary action-button" onClick={() => void onOpenFolder()} disabled={busy} aria-describedby={openHintId}>
                    {t('welcome.openFolder')}
                  </button>
                  <p id={openHintId} className="action-hint">
                    {t('welcome.openFolderHint')}
                  </p>
                </div>
              </div>
              {picker ? null : (
                <form
                  className="action-panel"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (folder.trim()) void open(folder.trim());
                  }}
                >
                  <div className="field-row">
                    <PathField
                      label={t('welcome.siteFolder')}
                      value={folder}
                      onChange={setFolder}
                      onSubmit={() => folder.trim() && void open(folder.trim())}
                      placeholder={t('welcome.siteFolderPlaceholder', { example: `${info.documentsDir || info.homeDir}` })}
                      inputRef={folderInput}
                      disabled={busy}
                    />
                    <button type="submit" className="button primary" disabled={busy || !folder.trim()}>
                      {t('welcome.open')}
                    </button>
                  </div>
                </form>
              )}
            </div>

            <div className="action">
              <div className="action-head">
                <span className="action-icon sample" aria-hidden="true">
                  <Icon name="sample" />
                </span>
                <div className="action-text">
                  <button
                    type="button"
                    className="button action-button"
                    onClick={() => setSampleOpen((o) => !o)}
                    aria-expanded={sampleOpen}
                    aria-describedby={sampleHintId}
                    disabled={busy}
                  >
                    {t('welcome.openSample')}
                  </button>
                  <p id={sampleHintId} className="action-hint">
                    {t('welcome.openSampleHint')}
                  </p>
                </div>
              </div>
              {sampleOpen ? <SamplePanel onCreate={(d) => void createSample(d)} onCancel={() => setSampleOpen(false)} disabled={busy} /> : null}
            </div>

            {renderClone ? (
              <div className="action">
                <div className="action-head">
                  <span className="action-icon" aria-hidden="true">
                    <Icon name="link" />
                  </span>
                  <div className="action-text">
                    <button type="button" className="button action-button" onClick={() => setCloneOpen(true)} aria-haspopup="dialog" aria-describedby={cloneHintId} disabled={busy}>
                      {t('gitRemote.clone.open')}
                    </button>
                    <p id={cloneHintId} className="action-hint">
                      {t('gitRemote.clone.openHint')}
                    </p>
                  </div>
                </div>
                {cloneOpen ? renderClone(() => setCloneOpen(false)) : null}
              </div>
            ) : null}

            <ErrorAlert error={error} onDismiss={() => setError(null)} />
          </section>
          <RecentSites onOpen={(p) => void open(p)} onError={setError} disabled={busy} />
        </div>
      </main>
      <footer className="welcome-footer">
        <ExternalLink href="https://jekyllrb.com/docs/">{t('welcome.jekyllLink')}</ExternalLink>
        <span className="muted">
          {info.name} {info.version}
        </span>
      </footer>
    </div>
  );
}
