/** Asks before unsaved work is closed: Save / Don't save / Cancel, for one tab or for the whole site. */
import { useId, useState } from 'react';
import { ChoiceDialog } from '../../common/choice-dialog';
import { Modal } from '../../common/modal';
import { problemWordsText } from '../../i18n/yaml-problems';
import { useI18n } from '../../i18n/i18n-context';
import { tabNames } from './tab-bar';
import type { PendingClose, Workspace } from './use-document-workspace';

/** The question for `pending`; buttons are disabled while a save runs. */
export function UnsavedDialog({ workspace, pending }: { workspace: Workspace; pending: PendingClose }) {
  if (pending.kind === 'front-matter') return <SaveUnreadableDialog workspace={workspace} pending={pending} />;
  return <CloseUnsavedDialog workspace={workspace} pending={pending} />;
}

/** "The front matter has a problem on line 4: … Save anyway / Keep editing" (Escape keeps editing). */
function SaveUnreadableDialog({ workspace, pending }: { workspace: Workspace; pending: Extract<PendingClose, { kind: 'front-matter' }> }) {
  const { t } = useI18n();
  return (
    <ChoiceDialog
      title={t('saveGuard.title')}
      className="confirm-dialog"
      onClose={() => void workspace.answer('cancel')}
      choices={[
        // The safe answer first: the dialog focuses its first button, so Enter keeps editing.
        { label: t('saveGuard.keepEditing'), onChoose: () => void workspace.answer('cancel'), primary: true },
        { label: t('saveGuard.saveAnyway'), onChoose: () => void workspace.answer('save'), ghost: true },
      ]}
    >
      <p>{t('saveGuard.text', { line: pending.problem.line, problem: problemWordsText(pending.problem.words, t) })}</p>
    </ChoiceDialog>
  );
}

function CloseUnsavedDialog({ workspace, pending }: { workspace: Workspace; pending: Exclude<PendingClose, { kind: 'front-matter' }> }) {
  const { t, tn } = useI18n();
  const titleId = useId();
  const textId = useId();
  const [busy, setBusy] = useState(false);
  const names = tabNames(workspace.snapshot.tabs);
  const unsaved = workspace.snapshot.tabs.filter((tab) => tab.dirty);
  const title =
    pending.kind === 'tab' ? t('tabs.closeUnsavedTitle', { name: names.get(pending.path) ?? pending.path }) : tn('workspace.closeSiteTitle', unsaved.length);
  const answer = async (choice: 'save' | 'discard' | 'cancel') => {
    setBusy(true);
    try {
      await workspace.answer(choice);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal role="alertdialog" labelledBy={titleId} describedBy={textId} onClose={() => void answer('cancel')} className="confirm-dialog">
      <div className="modal-body">
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div id={textId} className="unsaved-text">
          <p>{pending.kind === 'tab' ? t('tabs.closeUnsavedText') : t('workspace.closeSiteText')}</p>
          {pending.kind === 'site' ? (
            <ul className="unsaved-list">
              {unsaved.map((tab) => (
                <li key={tab.path}>{names.get(tab.path)}</li>
              ))}
            </ul>
          ) : null}
          {pending.kind === 'site' && pending.failed ? (
            <p className="unsaved-failed" role="alert">
              {t('workspace.saveAllFailed')}
            </p>
          ) : null}
        </div>
        <div className="modal-actions">
          <button type="button" className="button ghost" disabled={busy} onClick={() => void answer('discard')}>
            {t('tabs.dontSave')}
          </button>
          <span className="modal-actions-gap" />
          <button type="button" className="button" disabled={busy} onClick={() => void answer('cancel')}>
            {t('tabs.cancel')}
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => void answer('save')} autoFocus>
            {pending.kind === 'tab' ? t('tabs.save') : t('workspace.saveAll')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
