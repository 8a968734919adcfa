/** Get latest and Send: the two ways a site's work meets the server, each with plain answers to what can go wrong. */
import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { CredentialProtection, GitCommitSummary, GitPullResult } from '../../../shared/contract/git-models';
import { useApi } from '../../api/api-context';
import { Icon } from '../../common/icons';
import { useProgress } from '../../common/progress/progress-context';
import { useSettings } from '../../common/settings-context';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import type { GitBarProps } from './git-types';
import { DivergedDialog, PullConflictDialog } from './pull-dialogs';
import { RejectedDialog, SignOffDialog, type SignOffChoice } from './push-dialogs';
import { useRemoteCall } from './use-remote-call';
import './git-remote.css';

/** Props of the sync bar: the panel's props plus the slug of the post being edited (unused here, accepted for symmetry). */
export type SyncBarProps = GitBarProps & { activeSlug?: string };

type Notice =
  | { kind: 'pulled'; result: Exclude<GitPullResult, { kind: 'diverged' } | { kind: 'conflict' }>; kept: CredentialProtection | null }
  | { kind: 'sent'; target: string; pullRequestUrl: string | null; kept: CredentialProtection | null }
  | { kind: 'offline' }
  | { kind: 'ssh'; suggestion: string }
  | { kind: 'undone' };

type Question =
  | { kind: 'diverged'; ahead: number; behind: number }
  | { kind: 'conflict'; paths: string[] }
  | { kind: 'sign-off'; commits: GitCommitSummary[] }
  | { kind: 'rejected' };

/** The pull and push buttons, an unfinished pull's banner, and the last outcome in words. */
export function SyncBar({ site, status, refresh, onError }: SyncBarProps) {
  const api = useApi();
  const { t } = useI18n();
  const { track } = useProgress();
  const { settings } = useSettings();
  const remote = useRemoteCall();
  const [busy, setBusy] = useState<'pull' | 'push' | 'undo' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const where = { site: site.root, url: status.remote?.url };

  /** Failures every remote call shares: offline and SSH get a calm notice, a refused push its question. */
  const failed = (error: AppError) => {
    if (error.code === 'unreachable') setNotice({ kind: 'offline' });
    else if (error.code === 'not-supported' && error.suggestion) setNotice({ kind: 'ssh', suggestion: error.suggestion });
    else if (error.code === 'rejected') setQuestion({ kind: 'rejected' });
    else onError(error);
  };

  const pull = async (merge: boolean) => {
    setQuestion(null);
    setNotice(null);
    setBusy('pull');
    const r = await remote.run(() => track('gitRemote.pulling', () => api['git.pull']({ site: site.root, merge: merge || undefined })), where);
    setBusy(null);
    refresh();
    if (!r) return;
    if (!r.ok) failed(r.error);
    else if (r.value.kind === 'diverged') setQuestion({ kind: 'diverged', ahead: r.value.ahead, behind: r.value.behind });
    else if (r.value.kind === 'conflict') setQuestion({ kind: 'conflict', paths: r.value.paths });
    else setNotice({ kind: 'pulled', result: r.value, kept: remote.takeKept() });
  };

  const send = async (addSignOff: boolean) => {
    setQuestion(null);
    setNotice(null);
    setBusy('push');
    try {
      if (addSignOff) {
        const added = await track('gitRemote.addingSignOff', () => api['git.addSignOff']({ site: site.root }));
        if (!added.ok) {
          onError(added.error);
          return;
        }
      }
      const r = await remote.run(() => track('gitRemote.pushing', () => api['git.push']({ site: site.root })), { ...where, askFirst: true });
      if (!r) return;
      if (r.ok) setNotice({ kind: 'sent', target: `${r.value.remote}/${r.value.branch}`, pullRequestUrl: r.value.pullRequestUrl, kept: remote.takeKept() });
      else failed(r.error);
    } finally {
      setBusy(null);
      refresh();
    }
  };

  const push = async () => {
    setNotice(null);
    if (settings.signOffCommits) {
      setBusy('push');
      const unsigned = await api['git.unsignedCommits']({ site: site.root });
      setBusy(null);
      if (unsigned.ok && unsigned.value.length > 0) {
        setQuestion({ kind: 'sign-off', commits: unsigned.value });
        return;
      }
    }
    await send(false);
  };

  const signOffChosen = (choice: SignOffChoice) => {
    setQuestion(null);
    if (choice !== 'cancel') void send(choice === 'add');
  };

  const undoPull = async () => {
    setBusy('undo');
    const r = await track('progress.working', () => api['git.abortMerge']({ site: site.root }));
    setBusy(null);
    setQuestion(null);
    refresh();
    if (r.ok) setNotice({ kind: 'undone' });
    else onError(r.error);
  };

  const published = status.upstream !== null;
  // A published branch the server has in full: "Send" would do nothing.
  const nothingToSend = published && status.ahead === 0;
  const blocked = !status.remote || !status.branch || status.operation !== null || busy !== null;
  const conflicted = status.changes.filter((c) => c.conflicted).length;
  return (
    <div className="git-sync">
      <div className="git-sync-bar">
        <button type="button" className="button" onClick={() => void pull(false)} disabled={blocked || !published} title={t('gitRemote.pullHint')}>
          {busy === 'pull' ? <span className="spinner" aria-hidden="true" /> : <Icon name="reload" />}
          {t('gitRemote.pull')}
        </button>
        <button
          type="button"
          className="button primary"
          onClick={() => void push()}
          disabled={blocked || !status.hasCommits || nothingToSend}
          title={
            nothingToSend
              ? t('gitRemote.nothingToSend')
              : published
                ? t('gitRemote.pushHint', { upstream: status.upstream ?? '' })
                : t('gitRemote.publishHint', { remote: status.remote?.name ?? '' })
          }
        >
          {busy === 'push' ? <span className="spinner" aria-hidden="true" /> : null}
          {published ? t('gitRemote.push') : t('gitRemote.publish')}
        </button>
        {busy === 'pull' || busy === 'push' ? (
          <span className="git-sync-busy" role="status">
            {t(busy === 'pull' ? 'gitRemote.pulling' : 'gitRemote.pushing')}
          </span>
        ) : !status.remote ? (
          <span className="git-sync-hint">{t('gitRemote.noRemote')}</span>
        ) : !status.branch ? (
          <span className="git-sync-hint">{t('gitRemote.detachedHint')}</span>
        ) : null}
      </div>
      {status.operation === 'merge' ? (
        <div className="git-note git-note-warn git-merge-banner" role="status">
          <span>{conflicted > 0 ? t('gitRemote.merge.banner') : t('gitRemote.merge.bannerClean')}</span>
          <button type="button" className="button small" onClick={() => void undoPull()} disabled={busy !== null}>
            {t('gitRemote.conflict.undo')}
          </button>
        </div>
      ) : null}
      <div className="git-sync-notice" role="status" aria-live="polite">
        {notice ? <NoticeView notice={notice} onDismiss={() => setNotice(null)} /> : null}
      </div>
      {question?.kind === 'diverged' ? <DivergedDialog ahead={question.ahead} behind={question.behind} onMerge={() => void pull(true)} onCancel={() => setQuestion(null)} /> : null}
      {question?.kind === 'conflict' ? <PullConflictDialog paths={question.paths} busy={busy !== null} onUndo={() => void undoPull()} onResolve={() => setQuestion(null)} /> : null}
      {question?.kind === 'sign-off' ? <SignOffDialog commits={question.commits} onChoose={signOffChosen} /> : null}
      {question?.kind === 'rejected' ? <RejectedDialog onPull={() => void pull(false)} onClose={() => setQuestion(null)} /> : null}
      {remote.dialog}
    </div>
  );
}

