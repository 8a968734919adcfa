/**
 * The open documents of a site, as the site screen uses them: the tab store, each shown editor's reports routed to
 * its own tab, Ctrl/Cmd+S, re-reading files that changed on disk, and the questions asked before unsaved work is closed.
 */
import type { EditorState } from '@codemirror/state';
import { type EditorView } from '@codemirror/view';
import { type MutableRefObject, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { PostEntry, SiteSummary } from '../../../shared/contract/models';
import { useApi, useEvent } from '../../api/api-context';
import { EditorBridge } from '../../common/editor-bridge';
import { useI18n } from '../../i18n/i18n-context';
import { createEditorState, editorCallbacksOf, type EditorCallbacks, NO_CALLBACKS } from './editor/editor-setup';
import { editorPhrases } from './editor/editor-phrases';
import { setEditorPhrases } from './editor/editor-language';
import { DocumentTabs, type TabsSnapshot } from './document-tabs';
import { isDark } from '../../theme/shown-theme';
import { useLeaveGuard } from '../../common/use-leave-guard';
import { useAutosave } from './use-autosave';
import { useRecoveryWriter } from '../../common/recovery/use-recovery-writer';
import { registerOpenDocuments } from '../../common/open-documents';
import type { BlockProblem } from '../../../shared/front-matter/read-block';

/** A question waiting for the user: close one unsaved tab, close the site with unsaved tabs, or save a post whose front matter cannot be read. */
export type PendingClose =
  | { kind: 'tab'; path: string }
  | { kind: 'site'; onClosed: () => void; failed: boolean }
  | { kind: 'front-matter'; path: string; problem: BlockProblem; resolve(saveAnyway: boolean): void };

/** Everything the site screen and the workspace view need. */
export interface Workspace {
  site: SiteSummary;
  store: DocumentTabs;
  snapshot: TabsSnapshot;
  /**
   * Routes the reports of an editor showing `state` to the tab at `path` (its unsaved mark, autosave, recovery) and to
   * `more` (scroll sync, warnings); `side` for an editor beside the active one, which leaves the bridge alone. Returns
   * the undo, for the panel's effect cleanup.
   */
  connectEditor(path: string, state: EditorState, more: Partial<EditorCallbacks>, side?: boolean): () => void;
  /** Where the active editor feeds its text, cursor and scroll position (the preview and status bar follow it). */
  bridge: EditorBridge;
  /** The active editor's view, while it exists. */
  viewRef: MutableRefObject<EditorView | null>;
  /** The view of the editor shown beside the active one (a translation side by side), while it exists. */
  sideViewRef: MutableRefObject<EditorView | null>;
  pending: PendingClose | null;
  open(post: PostEntry): void;
  requestCloseTab(path: string): void;
  /** Calls `onClosed` at once when nothing is unsaved; otherwise asks first. */
  requestCloseSite(onClosed: () => void): void;
  /** Answers the pending question. */
  answer(choice: 'save' | 'discard' | 'cancel'): Promise<void>;
}

/** What `routeEditor` reports to besides the tab store: an edit happened (autosave and recovery restart their wait). */
export interface EditorRouting {
  store: Pick<DocumentTabs, 'update'>;
  /** Called on every change of the text of an editor that does not feed the bridge (the bridge's followers hear the others). */
  touched(): void;
}

/**
 * Makes `state`'s editor report to the tab at `path` only: its updates go to `store.update(path, …)`, so two editors
 * shown at once never write one's text under the other's tab. Returns the undo (only if nothing replaced it since).
 */
export function routeEditor(routing: EditorRouting, path: string, state: EditorState, more: Partial<EditorCallbacks>, side = false): () => void {
  const ref = editorCallbacksOf(state);
  const mine: EditorCallbacks = {
    feedsBridge: !side,
    onUpdate(update) {
      routing.store.update(path, update.state, update.docChanged);
      if (update.docChanged && side) routing.touched();
      more.onUpdate?.(update);
    },
    onScrollLine: (line) => more.onScrollLine?.(line),
    onCursorLine: (line) => more.onCursorLine?.(line),
  };
  ref.current = mine;
  return () => {
    if (ref.current === mine) ref.current = NO_CALLBACKS;
  };
}

/** Creates the workspace of one open site. */
export function useDocumentWorkspace(site: SiteSummary): Workspace {
  const api = useApi();
  const { t, language } = useI18n();
  const viewRef = useRef<EditorView | null>(null);
  const sideViewRef = useRef<EditorView | null>(null);
  const [bridge] = useState(() => new EditorBridge());
  const words = useRef({ t, language });
  useEffect(() => {
    words.current = { t, language };
  });
  // A new interface language renames the open editor at once (its attributes are asked again on any update);
  // the other tabs' editors are named afresh when they are shown.
  useEffect(() => {
    viewRef.current?.dispatch({});
  }, [language]);
  // CodeMirror's own words (search panel) follow too, in every shown editor (nothing happens when they have them).
  useEffect(() => {
    for (const view of [viewRef.current, sideViewRef.current]) if (view) setEditorPhrases(view, editorPhrases(language));
  });
  const [store] = useState<DocumentTabs>(
    () =>
      new DocumentTabs(api, site.root, (_path, text, mode, pathNow) =>
        createEditorState(text, {
          mode,
          bridge,
          // Asked on every update, so a tab renamed with its file is announced by its new name.
          label: () => words.current.t('document.text', { path: pathNow() }),
          searchLabel: () => words.current.t('editor.search'),
          phrases: editorPhrases(words.current.language),
          dark: isDark(),
        }),
        // The view showing the tab now, the active one or the one beside it (the store checks it holds the tab's state).
        (path: string): EditorView | null => [viewRef.current, sideViewRef.current].find((view) => view && view.state === store.editorState(path)) ?? null,
      ),
  );
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [pending, setPending] = useState<PendingClose | null>(null);
  // A save of front matter that cannot be read asks first (one question at a time; autosave never asks, it waits).
  useEffect(() => {
    let asking = false;
    store.confirmUnreadable = (path, problem) => {
      // Saving several at once (close site, save all): the one asked about decides; the others keep waiting.
      if (asking) return Promise.resolve(false);
      asking = true;
      return new Promise((resolve) => {
        store.activate(path);
        setPending({ kind: 'front-matter', path, problem, resolve: (yes) => ((asking = false), resolve(yes)) });
      });
    };
    return () => {
      store.confirmUnreadable = null;
    };
  }, [store]);
  const saver = useAutosave(store, bridge);
  const recovery = useRecoveryWriter(site.root, store, bridge);
  const connectEditor = useCallback(
    (path: string, state: EditorState, more: Partial<EditorCallbacks>, side = false) =>
      routeEditor({ store, touched: () => (saver.touched(), recovery.touched()) }, path, state, more, side),
    [store, saver, recovery],
  );
  useLeaveGuard(() => store.unsaved().length > 0);
  // The git panel asks which posts are unsaved (and saves them) before a branch switch; see common/open-documents.
  useEffect(
    () => registerOpenDocuments(site.root, { unsavedPaths: () => store.unsaved(), saveAll: () => store.saveAll(), activePath: () => store.getSnapshot().active }),
    [site.root, store],
  );

  // Ctrl/Cmd+S saves the active post wherever the focus is, or the one beside it when typing there (and keeps the
  // browser's "save page" away).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        const side = sideViewRef.current;
        const sidePath = side && e.composedPath().includes(side.dom) ? store.getSnapshot().tabs.find((t) => store.editorState(t.path) === side.state)?.path : null;
        const target = sidePath ?? store.getSnapshot().active;
        if (target) void store.save(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  // Every change heard on disk is checked by reading the file again: our own saves come back with the version
  // the tab already has and change nothing; see DocumentTabs.fileChanged.
  useEvent(
    'file.changed',
    useCallback(
      (e: { site: string; path: string }) => {
        if (e.site === site.root) store.diskEvent(e.path);
      },
      [site.root, store],
    ),
  );

  const open = useCallback((post: PostEntry) => store.open(post), [store]);

  const requestCloseTab = useCallback(
    (path: string) => {
      if (store.tab(path)?.dirty) {
        store.activate(path);
        setPending({ kind: 'tab', path });
      } else store.close(path);
    },
    [store],
  );

  const requestCloseSite = useCallback(
    (onClosed: () => void) => {
      if (store.unsaved().length === 0) onClosed();
      else setPending({ kind: 'site', onClosed, failed: false });
    },
    [store],
  );

  const answer = useCallback(
    async (choice: 'save' | 'discard' | 'cancel') => {
      const question = pending;
      if (question?.kind === 'front-matter') {
        setPending(null);
        question.resolve(choice === 'save');
        return;
      }
      if (!question || choice === 'cancel') {
        setPending(null);
        return;
      }
      if (question.kind === 'tab') {
        setPending(null);
        if (choice === 'discard' || (await store.save(question.path))) store.close(question.path);
        return;
      }
      if (choice === 'discard' || (await store.saveAll())) {
        setPending(null);
        if (choice === 'discard') void recovery.discardAll();
        question.onClosed();
        return;
      }
      const failed = store.unsaved()[0];
      if (failed) store.activate(failed);
      setPending({ ...question, failed: true });
    },
    [pending, store, recovery],
  );

  return { site, store, snapshot, connectEditor, bridge, viewRef, sideViewRef, pending, open, requestCloseTab, requestCloseSite, answer };
}
