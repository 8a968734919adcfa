/** The questions and answers around a branch switch: take the changes along or stay, and why a switch was refused. */
import { ChoiceDialog } from '../../common/choice-dialog';
import { useI18n } from '../../i18n/i18n-context';

/** Props of the question: where to, where from, and what would come along. */
export interface SwitchDialogProps {
  /** The branch to switch to (or create). */
  target: string;
  /** The current branch, or null on a detached HEAD. */
  current: string | null;
  unsavedCount: number;
  changeCount: number;
  busy: boolean;
  /** Saving the open posts failed, so nothing was switched. */
  saveFailed: boolean;
  onTake(): void;
  onStay(): void;
}

/** "Take my changes to <branch>" or "Stay on <current>", with what the changes are. */
export function SwitchDialog({ target, current, unsavedCount, changeCount, busy, saveFailed, onTake, onStay }: SwitchDialogProps) {
  const { t, tn } = useI18n();
  return (
    <ChoiceDialog
      title={t('gitRemote.switch.title', { branch: target })}
      onClose={() => !busy && onStay()}
      busy={busy}
      className="git-dialog git-question"
      textClassName="git-dialog-text"
      actionsClassName="git-actions-stacked"
      choices={[
        { label: current ? t('gitRemote.switch.stay', { branch: current }) : t('gitRemote.switch.stayDetached'), onChoose: onStay },
        {
          label: (
            <>
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              {t('gitRemote.switch.take', { branch: target })}
            </>
          ),
          onChoose: onTake,
          primary: true,
        },
      ]}
    >
      <ul className="git-facts">
        {unsavedCount > 0 ? <li>{tn('gitRemote.switch.unsaved', unsavedCount)}</li> : null}
        {changeCount > 0 ? <li>{tn('gitRemote.switch.changes', changeCount)}</li> : null}
      </ul>
      <p>{t(unsavedCount > 0 ? 'gitRemote.switch.explain' : 'gitRemote.switch.explainSaved', { branch: target })}</p>
      {saveFailed ? (
        <p className="git-note git-note-warn" role="alert">
          {t('gitRemote.switch.saveFailed')}
        </p>
      ) : null}
    </ChoiceDialog>
  );
}

/** A refused switch: the files that would have been overwritten, and that nothing changed. */
export function SwitchConflictDialog({ target, paths, onClose }: { target: string; paths: string[]; onClose(): void }) {
  const { t } = useI18n();
  return (
    <ChoiceDialog
      title={t('gitRemote.switch.conflictTitle', { branch: target })}
      onClose={onClose}
      className="git-dialog git-question"
      textClassName="git-dialog-text"
      choices={[{ label: t('gitRemote.switch.ok'), onChoose: onClose, primary: true }]}
    >
      <p>{t('gitRemote.switch.conflictText')}</p>
      <PathList paths={paths} />
      <p>{t('gitRemote.switch.conflictHelp')}</p>
    </ChoiceDialog>
  );
}

/** Files in a dialog: monospace, scrolling when long. */
export function PathList({ paths }: { paths: readonly string[] }) {
  return (
    <ul className="git-path-list">
      {paths.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
