/** The second step of "Open the sample site": where the copy goes, and why the installed sample stays untouched. */
import { useId, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useAppInfo } from '../../common/app-info-context';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { useSettings } from '../../common/settings-context';
import { PathField } from '../../common/path-field/path-field';

/** Props: `onCreate` copies the sample into the folder and opens the copy. */
export interface SamplePanelProps {
  onCreate(destination: string): void;
  onCancel(): void;
  disabled?: boolean;
}

/** The destination field (prefilled from the settings), a picker where one exists, and the explanation. */
export function SamplePanel({ onCreate, onCancel, disabled }: SamplePanelProps) {
  const api = useApi();
  const info = useAppInfo();
  const { settings } = useSettings();
  const { t } = useI18n();
  const explainId = useId();
  const [destination, setDestination] = useState(settings.sampleDestination || info.documentsDir);

  const pick = async () => {
    const r = await api['dialog.pickFolder']({ purpose: 'sample-destination', defaultPath: destination || undefined });
    if (r.ok && r.value) setDestination(r.value);
  };
  const submit = () => {
    if (destination.trim()) onCreate(destination.trim());
  };

  return (
    <div className="action-panel sample-panel">
      <p className="panel-question">{t('welcome.sampleWhere')}</p>
      <div className="field-row">
        <PathField
          label={t('welcome.sampleDestination')}
          value={destination}
          onChange={setDestination}
          onSubmit={submit}
          describedBy={explainId}
          disabled={disabled}
          autoFocus
        />
        {info.capabilities.folderPicker ? (
          <button type="button" className="button" onClick={() => void pick()} disabled={disabled} title={t('welcome.chooseFolder')}>
            {t('welcome.choose')}
          </button>
        ) : null}
      </div>
      <p id={explainId} className="panel-note">
        <Icon name="lock" className="note-icon" />
        <span>{t('welcome.sampleExplain')}</span>
      </p>
      <div className="panel-actions">
        <button type="button" className="button" onClick={onCancel} disabled={disabled}>
          {t('welcome.cancel')}
        </button>
        <button type="button" className="button primary" onClick={submit} disabled={disabled || !destination.trim()}>
          {t('welcome.sampleCreate')}
        </button>
      </div>
    </div>
  );
}
