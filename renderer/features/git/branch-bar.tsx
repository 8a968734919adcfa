/** The current branch in plain words, how far it is from the server, and the way to switch or start a branch without losing anything. */
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { activePostSlug, openDocumentsOf } from '../../common/open-documents';
import { useProgress } from '../../common/progress/progress-context';
import { useI18n } from '../../i18n/i18n-context';
import { BranchMenu, type BranchChoice } from './branch-menu';
import type { GitBarProps } from './git-types';
import { SwitchConflictDialog, SwitchDialog } from './switch-dialog';
import './git-remote.css';

/** Props of the branch bar: the panel's props plus the slug of the post being edited (for a suggested branch name). */
export type BranchBarProps = GitBarProps & { activeSlug?: string };

type Step =
  | { kind: 'idle' }
  | { kind: 'menu' }
  | { kind: 'ask'; choice: BranchChoice; unsaved: number; busy: boolean; saveFailed: boolean }
  | { kind: 'conflict'; choice: BranchChoice; paths: string[] };

/** Shows the branch (or the detached commit), ahead/behind counts, and the branch menu with its questions. */
export function BranchBar({ site, status, refresh, onError, activeSlug }: BranchBarProps) {
  const api = useApi();
  const { track } = useProgress();
  const { t, tn } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [said, setSaid] = useState('');

  const perform = async (choice: BranchChoice, unsaved: number): Promise<void> => {
    if (unsaved > 0 && !(await openDocumentsOf(site.root).saveAll())) {
      setStep({ kind: 'ask', choice, unsaved: openDocumentsOf(site.root).unsavedPaths().length, busy: false, saveFailed: true });
      return;
    }
    const r = await track('progress.working', () =>
      choice.kind === 'create' ? api['git.createBranch']({ site: site.root, name: choice.name }) : api['git.switchBranch']({ site: site.root, name: choice.name }),
    );
    if (r.ok) {
      setStep({ kind: 'idle' });
      setSaid(t(choice.kind === 'create' ? 'gitRemote.created' : 'gitRemote.switched', { branch: choice.name }));
    } else if (r.error.code === 'conflict' && r.error.paths?.length) {
      setStep({ kind: 'conflict', choice, paths: r.error.paths });
    } else {
      setStep({ kind: 'idle' });
      onError(r.error);
    }
    refresh();
  };

  const choose = (choice: BranchChoice) => {
    const unsaved = openDocumentsOf(site.root).unsavedPaths().length;
    if (unsaved > 0 || status.changes.length > 0) setStep({ kind: 'ask', choice, unsaved, busy: false, saveFailed: false });
    else {
      setStep({ kind: 'idle' });
      void perform(choice, 0);
    }
  };

  const counts: string[] = [];
  if (status.ahead > 0) counts.push(tn('gitRemote.toPush', status.ahead));
  if (status.behind > 0) counts.push(tn('gitRemote.toGet', status.behind));
  const distance = status.branch && status.remote ? (status.upstream ? (counts.length ? counts.join(' · ') : t('gitRemote.upToDate')) : t('gitRemote.notPublished')) : null;

  return (
    <div className="git-branch-bar">
      <div className="git-branch-where">
        <span className="git-branch-label">{t('gitRemote.branchLabel')}</span>
        <span className={`git-branch-name${status.branch ? '' : ' detached'}`} title={status.upstream ?? undefined}>
          {status.branch ?? t('gitRemote.detached', { oid: status.detachedAt ?? '' })}
        </span>
        {distance ? <span className={`git-distance${counts.length ? ' pending' : ''}`}>{distance}</span> : null}
      </div>
      <button
        type="button"
        className="button small git-branches-button"
        aria-haspopup="dialog"
        title={t('gitRemote.branchesHint')}
        disabled={!status.hasCommits || status.operation !== null}
        onClick={() => setStep({ kind: 'menu' })}
      >
        {t('gitRemote.branches')}
      </button>
      <span className="visually-hidden" role="status">
        {said}
      </span>
      {step.kind === 'menu' ? (
        <BranchMenu
          site={site.root}
          activeSlug={activeSlug ?? activePostSlug(site.root)}
          onChoose={choose}
          onClose={() => setStep({ kind: 'idle' })}
          onError={onError}
        />
      ) : null}
      {step.kind === 'ask' ? (
        <SwitchDialog
          target={step.choice.name}
          current={status.branch}
          unsavedCount={step.unsaved}
          changeCount={status.changes.length}
          busy={step.busy}
          saveFailed={step.saveFailed}
          onStay={() => setStep({ kind: 'idle' })}
          onTake={() => {
            setStep({ ...step, busy: true, saveFailed: false });
            void perform(step.choice, step.unsaved);
          }}
        />
      ) : null}
      {step.kind === 'conflict' ? <SwitchConflictDialog target={step.choice.name} paths={step.paths} onClose={() => setStep({ kind: 'idle' })} /> : null}
    </div>
  );
}
