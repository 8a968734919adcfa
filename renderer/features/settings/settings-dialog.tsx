/** The settings dialog: language, theme, commit identity, autosave and the sample folder; each change is saved at once. */
import { useEffect, useId, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Settings, ThemeChoice, UiLanguage } from '../../../shared/contract/models';
import { ErrorAlert } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { Modal } from '../../common/modal';
import { useI18n } from '../../i18n/i18n-context';
import { PathField } from '../../common/path-field/path-field';
import { useSettings } from '../../common/settings-context';
import './settings.css';

/** How long a text field waits after the last key before it saves. */
const TEXT_SAVE_DELAY_MS = 400;

type TextKey = 'authorName' | 'authorEmail' | 'sampleDestination';

/** Text settings are saved after a short pause and when the field is left, so every key press is not a write. */
function useTextSetting(key: TextKey, save: (patch: Partial<Settings>) => void) {
  const { settings } = useSettings();
  const [value, setValue] = useState(settings[key]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current !== null) {
      save({ [key]: pending.current });
      pending.current = null;
    }
  };
  const change = (v: string) => {
    setValue(v);
    pending.current = v;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, TEXT_SAVE_DELAY_MS);
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => flushRef.current(), []);
  return { value, change, flush };
}

/** The dialog; `onClose` is called for Escape, the close button and a click beside it. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const { settings, update } = useSettings();
  const titleId = useId();
  const ids = { name: useId(), email: useId(), autosave: useId(), autosaveOn: useId(), signOff: useId(), signOffHint: useId(), autosaveHint: useId() };
  const [error, setError] = useState<AppError | null>(null);
  const save = (patch: Partial<Settings>) => {
    void update(patch).then((e) => setError(e));
  };
  const name = useTextSetting('authorName', save);
  const email = useTextSetting('authorEmail', save);
  const sample = useTextSetting('sampleDestination', save);
  const [autosave, setAutosave] = useState(String(settings.autosaveSeconds));

  const languages: UiLanguage[] = ['system', 'en', 'de'];
  const themes: ThemeChoice[] = ['system', 'light', 'dark'];

  return (
    <Modal labelledBy={titleId} onClose={onClose} className="settings-dialog">
      <div className="modal-body">
        <header className="modal-head">
          <h2 id={titleId} className="modal-title">
            {t('settings.title')}
          </h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('settings.close')} title={t('settings.close')}>
            <Icon name="close" />
          </button>
        </header>

        <fieldset className="settings-group">
          <legend>{t('settings.general')}</legend>
          <div className="group-fields columns">
          <label className="setting">
            <span className="field-label">{t('settings.language')}</span>
            <select className="select" value={settings.uiLanguage} onChange={(e) => save({ uiLanguage: e.target.value as UiLanguage })}>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {t(`settings.language.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="setting">
            <span className="field-label">{t('settings.theme')}</span>
            <select className="select" value={settings.theme} onChange={(e) => save({ theme: e.target.value as ThemeChoice })}>
              {themes.map((th) => (
                <option key={th} value={th}>
                  {t(`settings.theme.${th}`)}
                </option>
              ))}
            </select>
          </label>
          </div>
        </fieldset>

        <fieldset className="settings-group">
          <legend>{t('settings.commits')}</legend>
          <div className="group-fields">
          <div className="setting">
            <label className="field-label" htmlFor={ids.name}>
              {t('settings.authorName')}
            </label>
            <input id={ids.name} className="text-input" type="text" autoComplete="name" maxLength={200} value={name.value} onChange={(e) => name.change(e.target.value)} onBlur={name.flush} />
          </div>
          <div className="setting">
            <label className="field-label" htmlFor={ids.email}>
              {t('settings.authorEmail')}
            </label>
            <input id={ids.email} className="text-input" type="email" autoComplete="email" maxLength={320} value={email.value} onChange={(e) => email.change(e.target.value)} onBlur={email.flush} />
          </div>
          <div className="setting setting-check">
            <input id={ids.signOff} type="checkbox" className="checkbox" checked={settings.signOffCommits} aria-describedby={ids.signOffHint} onChange={(e) => save({ signOffCommits: e.target.checked })} />
            <div>
              <label htmlFor={ids.signOff}>{t('settings.signOff')}</label>
              <p id={ids.signOffHint} className="field-hint">
                {t('settings.signOffHint')}
              </p>
            </div>
          </div>
          <div className="setting setting-check">
            <input id={ids.autosaveOn} type="checkbox" className="checkbox" checked={settings.autosave} aria-describedby={ids.autosaveHint} onChange={(e) => save({ autosave: e.target.checked })} />
            <div>
              <label htmlFor={ids.autosaveOn}>{t('settings.autosave')}</label>
              <p id={ids.autosaveHint} className="field-hint">
                {t('settings.autosaveHint')}
              </p>
            </div>
          </div>
          <div className="setting">
            <label className="field-label" htmlFor={ids.autosave}>
              {t('settings.autosaveSeconds')}
            </label>
            <input
              id={ids.autosave}
              className="text-input number-input"
              type="number"
              min={1}
              max={3600}
              step={1}
              inputMode="numeric"
              disabled={!settings.autosave}
              value={autosave}
              onChange={(e) => {
                setAutosave(e.target.value);
                const n = Number(e.target.value);
                if (e.target.value !== '' && Number.isInteger(n) && n >= 1 && n <= 3600) save({ autosaveSeconds: n });
              }}
              onBlur={() => setAutosave(String(settings.autosaveSeconds))}
            />
          </div>
          </div>
        </fieldset>

        <fieldset className="settings-group">
          <legend>{t('settings.sample')}</legend>
          <div className="group-fields">
          <PathField label={t('settings.sampleDestination')} value={sample.value} onChange={sample.change} onSubmit={sample.flush} />
          </div>
        </fieldset>

        <ErrorAlert error={error} onDismiss={() => setError(null)} />
        <footer className="modal-foot">
          <span className="muted">{t('settings.savedNote')}</span>
          <button type="button" className="button primary" onClick={onClose}>
            {t('settings.done')}
          </button>
        </footer>
      </div>
    </Modal>
  );
}
