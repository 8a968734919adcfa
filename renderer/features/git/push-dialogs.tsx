/** The questions around sending: commits without a sign-off, and a server that has newer commits. */
import type { GitCommitSummary } from '../../../shared/contract/git-models';
import { ChoiceDialog } from '../../common/choice-dialog';
import { useI18n } from '../../i18n/i18n-context';

/** What the user chose for unsigned commits. */
export type SignOffChoice = 'add' | 'anyway' | 'cancel';

/** Lists the commits without a sign-off: add it and send, send anyway, or cancel. */
export function SignOffDialog({ commits, onChoose }: { commits: GitCommitSummary[]; onChoose(choice: SignOffChoice): void }) {
  const { t, tn, moment } = useI18n();
  return (
    <ChoiceDialog
      title={tn('gitRemote.signOff.title', commits.length)}
      onClose={() => onChoose('cancel')}
      className="git-dialog git-signoff"
      textClassName="git-dialog-text"
      choices={[
        { label: t('gitRemote.signOff.cancel'), onChoose: () => onChoose('cancel'), ghost: true, apart: true },
        { label: t('gitRemote.signOff.anyway'), onChoose: () => onChoose('anyway') },
        { label: t('gitRemote.signOff.add'), onChoose: () => onChoose('add'), primary: true },
      ]}
    >
      <p>{tn('gitRemote.signOff.text', commits.length)}</p>
      <ul className="git-commit-list">
        {commits.map((c) => (
          <li key={c.oid}>
            <span className="git-commit-summary">{c.summary}</span>
            <span className="git-commit-meta">
              {c.authorName} · {moment(c.date)}
            </span>
          </li>
        ))}
      </ul>
      <p>{t('gitRemote.signOff.explain')}</p>
    </ChoiceDialog>
  );
}

/** The server refused the push because it has newer commits: get them first. */
export function RejectedDialog({ onPull, onClose }: { onPull(): void; onClose(): void }) {
  const { t } = useI18n();
  return (
    <ChoiceDialog
      title={t('gitRemote.rejected.title')}
      onClose={onClose}
      className="git-dialog git-question"
      textClassName="git-dialog-text"
      choices={[
        { label: t('gitRemote.rejected.close'), onChoose: onClose },
        { label: t('gitRemote.rejected.pull'), onChoose: onPull, primary: true },
      ]}
    >
      <p>{t('gitRemote.rejected.text')}</p>
    </ChoiceDialog>
  );
}
