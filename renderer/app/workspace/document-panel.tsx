/**
 * One open post: its heading and marks, the messages that matter (could not open, read-only, conflict, save
 * error, unclosed front matter), the editor beside the live preview, and the status bar.
 */
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { ErrorDetail, errorHeadline } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { MAX_EDITABLE_LINE } from '../../features/document/editor/document-checks';
import { EditorHost } from '../../features/document/editor/editor-host';
import { setFrontMatterProblems } from '../../features/document/editor/front-matter-problems';
import { hasUnclosedFrontMatter } from '../../features/document/editor/front-matter-field';
import { OutlineMenu } from '../../features/document/editor/outline-menu';
import { scrollEditorToLine } from '../../features/document/editor/scroll-sync';
import { StatusBar } from '../../features/document/editor/status-bar';
import { useSymlinkText } from '../../features/posts/post-row';
import { FrontMatterPanel } from '../../features/front-matter/front-matter-panel';
import { fieldsForPath, useFrontMatterReading, useFrontMatterSchema } from '../../features/front-matter/use-front-matter';
import { PreviewPane, type PreviewSync } from '../../features/preview/preview-pane';
import type { TabInfo } from '../../features/document/document-tabs';
import type { Workspace } from '../../features/document/use-document-workspace';

/** A message above the editor: warning or error, with optional actions. */
function Banner({ kind, title, children }: { kind: 'warn' | 'error'; title: string; children?: React.ReactNode }) {
  return (
    <div className={`alert alert-${kind} document-banner`} role="alert">
      <Icon name={kind === 'warn' ? 'lock' : 'alert'} className="alert-icon" />
      <div className="alert-body">
        <p className="alert-title">{title}</p>
        {children}
      </div>
    </div>
  );
}

function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

/** Whether the front-matter form is shown, shared by every tab of the workspace. */
export interface FormToggle {
  open: boolean;
  onToggle(): void;
}

