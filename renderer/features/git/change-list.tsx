/** The changed files with a checkbox each for "include in commit", the kind of change as a word and a mark, and conflicts flagged. */
import { useEffect, useId, useRef } from 'react';
import type { GitChange, GitChangeKind, GitStaged } from '../../../shared/contract/git-models';
import { useI18n } from '../../i18n/i18n-context';

/** Props: the changes, whether each is (going to be) included, which one is shown, and what the user asked for. */
export interface ChangeListProps {
  changes: readonly GitChange[];
  /** "3 changed files", beside "Include all". */
  count: string;
  /** The site's folder inside the repository ('' or ending in '/'); paths inside it are shown without it. */
  sitePrefix: string;
  /** Whether a file is in the next commit, counting a click whose answer has not arrived yet. */
  includedOf(change: GitChange): GitStaged;
  selectedPath: string | null;
  onSelect(path: string): void;
  onInclude(paths: string[], include: boolean): void;
}

/** A path as the user knows it: the file's name, and the folder it is in (relative to the site when it is inside it). */
export function splitPath(path: string, sitePrefix: string): { name: string; folder: string } {
  const shown = sitePrefix && path.startsWith(sitePrefix) ? path.slice(sitePrefix.length) : path;
  const slash = shown.lastIndexOf('/');
  return { name: shown.slice(slash + 1), folder: slash < 0 ? '' : shown.slice(0, slash + 1) };
}

/** A checkbox that can also show "partly" (the native indeterminate state, read as "mixed" by screen readers). */
function TriStateBox({ state, label, disabled, describedBy, onChange }: { state: GitStaged; label: string; disabled?: boolean; describedBy?: string; onChange(include: boolean): void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'partly';
  }, [state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="checkbox"
      aria-label={label}
      aria-describedby={describedBy}
      checked={state === 'yes'}
      disabled={disabled}
      onChange={() => onChange(state !== 'yes')}
    />
  );
}

const KIND_MARK: Record<GitChangeKind, string> = {
  new: 'M12 7v10M7 12h10',
  changed: 'M8 16l1-4 6.5-6.5a1.4 1.4 0 0 1 2 2L11 14z',
  deleted: 'M7 12h10',
  renamed: 'M6 12h11M13.5 8.5L17 12l-3.5 3.5',
};

/** The kind of change as a small coloured mark (the word beside it carries the meaning). */
export function KindIcon({ kind }: { kind: GitChangeKind }) {
  return (
    <svg className={`icon git-kind-icon git-kind-${kind}`} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <rect x="3.5" y="3.5" width="17" height="17" rx="4" />
      <path d={KIND_MARK[kind]} />
    </svg>
  );
}

/** The list under an "Include all" box; each row selects its file for the diff and has its own box. */
export function ChangeList({ changes, count, sitePrefix, includedOf, selectedPath, onSelect, onInclude }: ChangeListProps) {
  const { t } = useI18n();
  const id = useId();
  const includable = changes.filter((c) => !c.conflicted);
  const states = includable.map(includedOf);
  const all: GitStaged = states.length > 0 && states.every((s) => s === 'yes') ? 'yes' : states.some((s) => s !== 'no') ? 'partly' : 'no';
  return (
    <div className="git-changes">
      <div className="git-include-all">
        <label className="git-include-all-label">
          <TriStateBox
          state={all}
          label={t('gitChanges.includeAll')}
          disabled={includable.length === 0}
          onChange={(include) => onInclude(includable.filter((c) => (includedOf(c) === 'yes') !== include).map((c) => c.path), include)}
        />
          <span aria-hidden="true">{t('gitChanges.includeAll')}</span>
        </label>
        <span className="git-changes-count" aria-live="polite">
          {count}
        </span>
      </div>
      <ul className="git-change-list" aria-label={t('gitChanges.list')}>
        {changes.map((change, index) => {
          const { name, folder } = splitPath(change.path, sitePrefix);
          const old = change.oldPath ? splitPath(change.oldPath, sitePrefix) : null;
          const hintId = `${id}-${index}-hint`;
          const selected = change.path === selectedPath;
          return (
            <li key={change.path} className={`git-change ${selected ? 'is-selected' : ''} ${change.conflicted ? 'is-conflicted' : ''}`}>
              <TriStateBox
                state={includedOf(change)}
                label={t('gitChanges.includeFile', { name })}
                disabled={change.conflicted}
                describedBy={change.conflicted ? hintId : undefined}
                onChange={(include) => onInclude([change.path], include)}
              />
              <button type="button" className="git-change-open" aria-current={selected ? 'true' : undefined} data-change-path={change.path} onClick={() => onSelect(change.path)} title={change.path}>
                <KindIcon kind={change.kind} />
                <span className="git-change-text">
                  <span className="git-change-path">
                    <span className="git-change-name">{name}</span>
                    {folder ? <span className="git-change-folder">{folder}</span> : null}
                  </span>
                  {old ? <span className="git-change-old">{t('gitChanges.renamedFrom', { path: old.folder + old.name })}</span> : null}
                </span>
                <span className={`git-change-kind git-kind-${change.kind}`}>{t(`gitChanges.kind.${change.kind}`)}</span>
                {change.conflicted ? <span className="badge badge-error git-conflict-badge">{t('gitChanges.conflict')}</span> : null}
              </button>
              {change.conflicted ? (
                <p id={hintId} className="visually-hidden">
                  {t('gitChanges.conflictHint')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
