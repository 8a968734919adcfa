/** The app: starts, picks the language and theme from the settings, and shows the first screen or an open site. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../shared/contract/errors';
import type { AppInfo, SiteSummary } from '../../shared/contract/models';
import { useApi } from '../api/api-context';
import { ErrorDetail, errorHeadline } from '../common/error-alert';
import { Icon } from '../common/icons';
import { LinkProvider } from '../common/external-links';
import { ProgressProvider, useProgress } from '../common/progress/progress-context';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { SettingsProvider, useSettings } from '../common/settings-context';
import { SiteScreen } from './workspace/site-screen';
import { WelcomeScreen } from '../features/welcome/welcome-screen';
import { CloneDialog } from '../features/git/clone-dialog';
import { createI18n, I18nProvider, useI18n } from '../i18n/i18n-context';
import { resolveLanguage } from '../i18n/translate';
import { useTheme } from '../theme/use-theme';
import { AppInfoContext } from '../common/app-info-context';
import { siteFromAddress, useStart } from './use-start';
import './app.css';

function browserLanguage(): string | null {
  return typeof navigator !== 'undefined' ? navigator.language : null;
}

/** The root component. */
export function App() {
  const [start, retry] = useStart();
  if (start.state === 'loading') return <Splash />;
  if (start.state === 'failed') return <StartFailed error={start.error} onRetry={retry} />;
  return (
    <AppInfoContext.Provider value={start.info}>
      <SettingsProvider initial={start.settings}>
        <Localised info={start.info} />
      </SettingsProvider>
    </AppInfoContext.Provider>
  );
}

/** Applies language and theme from the live settings, so a change in the dialog shows at once. */
function Localised({ info }: { info: AppInfo }) {
  const { settings } = useSettings();
  useTheme(settings.theme);
  const language = resolveLanguage(settings.uiLanguage, info.systemLanguage, browserLanguage());
  return (
    <I18nProvider language={language}>
      <ProgressProvider>
        <LinkProvider>
          <Screens />
        </LinkProvider>
      </ProgressProvider>
    </I18nProvider>
  );
}

/** Switches between the first screen and the site screen; the settings dialog sits over either. */
function Screens() {
  const api = useApi();
  const { track } = useProgress();
  const [site, setSite] = useState<SiteSummary | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [startError, setStartError] = useState<AppError | null>(null);
  const [ready, setReady] = useState(false);
  const started = useRef(false);

  const openSite = useCallback(
    async (path: string): Promise<AppError | null> => {
      const r = await track('busy.openingSite', () => api['site.open']({ path }));
      if (!r.ok) return r.error;
      setSite(r.value);
      return null;
    },
    [api, track],
  );

  // `?site=<path>` opens that site at once (browser mode's `pressroom serve <site>`); the address is then cleaned
  // so closing the site and reloading does not reopen it.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const initial = siteFromAddress(window.location.search);
    if (!initial) {
      // No site in the address: reopen the one that was open when Pressroom last ran (after a crash, a killed
      // process, a reload or a closed tab too); if it cannot be opened any more, the first screen shows.
      void api['session.get']({}).then(async (r) => {
        if (r.ok && r.value) await openSite(r.value.site);
        setReady(true);
      });
      return;
    }
    const url = new URL(window.location.href);
    url.searchParams.delete('site');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    void openSite(initial).then((error) => {
      setStartError(error);
      setReady(true);
    });
  }, [api, openSite]);

  const openSettings = () => setSettingsOpen(true);
  return (
    <>
      {site ? (
        <SiteScreen key={site.root} site={site} onClose={() => setSite(null)} onOpenSettings={openSettings} />
      ) : ready ? (
        <WelcomeScreen openSite={openSite} onOpenSettings={openSettings} initialError={startError} renderClone={(close) => <CloneDialog openSite={openSite} onClose={close} />} />
      ) : (
        <Splash />
      )}
      {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
    </>
  );
}

/** Shown for the moment before the first screen. */
function Splash() {
  const { t } = useI18n();
  return (
    <div className="splash" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{t('app.loading')}</span>
    </div>
  );
}

/** Shown when the app cannot reach main at all; before the settings are known, so in the browser's language. */
function StartFailed({ error, onRetry }: { error: AppError; onRetry(): void }) {
  const { t } = createI18n(resolveLanguage('system', null, browserLanguage()));
  return (
    <div className="start-failed">
      <div role="alert" className="alert alert-error start-alert">
        <Icon name="alert" className="alert-icon" />
        <div className="alert-body">
          <p className="alert-title">{t('app.startFailed')}</p>
          <p>{errorHeadline(error, t)}</p>
          <I18nProvider language={resolveLanguage('system', null, browserLanguage())}>
            <ErrorDetail error={error} />
          </I18nProvider>
          <button type="button" className="button" onClick={onRetry}>
            {t('app.retry')}
          </button>
        </div>
      </div>
    </div>
  );
}
