/** The branch list: local branches (the current one marked), branches only on the server, and "New branch…" with a suggested name. */
import { useEffect, useId, useState } from 'react';
import { branchNameProblem, suggestBranchName } from '../../../shared/git/branch-name';
import type { GitBranches } from '../../../shared/contract/git-models';
import type { AppError } from '../../../shared/contract/errors';
import { useApi } from '../../api/api-context';
import { Icon } from '../../common/icons';
import { Modal } from '../../common/modal';
import { useI18n } from '../../i18n/i18n-context';

/** What the user chose: switch to a branch (a server-only one is made local by main), or create one from the default branch. */
export type BranchChoice = { kind: 'switch'; name: string } | { kind: 'create'; name: string };

/** Props: the site's folder, the active post's slug (for the suggestion), and where the choice goes. */
export interface BranchMenuProps {
  site: string;
  activeSlug?: string;
  onChoose(choice: BranchChoice): void;
  onClose(): void;
  onError(error: AppError): void;
}

/** `origin/feature` → `feature`: the name the local branch gets. */
export function localNameOf(remoteBranch: string): string {
  const slash = remoteBranch.indexOf('/');
  return slash < 0 ? remoteBranch : remoteBranch.slice(slash + 1);
}

/** The menu as a small dialog, so keyboard and screen-reader users get the same list. */
export function BranchMenu({ site, activeSlug, onChoose, onClose, onError }: BranchMenuProps) {
  const api = useApi();
  const { t, tn } = useI18n();
  const titleId = useId();
  const [branches, setBranches] = useState<GitBranches | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let current = true;
    void api['git.branches']({ site }).then((r) => {
      if (!current) return;
      if (r.ok) setBranches(r.value);
      else {
        onError(r.error);
        onClose();
      }
    });
    return () => {
      current = false;
    };
    // Read once per opening; the menu is short-lived, so the callbacks of the first render are the ones used.
  }, [api, site]);

  return (
    <Modal labelledBy={titleId} onClose={onClose} className="git-dialog git-branch-menu">
      <div className="modal-body">
        <div className="modal-head">
          <h2 id={titleId} className="modal-title">
            {t('gitRemote.menu.title')}
          </h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('gitRemote.menu.close')} title={t('gitRemote.menu.close')}>
            <Icon name="close" />
          </button>
        </div>
        {!branches ? (
          <p className="git-loading" role="status">
            <span className="spinner" aria-hidden="true" /> {t('gitRemote.menu.loading')}
          </p>
        ) : (
          <>
            <section aria-labelledby={`${titleId}-local`}>
              <h3 id={`${titleId}-local`} className="git-menu-heading">
                {t('gitRemote.menu.local')}
              </h3>
              <ul className="git-branch-list">
                {branches.local.map((b) => (
                  <li key={b.name}>
                    <button
                      type="button"
                      className={`git-branch-item${b.current ? ' current' : ''}`}
                      aria-current={b.current ? 'true' : undefined}
                      disabled={b.current}
                      title={b.current ? undefined : t('gitRemote.menu.switchTo', { name: b.name })}
                      onClick={() => onChoose({ kind: 'switch', name: b.name })}
                    >
                      <span className="git-branch-item-name">{b.name}</span>
                      {b.current ? <span className="badge badge-accent">{t('gitRemote.menu.current')}</span> : null}
                      {b.name === branches.defaultBranch ? <span className="badge">{t('gitRemote.menu.default')}</span> : null}
                      {b.ahead > 0 ? <span className="git-count">{tn('gitRemote.toPush', b.ahead)}</span> : null}
                      {b.behind > 0 ? <span className="git-count">{tn('gitRemote.toGet', b.behind)}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby={`${titleId}-remote`}>
              <h3 id={`${titleId}-remote`} className="git-menu-heading">
                {t('gitRemote.menu.remote')}
              </h3>
              {branches.remoteOnly.length === 0 ? (
                <p className="muted git-menu-empty">{t('gitRemote.menu.noRemote')}</p>
              ) : (
                <ul className="git-branch-list">
                  {branches.remoteOnly.map((r) => (
                    <li key={r}>
                      <button type="button" className="git-branch-item" title={t('gitRemote.menu.switchTo', { name: localNameOf(r) })} onClick={() => onChoose({ kind: 'switch', name: localNameOf(r) })}>
                        <span className="git-branch-item-name">{localNameOf(r)}</span>
                        <span className="muted git-branch-remote">{r}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {creating ? (
              <NewBranchForm branches={branches} activeSlug={activeSlug} onCreate={(name) => onChoose({ kind: 'create', name })} />
            ) : (
              <button type="button" className="button git-new-branch" onClick={() => setCreating(true)}>
                {t('gitRemote.menu.new')}
              </button>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}

/** The name field, prefilled with `feat/<slug>` of the active post and checked while typing. */
function NewBranchForm({ branches, activeSlug, onCreate }: { branches: GitBranches; activeSlug?: string; onCreate(name: string): void }) {
  const { t, language } = useI18n();
  const ids = { name: useId(), hint: useId(), problem: useId() };
  const [name, setName] = useState(() => (activeSlug ? suggestBranchName(activeSlug) : ''));
  const trimmed = name.trim();
  const taken = [...branches.local.map((b) => b.name), ...branches.remoteOnly.map(localNameOf)].includes(trimmed);
  const rule = trimmed ? branchNameProblem(trimmed) : null;
  const problem = taken ? t('gitRemote.menu.exists') : rule ? `${t('gitRemote.menu.invalid')} ${language === 'en' ? rule : t('gitRemote.menu.invalidRules')}` : null;
  return (
    <form
      className="git-new-branch-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed && !problem) onCreate(trimmed);
      }}
    >
      <label className="field-label" htmlFor={ids.name}>
        {t('gitRemote.menu.newName')}
      </label>
      <div className="git-field-row">
        <input
          id={ids.name}
          className="text-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={`${problem ? ids.problem : ''} ${ids.hint}`.trim()}
          spellCheck={false}
          autoFocus
        />
        <button type="submit" className="button primary" disabled={!trimmed || !!problem}>
          {t('gitRemote.menu.create')}
        </button>
      </div>
      <p id={ids.problem} className="git-field-problem" role="status">
        {problem}
      </p>
      <p id={ids.hint} className="field-hint">
        {branches.defaultBranch ? t('gitRemote.menu.newHint', { base: branches.defaultBranch }) : t('gitRemote.menu.newHintNoBase')}
      </p>
    </form>
  );
}
