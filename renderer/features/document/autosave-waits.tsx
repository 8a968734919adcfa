/**
 * A short note beside Save when autosave is on but is not saving this tab, saying why: its front matter cannot be
 * read (saving would ask first), the file changed on disk, or the last save failed. Without it the unsaved mark
 * just stays, and the user may think the text was saved.
 */
import { useMemo } from 'react';
import { unreadableFrontMatter } from '../../../shared/front-matter/read-block';
import { useSettings } from '../../common/settings-context';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import type { TabInfo } from './document-tabs';
import './autosave-waits.css';

/** Why autosave leaves this tab alone (null when it does not, or when there is nothing to save). */
export function autosaveWaitReason(tab: Pick<TabInfo, 'dirty' | 'mode' | 'status' | 'conflict' | 'saveError'>, text: string): MessageKey | null {
  if (!tab.dirty || tab.mode !== 'edit' || tab.status !== 'ready') return null;
  if (tab.conflict) return 'autosaveWaits.conflict';
  if (tab.saveError) return 'autosaveWaits.saveError';
  return unreadableFrontMatter(text) ? 'autosaveWaits.frontMatter' : null;
}

/** The note for the active tab (nothing when autosave is off or is not waiting); `text` is the tab's text as read for the form. */
export function AutosaveWaits({ tab, text }: { tab: TabInfo; text: string }) {
  const { t } = useI18n();
  const { settings } = useSettings();
  const reason = useMemo(() => (settings.autosave ? autosaveWaitReason(tab, text) : null), [settings.autosave, tab, text]);
  return (
    <span className="autosave-waits" role="status">
      {reason ? (
        <>
          <Icon name="alert" />
          <span title={reason === 'autosaveWaits.frontMatter' ? t('saveGuard.autosaveWaits') : undefined}>{t(reason)}</span>
        </>
      ) : null}
    </span>
  );
}