/** The panel of the active tab (keyed by path and generation, so a reload starts it afresh). */
export function DocumentPanel({ workspace, tab, panelId, form }: { workspace: Workspace; tab: TabInfo; panelId: string; form: FormToggle }) {
  const { t, day, languageName } = useI18n();
  const symlinkText = useSymlinkText();
  const { store, callbacks, viewRef, site } = workspace;
  const { post, path } = tab;
  const initial = store.editorState(path);
  const [text, setText] = useState(() => initial?.doc.toString() ?? '');
  const [cursor, setCursor] = useState(() => cursorOf(initial?.selection.main.head ?? 0));
  const [unclosed, setUnclosed] = useState(() => (initial ? hasUnclosedFrontMatter(initial) : false));
  const [sync, setSync] = useState<PreviewSync | null>(null);
  const schemaState = useFrontMatterSchema(site.root);
  const schema = schemaState.status === 'ready' ? schemaState.schema : null;
  const fields = schema ? fieldsForPath(schema, path) : null;
  const readingOf = useFrontMatterReading(text, schema, fields, tab.status === 'ready' && !!initial && tab.mode !== 'plain');

  // The front matter's problems also show in the editor, on their lines (sent only when they change).
  const problemsKey = JSON.stringify(readingOf?.reading.problems.map((p) => [p.line, p.message]) ?? []);
  useEffect(() => {
    const problems = (JSON.parse(problemsKey) as Array<[number, string]>).map(([line, message]) => ({ line, message }));
    viewRef.current?.dispatch({ effects: setFrontMatterProblems.of(problems) });
  }, [problemsKey, viewRef]);

  function cursorOf(head: number) {
    const state = store.editorState(path);
    if (!state) return { line: 1, column: 1 };
    const line = state.doc.lineAt(head);
    return { line: line.number, column: head - line.from + 1 };
  }

  // Route the editor's reports to this panel while it is the active one.
  useLayoutEffect(() => {
    callbacks.current = {
      onUpdate(update) {
        store.update(path, update.state, update.docChanged);
        if (update.docChanged) {
          setText(update.state.doc.toString());
          setUnclosed(hasUnclosedFrontMatter(update.state));
        }
        if (update.docChanged || update.selectionSet) {
          const head = update.state.selection.main.head;
          const line = update.state.doc.lineAt(head);
          setCursor({ line: line.number, column: head - line.from + 1 });
        }
      },
      onScrollLine: (line) => setSync({ line, reason: 'scroll' }),
      onCursorLine: (line) => setSync({ line, reason: 'cursor' }),
    };
  }, [callbacks, store, path]);

  const onScrollToLine = useCallback(
    (line: number) => {
      if (viewRef.current) scrollEditorToLine(viewRef.current, line);
    },
    [viewRef],
  );

  const jumpTo = useCallback(
    (lineNumber: number) => {
      const view = viewRef.current;
      if (!view) return;
      const line = view.state.doc.line(Math.min(lineNumber, view.state.doc.lines));
      view.dispatch({
        selection: EditorSelection.cursor(line.from),
        effects: EditorView.scrollIntoView(line.from, { y: 'start', yMargin: 24 }),
        userEvent: 'select',
      });
      view.focus();
    },
    [viewRef],
  );

  const onLeave = useCallback((state: Parameters<typeof store.leave>[1], scroll: Parameters<typeof store.leave>[2]) => store.leave(path, state, scroll), [store, path]);

  const ready = tab.status === 'ready' && initial;
  const readOnly = tab.mode !== 'edit';
  return (
    <article className="document" id={panelId} role="tabpanel" aria-labelledby={`${panelId}-title`}>
      <header className="document-head">
        <div className="document-heading">
          <h2 id={`${panelId}-title`} className="document-title" title={post.title}>
            {post.title || t('posts.untitled')}
          </h2>
          <div className="document-marks">
            <span className="document-path" title={post.path}>
              <Icon name="file" />
              <span>{post.path}</span>
            </span>
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
        {ready ? (
          <div className="document-actions">
            {tab.mode !== 'plain' ? (
              <button type="button" className={`button small ${form.open ? '' : 'ghost'}`} aria-pressed={form.open} onClick={form.onToggle}>
                {t('frontMatter.toggle')}
                {readingOf && readingOf.reading.problems.length > 0 ? (
                  <span className="badge badge-error" aria-label={t('frontMatter.problemCount', { count: readingOf.reading.problems.length })}>
                    {readingOf.reading.problems.length}
                  </span>
                ) : null}
              </button>
            ) : null}
            {tab.mode !== 'plain' ? <OutlineMenu text={text} onJump={jumpTo} /> : null}
            {!readOnly ? (
              <button
                type="button"
                className="button small"
                disabled={!tab.dirty || tab.saving}
                onClick={() => void store.save(path)}
                title={t('editor.saveHint', { shortcut: isMac() ? '⌘S' : 'Ctrl+S' })}
              >
                {tab.saving ? t('editor.saving') : t('editor.save')}
              </button>
            ) : null}
          </div>
        ) : null}
      </header>

      {post.error && tab.status !== 'failed' ? (
        <Banner kind="warn" title={t('posts.error')}>
          <p className="error-detail">{post.error}</p>
        </Banner>
      ) : null}
      {tab.status === 'loading' ? (
        <div className="document-state" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('document.loading')}
        </div>
      ) : null}
      {tab.status === 'failed' && tab.error ? (
        <Banner kind="error" title={t('document.failed')}>
          <p>{errorHeadline(tab.error, t)}</p>
          <ErrorDetail error={tab.error} />
        </Banner>
      ) : null}
      {ready && tab.reason === 'long-line' ? (
        <Banner kind="warn" title={t('editor.longLineTitle')}>
          <p className="error-detail">{t('editor.longLine', { limit: MAX_EDITABLE_LINE })}</p>
        </Banner>
      ) : null}
      {ready && tab.reason === 'mixed-eol' ? (
        <Banner kind="warn" title={t('editor.mixedEolTitle')}>
          <p className="error-detail">{t('editor.mixedEol')}</p>
        </Banner>
      ) : null}
      {ready && unclosed ? (
        <Banner kind="warn" title={t('editor.unclosedFrontMatterTitle')}>
          <p className="error-detail">{t('editor.unclosedFrontMatter')}</p>
        </Banner>
      ) : null}
      {tab.conflict ? (
        <Banner kind="error" title={t('editor.conflictTitle')}>
          <p className="error-detail">{t('editor.conflictText')}</p>
          <div className="banner-actions">
            <button type="button" className="button small" onClick={() => void store.reload(path)}>
              {t('editor.reload')}
            </button>
            <button type="button" className="button small primary" onClick={() => store.keepEditing(path)}>
              {t('editor.keepEditing')}
            </button>
          </div>
        </Banner>
      ) : null}
      {tab.saveError ? (
        <Banner kind="error" title={t('editor.saveFailed')}>
          <p>{errorHeadline(tab.saveError, t)}</p>
          <ErrorDetail error={tab.saveError} />
          <div className="banner-actions">
            <button type="button" className="button small" onClick={() => store.dismissSaveError(path)}>
              {t('error.dismiss')}
            </button>
          </div>
        </Banner>
      ) : null}

      {ready && form.open && tab.mode !== 'plain' ? (
        <FrontMatterPanel
          site={site}
          readingOf={readingOf}
          fields={fields}
          schemaFailed={schemaState.status === 'failed'}
          viewRef={viewRef}
          readOnly={readOnly}
          onJump={jumpTo}
        />
      ) : null}
      {ready ? (
        <>
          <div className="document-split" role="group" aria-label={t('editor.editorAndPreview')}>
            <div className={`editor-region ${tab.mode === 'plain' ? 'editor-plain' : ''}`} role="region" aria-label={t('document.text', { path })}>
              <EditorHost state={initial} scroll={store.scrollOf(path)} onLeave={onLeave} viewRef={viewRef} />
            </div>
            <PreviewPane site={site} path={path} text={text} sync={sync} onScrollToLine={onScrollToLine} />
          </div>
          <StatusBar
            text={text}
            line={cursor.line}
            column={cursor.column}
            eol={tab.snapshot?.eol ?? 'lf'}
            bom={tab.snapshot?.bom ?? false}
            readOnly={readOnly}
          />
        </>
      ) : null}
    </article>
  );
}
