/** The two questions a pull can raise: both sides have new commits (merge or not now), and files changed on both sides. */
import { ChoiceDialog } from '../../common/choice-dialog';
import { useI18n } from '../../i18n/i18n-context';
import { PathList } from './switch-dialog';

/** "Both you and the server have new commits": combine them, or leave everything as it is. */
export function DivergedDialog({ ahead, behind, onMerge, onCancel }: { ahead: number; behind: number; onMerge(): void; onCancel(): void }) {
  const { t, tn } = useI18n();
  return (
    <ChoiceDialog
      title={t('gitRemote.diverged.title')}
      onClose={onCancel}
      className="git-dialog git-question"
      textClassName="git-dialog-text"
      choices={[
        { label: t('gitRemote.diverged.notNow'), onChoose: onCancel },
        { label: t('gitRemote.diverged.merge'), onChoose: onMerge, primary: true },
      ]}
    >
      <p>{t('gitRemote.diverged.text', { ahead: tn('gitRemote.diverged.ahead', ahead), behind: tn('gitRemote.diverged.ahead', behind) })}</p>
      <p>{t('gitRemote.diverged.explain')}</p>
    </ChoiceDialog>
  );
}

/** Files changed on both sides: which ones, how to finish (edit, then commit), or undo the pull. */
export function PullConflictDialog({ paths, busy, onUndo, onResolve }: { paths: string[]; busy: boolean; onUndo(): void; onResolve(): void }) {
  const { t } = useI18n();
  return (
    <ChoiceDialog
      title={t('gitRemote.conflict.title')}
      onClose={onResolve}
      busy={busy}
      className="git-dialog git-question"
      textClassName="git-dialog-text"
      choices={[
        { label: t('gitRemote.conflict.undo'), onChoose: onUndo },
        { label: t('gitRemote.conflict.resolve'), onChoose: onResolve, primary: true },
      ]}
    >
      <p>{t('gitRemote.conflict.text')}</p>
      <PathList paths={paths} />
      <p>{t('gitRemote.conflict.howTo')}</p>
      <p>{t('gitRemote.conflict.undoHint')}</p>
    </ChoiceDialog>
  );
}