/** The last outcome in a sentence, with the one follow-up it offers (a pull request). */
function NoticeView({ notice, onDismiss }: { notice: Notice; onDismiss(): void }) {
  const api = useApi();
  const { t, tn } = useI18n();
  let body;
  if (notice.kind === 'pulled') {
    const r = notice.result;
    body = <span>{r.kind === 'up-to-date' ? t('gitRemote.pulled.upToDate') : tn(r.kind === 'merged' ? 'gitRemote.pulled.merged' : 'gitRemote.pulled.fastForward', r.commits)}</span>;
  } else if (notice.kind === 'sent') {
    const url = notice.pullRequestUrl;
    body = (
      <>
        <span>{t('gitRemote.sent', { target: notice.target })}</span>
        {url ? (
          <button type="button" className="button small" onClick={() => void api['shell.openExternal']({ url })}>
            <Icon name="link" />
            {t('gitRemote.openPullRequest')}
          </button>
        ) : null}
      </>
    );
  } else if (notice.kind === 'offline') {
    body = <span>{t('gitRemote.offline')}</span>;
  } else if (notice.kind === 'ssh') {
    body = (
      <div className="git-note-stack">
        <span>{t('gitRemote.ssh')}</span>
        <code className="link-target">{notice.suggestion}</code>
        <span className="muted">{t('gitRemote.sshHelp')}</span>
      </div>
    );
  } else {
    body = <span>{t('gitRemote.merge.undone')}</span>;
  }
  const calm = notice.kind === 'offline' || notice.kind === 'ssh';
  const kept = (notice.kind === 'sent' || notice.kind === 'pulled') && notice.kept ? t(`gitRemote.cred.kept.${notice.kept}` as MessageKey) : null;
  if (kept) {
    body = (
      <div className="git-note-stack">
        <div className="git-note-line">{body}</div>
        <span className="muted">{kept}</span>
      </div>
    );
  }
  return (
    <div className={`git-note${calm ? ' git-note-calm' : ' git-note-ok'}`}>
      {body}
      <button type="button" className="icon-button git-note-close" onClick={onDismiss} aria-label={t('gitRemote.dismiss')} title={t('gitRemote.dismiss')}>
        <Icon name="close" />
      </button>
    </div>
  );
}
