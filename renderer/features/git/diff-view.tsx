/** What changed in one file since the last commit: texts side by side or in one column, pictures before and after, else a sentence. */
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { GitChange, GitDiff, GitFileVersion } from '../../../shared/contract/git-models';
import { useApi } from '../../api/api-context';
import { CompareView } from '../../common/compare/compare-view';
import { ErrorAlert } from '../../common/error-alert';
import { toBlobUrl } from '../../common/site-data/blob-url';
import { sizeText } from '../../common/size-text';
import { useI18n } from '../../i18n/i18n-context';
import { KindIcon, splitPath } from './change-list';
import './git.css';
import './diff-view.css';

/** Props: the file (its change as the list shows it), something that changes whenever the status was read again, and the way back. */
export interface DiffViewProps {
  site: string;
  change: GitChange;
  sitePrefix: string;
  /** Changes when the status was read again, so the diff is asked again too (it is kept when its content is the same). */
  refreshKey: unknown;
  onClose(): void;
  /** Given for a post that exists now: opens it in the editor (to fix a conflict, or go on writing). */
  onEdit?(): void;
}

/** Side by side or one column; remembered while Pressroom runs. */
type Layout = 'split' | 'unified';
let lastLayout: Layout = 'split';

function bytesOf(version: GitFileVersion): number {
  return version.kind === 'text' ? new TextEncoder().encode(version.text).length : version.size;
}

function textOf(version: GitFileVersion | null): string | null {
  return version === null ? '' : version.kind === 'text' ? version.text : null;
}

/** One side of a picture comparison, with its file size and (once loaded) its pixel size. */
function Picture({ version, caption, name }: { version: GitFileVersion | null; caption: string; name: string }) {
  const { t, language } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (version?.kind !== 'image') return;
    const made = toBlobUrl(version.base64, version.mime);
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [version]);
  const [pixels, setPixels] = useState<string | null>(null);
  const details = [version ? sizeText(bytesOf(version), language) : null, pixels].filter(Boolean).join(' · ');
  return (
    <figure className="diff-picture">
      <figcaption>
        <span className="diff-picture-caption">{caption}</span>
        {details ? <span className="diff-picture-size">{details}</span> : null}
      </figcaption>
      <div className="diff-picture-frame">
        {url ? (
          <img src={url} alt={t('gitChanges.imageAlt', { name, which: caption })} onLoad={(e) => setPixels(`${e.currentTarget.naturalWidth} × ${e.currentTarget.naturalHeight}`)} />
        ) : (
          <span className="muted">{t('gitChanges.imageNone')}</span>
        )}
      </div>
    </figure>
  );
}

/** The pane shown in place of the editor while a changed file is selected. */
export function DiffView({ site, change, sitePrefix, refreshKey, onClose, onEdit }: DiffViewProps) {
  const { t, language } = useI18n();
  const api = useApi();
  const [diff, setDiff] = useState<GitDiff | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const [layout, setLayout] = useState<Layout>(lastLayout);
  const shown = useRef<string | null>(null);
  const { name, folder } = splitPath(change.path, sitePrefix);

  useEffect(() => {
    let current = true;
    void api['git.diff']({ site, path: change.path }).then((r) => {
      if (!current) return;
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setError(null);
      // Asked again after every status read; only a real change replaces what is shown (and its scroll position).
      const json = JSON.stringify(r.value);
      if (json === shown.current) return;
      shown.current = json;
      setDiff(r.value);
      setVersion((v) => v + 1);
    });
    return () => {
      current = false;
    };
  }, [api, site, change.path, refreshKey]);

  const choose = (next: Layout) => {
    lastLayout = next;
    setLayout(next);
  };

  const current = diff && diff.path === change.path ? diff : null;
  const before = current ? textOf(current.before) : null;
  const after = current ? textOf(current.after) : null;
  const isText = current !== null && before !== null && after !== null;
  // A new or deleted file has one side only: one column says the same without an empty half.
  const oneSided = current !== null && (current.before === null || current.after === null);
  const isImage = current !== null && !isText && (current.before?.kind === 'image' || current.after?.kind === 'image');
  const sizes = current
    ? t('gitChanges.sizes', {
        before: current.before ? sizeText(bytesOf(current.before), language) : t('gitChanges.sizeNone'),
        after: current.after ? sizeText(bytesOf(current.after), language) : t('gitChanges.sizeNone'),
      })
    : '';

  return (
    <section
      className="diff-view"
      aria-label={t('gitChanges.diffLabel', { name })}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="diff-head">
        <button type="button" className="button ghost small diff-back" onClick={onClose}>
          <svg className="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
            <path d="M15 6l-6 6 6 6" />
          </svg>
          {t('gitChanges.back')}
        </button>
        <h2 className="diff-title" title={change.path}>
          <KindIcon kind={change.kind} />
          <span className="git-change-name">{name}</span>
          {folder ? <span className="git-change-folder">{folder}</span> : null}
          <span className={`git-change-kind git-kind-${change.kind}`}>{t(`gitChanges.kind.${change.kind}`)}</span>
        </h2>
        {onEdit ? (
          <button type="button" className="button small diff-edit" onClick={onEdit}>
            {t('gitChanges.edit')}
          </button>
        ) : null}
        {isText && !oneSided ? (
          <div className="diff-layout" role="group" aria-label={t('gitChanges.layout')}>
            <button type="button" className="button small" aria-pressed={layout === 'split'} onClick={() => choose('split')}>
              {t('gitChanges.sideBySide')}
            </button>
            <button type="button" className="button small" aria-pressed={layout === 'unified'} onClick={() => choose('unified')}>
              {t('gitChanges.oneColumn')}
            </button>
          </div>
        ) : null}
      </header>
      <ErrorAlert error={error} className="diff-alert" />
      <div className="diff-body">
        {current === null ? (
          error ? null : <p className="muted diff-loading">{t('gitChanges.loadingDiff')}</p>
        ) : isText ? (
          <>
            {current.before === null ? <p className="diff-note">{t('gitChanges.newFile')}</p> : null}
            {current.after === null ? <p className="diff-note">{t('gitChanges.deletedFile')}</p> : null}
            <CompareView
              key={`${version}-${oneSided ? 'unified' : layout}`}
              label={t('gitChanges.diffLabel', { name })}
              disk={before ?? ''}
              mine={after ?? ''}
              diskTitle={t('gitChanges.lastCommit')}
              mineTitle={t('gitChanges.now')}
              unified={oneSided || layout === 'unified'}
            />
          </>
        ) : isImage ? (
          <div className="diff-pictures">
            <Picture key={`a${version}`} version={current.before} caption={t('gitChanges.imageBefore')} name={name} />
            <Picture key={`b${version}`} version={current.after} caption={t('gitChanges.imageNow')} name={name} />
          </div>
        ) : (
          <div className="diff-note">
            <p>{current.before?.kind === 'too-large' || current.after?.kind === 'too-large' ? t('gitChanges.tooLarge') : t('gitChanges.binary')}</p>
            <p className="muted">{sizes}</p>
          </div>
        )}
      </div>
    </section>
  );
}
