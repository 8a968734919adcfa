/** The Changes tab of the sidebar: branch and sync bars, the changed files to include, and the commit box (or the offer to start history). */
import { useCallback, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { GitChange, GitStaged } from '../../../shared/contract/git-models';
import type { SiteSummary } from '../../../shared/contract/models';
import { useApi } from '../../api/api-context';
import { ErrorAlert } from '../../common/error-alert';
import { useI18n } from '../../i18n/i18n-context';
import { BranchBar } from './branch-bar';
import { ChangeList } from './change-list';
import { CommitBox } from './commit-box';
import type { GitBarProps } from './git-types';
import { InitOffer } from './init-offer';
import { SyncBar } from './sync-bar';
import type { GitStatusValue } from './use-git-status';
import './git.css';

/** Props: the site, its status (one `useGitStatus` for the whole screen, so the tab's badge agrees), and the file shown in the diff. */
export interface GitPanelProps {
  site: SiteSummary;
  git: GitStatusValue;
  selectedPath: string | null;
  onSelect(path: string): void;
  /** The open post's slug, which the branch bar may suggest for a new branch's name. */
  activeSlug?: string;
}

/** The number of files the status counts as changed, for the tab's badge. */
export function changedFileCount(git: GitStatusValue): number | null {
  return git.status ? git.status.changes.length : null;
}

/** Clicks on "include" wait for main's answer; until then each box shows what was asked, so a quick user sees the click take. */
function usePendingIncludes(site: string, git: GitStatusValue, onError: (e: AppError) => void) {
  const api = useApi();
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const includedOf = useCallback((c: GitChange): GitStaged => (pending.has(c.path) ? (pending.get(c.path) ? 'yes' : 'no') : c.staged), [pending]);
  const include = useCallback(
    async (paths: string[], yes: boolean) => {
      if (paths.length === 0) return;
      setPending((p) => new Map([...p, ...paths.map((path) => [path, yes] as const)]));
      const r = yes ? await api['git.stage']({ site, paths }) : await api['git.unstage']({ site, paths });
      if (r.ok) git.accept(r.value);
      else onError(r.error);
      setPending((p) => {
        const next = new Map(p);
        for (const path of paths) if (next.get(path) === yes) next.delete(path);
        return next;
      });
    },
    [api, site, git, onError],
  );
  return { includedOf, include };
}

/** The panel itself. */
export function GitPanel({ site, git, selectedPath, onSelect, activeSlug }: GitPanelProps) {
  const { t, tn } = useI18n();
  const [error, setError] = useState<AppError | null>(null);
  const { includedOf, include } = usePendingIncludes(site.root, git, setError);
  const { state } = git;

  if (state.kind === 'loading') {
    return (
      <div className="git-panel git-panel-loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        <span className="visually-hidden">{t('gitChanges.loading')}</span>
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className="git-panel">
        <ErrorAlert error={state.error} />
        <button type="button" className="button git-retry" onClick={git.refresh}>
          {t('gitChanges.retry')}
        </button>
      </div>
    );
  }
  if (state.kind === 'not-a-repo') {
    return (
      <div className="git-panel">
        <ErrorAlert error={error} onDismiss={() => setError(null)} className="git-alert" />
        <InitOffer site={site} onStarted={git.accept} onError={setError} />
      </div>
    );
  }

  const { status } = state;
  const bar: GitBarProps = { site, status, refresh: git.refresh, onError: setError };
  const conflicts = status.changes.filter((c) => c.conflicted).length;
  const included = status.changes.filter((c) => !c.conflicted && includedOf(c) !== 'no').length;
  return (
    <div className="git-panel">
      <div className="git-bars">
        <BranchBar {...bar} activeSlug={activeSlug} />
        <SyncBar {...bar} activeSlug={activeSlug} />
      </div>
      <ErrorAlert error={error} onDismiss={() => setError(null)} className="git-alert" />
      {status.operation && status.operation !== 'merge' ? <p className="git-changes-note">{t('gitChanges.operation.other')}</p> : null}
      {conflicts > 0 ? <p className="git-changes-note">{tn('gitChanges.conflicts', conflicts)}</p> : null}
      <h2 className="visually-hidden">{t('gitChanges.heading')}</h2>
      {status.changes.length > 0 ? (
        <ChangeList
          count={tn('gitChanges.count', status.changes.length)}
          changes={status.changes}
          sitePrefix={status.sitePrefix}
          includedOf={includedOf}
          selectedPath={selectedPath}
          onSelect={onSelect}
          onInclude={(paths, yes) => void include(paths, yes)}
        />
      ) : (
        <p className="git-empty muted">{status.hasCommits ? t('gitChanges.none') : t('gitChanges.noneFirst')}</p>
      )}
      <CommitBox site={site.root} included={included} conflicts={conflicts} onCommitted={git.refresh} onError={setError} />
    </div>
  );
}
