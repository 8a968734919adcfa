/** Shows one post's text, read-only for now, with its path and marks; errors (not text, too large…) in plain words. */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { DocumentSnapshot, PostEntry } from '../../../shared/contract/models';
import { useApi, useEvent } from '../../api/api-context';
import { ErrorDetail, errorHeadline } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { useSymlinkText } from '../posts/post-row';
import './document.css';

type Loaded = { state: 'loading' } | { state: 'ready'; doc: DocumentSnapshot } | { state: 'failed'; error: AppError };

/** Reads the post and re-reads it when it changes on disk. */
function useDocument(site: string, path: string): Loaded {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded((l) => (l.state === 'ready' && l.doc.path === path ? l : { state: 'loading' }));
    void api['document.read']({ site, path }).then((r) => {
      if (!current) return;
      setLoaded(r.ok ? { state: 'ready', doc: r.value } : { state: 'failed', error: r.error });
    });
    return () => {
      current = false;
    };
  }, [api, site, path, generation]);
  const onChanged = useCallback(
    (e: { site: string; path: string }) => {
      if (e.site === site && e.path === path) setGeneration((g) => g + 1);
    },
    [site, path],
  );
  useEvent('file.changed', onChanged);
  return loaded;
}

/** The document pane for the open post. */
export function DocumentView({ site, post }: { site: string; post: PostEntry }) {
  const { t, tn, day, languageName } = useI18n();
  const symlinkText = useSymlinkText();
  const loaded = useDocument(site, post.path);
  const lines = loaded.state === 'ready' ? loaded.doc.text.split('\n').length - (loaded.doc.text.endsWith('\n') ? 1 : 0) : 0;

  return (
    <article className="document" aria-labelledby="document-title">
      <header className="document-head">
        <div className="document-heading">
          <h2 id="document-title" className="document-title">
            {post.title || t('posts.untitled')}
          </h2>
          <p className="document-path" title={post.path}>
            <Icon name="file" />
            <span>{post.path}</span>
          </p>
          <div className="document-marks">
            {post.date ? <span className="muted">{day(post.date)}</span> : null}
            {post.language ? <span className="badge badge-lang">{languageName(post.language)}</span> : null}
            {post.category ? <span className="badge">{post.category}</span> : null}
            {post.draft ? <span className="badge badge-draft">{t('posts.draft')}</span> : null}
            {post.symlinkTarget ? (
              <span className="badge badge-link" title={post.symlinkTarget}>
                <Icon name="link" />
                {symlinkText(post)}
              </span>
            ) : null}
          </div>
        </div>
        <div className="readonly-note" title={t('document.readOnlyHint')}>
          <Icon name="lock" />
          <span>
            <strong>{t('document.readOnly')}</strong>
            <span className="readonly-hint">{t('document.readOnlyHint')}</span>
          </span>
        </div>
      </header>
      {post.error ? (
        <div className="alert alert-warn document-alert">
          <Icon name="alert" className="alert-icon" />
          <div className="alert-body">
            <p className="alert-title">{t('posts.error')}</p>
            <p className="error-detail">{post.error}</p>
          </div>
        </div>
      ) : null}
      {loaded.state === 'loading' ? (
        <div className="document-state" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('document.loading')}
        </div>
      ) : null}
      {loaded.state === 'failed' ? (
        <div role="alert" className="document-state">
          <div className="alert alert-error">
            <Icon name="alert" className="alert-icon" />
            <div className="alert-body">
              <p className="alert-title">{t('document.failed')}</p>
              <p>{errorHeadline(loaded.error, t)}</p>
              <ErrorDetail error={loaded.error} />
            </div>
          </div>
        </div>
      ) : null}
      {loaded.state === 'ready' ? (
        <>
          <pre className="document-text" tabIndex={0} role="region" aria-label={t('document.text', { path: post.path })}>
            {loaded.doc.text}
          </pre>
          <footer className="document-foot muted">
            <span>{tn('document.lines', lines)}</span>
            <span>{loaded.doc.eol === 'crlf' ? 'CRLF' : loaded.doc.eol === 'mixed' ? 'CRLF/LF' : 'LF'}</span>
            <span>UTF-8{loaded.doc.bom ? ' BOM' : ''}</span>
          </footer>
        </>
      ) : null}
    </article>
  );
}

/** The pane before any post is open. */
export function DocumentPlaceholder() {
  const { t } = useI18n();
  return (
    <div className="document-empty">
      <Icon name="file" className="empty-icon" />
      <p>{t('document.empty')}</p>
    </div>
  );
}
