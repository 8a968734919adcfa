/** The current branch in plain words, with how far it is from the server, so the user knows where their work goes. */
import { useI18n } from '../../i18n/i18n-context';
import type { GitBarProps } from './git-types';

/** Props of the branch bar: the panel's props plus the slug of the post being edited (for a suggested branch name). */
export type BranchBarProps = GitBarProps & { activeSlug?: string };

/** Shows the branch (or the detached commit) and ahead/behind counts. */
export function BranchBar({ status }: BranchBarProps) {
  const { t, tn } = useI18n();
  return (
    <div className="git-branch-bar">
      <span className="git-branch-name">{status.branch ?? t('gitRemote.detached', { oid: status.detachedAt ?? '' })}</span>
      {status.ahead > 0 ? <span className="git-count">{tn('gitRemote.toPush', status.ahead)}</span> : null}
      {status.behind > 0 ? <span className="git-count">{tn('gitRemote.toGet', status.behind)}</span> : null}
    </div>
  );
}
