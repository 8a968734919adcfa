/**
 * A translation's editor beside the open post's: a normal tab of the store (save, autosave, unsaved mark, recovery
 * and closing questions as for any tab) shown in the right half instead of the preview, reporting to its own tab, and
 * scrolling together with the open post's editor by heading.
 */
import type { Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { type MutableRefObject, useEffect, useLayoutEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { EditorHost } from '../../features/document/editor/editor-host';
import { outlineOf } from '../../features/document/editor/outline';
import { scrollEditorToLine, topVisibleLine } from '../../features/document/editor/scroll-sync';
import type { TabInfo } from '../../features/document/document-tabs';
import type { Workspace } from '../../features/document/use-document-workspace';
import { alignLine, type HeadingMap } from '../../features/translations/heading-align';
import { SidePane } from '../../features/translations/side-pane';

const maps = new WeakMap<Text, HeadingMap>();

/** The headings of a document, worked out once per version of its text (a scroll asks many times). */
function headingMap(doc: Text): HeadingMap {
  let map = maps.get(doc);
  if (!map) {
    map = { headings: outlineOf(doc.toString()).map((h) => h.line), lines: doc.lines };
    maps.set(doc, map);
  }
  return map;
}

/** Scrolls `to` so the line matching `from`'s top line (`line`) is at its top: the same heading, the same share of a section. */
export function followScroll(from: EditorView | null, to: EditorView | null, line: number): void {
  if (!from || !to) return;
  scrollEditorToLine(to, alignLine(line, headingMap(from.state.doc), headingMap(to.state.doc)));
}

/** Props: the workspace, the tab shown beside the active one, the active post's language and view, and the way back. */
export interface SideEditorProps {
  workspace: Workspace;
  tab: TabInfo;
  sourceLanguage: string | null;
  /** The active editor's view, to scroll with. */
  mainView: MutableRefObject<EditorView | null>;
  onClose(): void;
}

/** The translation's pane; keyed by path and generation, so a reload starts it afresh. */
export function SideEditor({ workspace, tab, sourceLanguage, mainView, onClose }: SideEditorProps) {
  const { t, languageName } = useI18n();
  const { store, sideViewRef, connectEditor } = workspace;
  const { path } = tab;
  const [initial] = useState(() => store.editorState(path));
  const ready = tab.status === 'ready' && initial;

  // This editor reports to its own tab (never the active one's) and leaves the bridge to the active editor; its
  // scrolling scrolls the active editor to the matching line.
  useLayoutEffect(() => {
    if (!initial) return;
    return connectEditor(path, initial, { onScrollLine: (line) => followScroll(sideViewRef.current, mainView.current, line) }, true);
  }, [connectEditor, path, initial, sideViewRef, mainView]);

  // When it appears, it starts at the place matching what the active editor shows.
  useEffect(() => {
    const main = mainView.current;
    if (ready && main) followScroll(main, sideViewRef.current, topVisibleLine(main));
  }, [ready, mainView, sideViewRef]);

  return (
    <SidePane
      language={tab.post.language}
      sourceLanguage={sourceLanguage}
      path={path}
      dirty={tab.dirty}
      saving={tab.saving}
      canSave={!!ready && tab.mode === 'edit'}
      onSave={() => void store.save(path)}
      onClose={onClose}
      problem={!!tab.disk || !!tab.saveError}
      onOpenTab={() => store.activate(path)}
    >
      {ready ? (
        <div className={`editor-region ${tab.mode === 'plain' ? 'editor-plain' : ''}`} role="region" aria-label={t('pairs.sideText', { language: tab.post.language ? languageName(tab.post.language) : '', path })}>
          <EditorHost state={initial} scroll={store.scrollOf(path)} onLeave={(state, scroll) => store.leave(path, state, scroll)} viewRef={sideViewRef} />
        </div>
      ) : (
        <div className="document-state" role="status">
          <span className="spinner" aria-hidden="true" />
          {tab.status === 'failed' ? t('document.failed') : t('pairs.loading', { language: tab.post.language ? languageName(tab.post.language) : path })}
        </div>
      )}
    </SidePane>
  );
}
