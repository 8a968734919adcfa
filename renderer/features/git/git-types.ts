/** Types the parts of the git panel share, so the panel, the branch bar and the sync bar agree on one shape. */
import type { AppError } from '../../../shared/contract/errors';
import type { SiteSummary } from '../../../shared/contract/models';
import type { GitStatus } from '../../../shared/contract/git-models';

/** What the panel hands each of its bars: the site, its current status, a way to ask for it again and a place for errors. */
export interface GitBarProps {
  site: SiteSummary;
  status: GitStatus;
  /** Asks `git.status` again (after a bar changed the repository). */
  refresh(): void;
  /** Shows a failure in the panel's one error place. */
  onError(e: AppError): void;
}
