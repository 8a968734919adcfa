/**
 * One open post: its heading and marks, the messages that matter (could not open, read-only, changed on disk, save
 * error, unclosed front matter), the editor beside the live preview, and the status bar.
 */
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { PostEntry } from '../../../shared/contract/models';
import { pairOfPath, type PostPair } from '../../../shared/site/post-pairs';
import { ErrorDetail, errorHeadline } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { useDocText } from '../../common/use-doc-text';
import { useI18n } from '../../i18n/i18n-context';
import { MAX_EDITABLE_LINE } from '../../features/document/editor/document-checks';
import { DiskChangeBanner } from '../../features/document/disk-change-banner';
import { AutosaveWaits } from '../../features/document/autosave-waits';
import { postErrorText } from '../../i18n/post-error';
import { EditorHost } from '../../features/document/editor/editor-host';
import { setFrontMatterLintSchema } from '../../features/document/editor/front-matter-problems';
import { hasUnclosedFrontMatter } from '../../features/document/editor/front-matter-field';
import { OutlineMenu } from '../../features/document/editor/outline-menu';
import { scrollEditorToLine } from '../../features/document/editor/scroll-sync';
import { StatusBar } from '../../features/document/editor/status-bar';
import { useSymlinkText } from '../../features/posts/post-row';
import { FrontMatterPanel } from '../../features/front-matter/front-matter-panel';
import { effectiveSchema, fieldsForPath, READ_DELAY_MS, useFrontMatterReading, useFrontMatterSchema } from '../../features/front-matter/use-front-matter';
import { PreviewPane } from '../../features/preview/preview-pane';
import { InsertFigureButton } from '../../features/figures/insert-figure-dialog';
import type { FigureImport } from '../../features/figures/use-figure-import';
import { ExportButton } from '../../features/export/export-menu';
import { RenameOffer } from '../../features/rename/rename-offer';
import type { Exporter } from '../../features/export/use-export';
import type { TabInfo } from '../../features/document/document-tabs';
import type { Workspace } from '../../features/document/use-document-workspace';
import { TranslationsBar } from '../../features/translations/translations-bar';
import { followScroll, SideEditor } from './side-editor';

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

/** What the active tab's panel needs: the workspace, the tab, shared toggles and tools, and the site's pairs of translations. */
export interface DocumentPanelProps {
  workspace: Workspace;
  tab: TabInfo;
  panelId: string;
  form: FormToggle;
  figures: FigureImport;
  exporter: Exporter;
  /** Every release of the site with its translations (the header offers the other languages from it). */
  pairs: readonly PostPair[];
  /** Lists the posts again after a file was added, renamed or replaced here. */
  onPostsChanged(): void;
  /** The tab shown beside this one instead of the preview (a translation side by side), if any. */
  beside: TabInfo | null;
  /** Shows a post beside this one (opened as a tab behind it), or the preview again (null). */
  onShowBeside(post: PostEntry | null): void;
}

/** The panel of the active tab (keyed by path and generation, so a reload starts it afresh). */
export function DocumentPanel(props: DocumentPanelProps) {
  const { workspace, tab, panelId, form, figures, exporter, pairs, onPostsChanged, beside, onShowBeside } = props;
  const { t, day, languageName } = useI18n();
  const symlinkText = useSymlinkText();
  const { store, connectEditor, bridge, viewRef, sideViewRef, site } = workspace;
  const { post, path } = tab;
  const initial = store.editorState(path);
  // The editor's state is the one holder of the text: the preview follows the editor itself (through the
  // bridge), and React reads the text only a moment after typing pauses, for outline, word count and the form.
  const text = useDocText(bridge, READ_DELAY_MS, initial?.doc ?? null);
  const [unclosed, setUnclosed] = useState(() => (initial ? hasUnclosedFrontMatter(initial) : false));
  const schemaState = useFrontMatterSchema(site.root);
  const schema = schemaState.status === 'ready' ? schemaState.schema : null;
  const fields = useMemo(() => (schema ? fieldsForPath(schema, path) : null), [schema, path]);
  const checkedAgainst = useMemo(() => effectiveSchema(schema, fields), [schema, fields]);
  const ready = tab.status === 'ready' && initial;
  const highlighted = tab.mode !== 'plain';
  const readingOf = useFrontMatterReading(text, checkedAgainst, !!ready && highlighted);

  // The editor's linter marks the front matter's problems itself; it only needs the schema, when it arrives.
  useEffect(() => {
    if (ready && highlighted) viewRef.current?.dispatch({ effects: setFrontMatterLintSchema(checkedAgainst) });
  }, [checkedAgainst, ready, highlighted, viewRef]);

  // Route this editor's reports to its own tab: the store's unsaved mark and the unclosed warning (React re-renders
  // only when they change), scroll sync to the preview through the bridge, and to the translation beside it, if any.
  useLayoutEffect(() => {
    const state = ready ? store.editorState(path) : null;
    if (!state) return;
    return connectEditor(path, state, {
      onUpdate(update) {
        if (update.docChanged) setUnclosed(hasUnclosedFrontMatter(update.state));
      },
      onScrollLine: (line) => {
        bridge.sync(line, 'scroll');
        followScroll(viewRef.current, sideViewRef.current, line);
      },
      onCursorLine: (line) => bridge.sync(line, 'cursor'),
    });
  }, [connectEditor, bridge, store, path, ready, viewRef, sideViewRef]);

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
          <TranslationsBar
            site={site.root}
            post={post}
            pair={pairOfPath(pairs, path)}
            beside={beside?.path ?? null}
            onShowBeside={onShowBeside}
            onReplaced={(replaced) => void (store.tab(replaced)?.dirty ? store.fileChanged(replaced) : store.reload(replaced))}
            onPostsChanged={onPostsChanged}
          />
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
            {!readOnly ? <InsertFigureButton figures={figures} /> : null}
            <ExportButton exporter={exporter} />
            {!readOnly ? <AutosaveWaits tab={tab} text={text} /> : null}
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
          <p className="error-detail">{postErrorText(post.error, t)}</p>
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
      <DiskChangeBanner store={store} tab={tab} />
      {ready && tab.mode === 'edit' ? <RenameOffer site={site} post={post} pairs={props.pairs} saving={tab.saving} onMove={(from, to) => store.move(from, to)} onRenamed={props.onPostsChanged} /> : null}
      {tab.saveError ? (
        <Banner kind="error" title={t('editor.saveFailed')}>
          <p>{errorHeadline(tab.saveError, t)}</p>
          <ErrorDetail error={tab.saveError} />
          <div className="banner-actions">
            {/* A full disk or a file another program holds can pass: offer to save again, the text is still here. */}
            {tab.saveError.retryable ? (
              <button type="button" className="button small primary" onClick={() => void store.save(path)}>
                {t('app.retry')}
              </button>
            ) : null}
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
            {beside ? (
              <SideEditor key={`${beside.path}#${beside.generation}`} workspace={workspace} tab={beside} sourceLanguage={post.language} mainView={viewRef} onClose={() => onShowBeside(null)} />
            ) : (
              <PreviewPane site={site} path={path} bridge={bridge} onScrollToLine={onScrollToLine} />
            )}
          </div>
          <StatusBar
            text={text}
            bridge={bridge}
            eol={tab.snapshot?.eol ?? 'lf'}
            bom={tab.snapshot?.bom ?? false}
            readOnly={readOnly}
          />
        </>
      ) : null}
    </article>
  );
}
