/**
 * Builds a post's EditorState: one state per open document, holding its text, selection and undo history,
 * so switching tabs keeps all three. What the editor offers depends on the mode the text allows.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension, Facet } from '@codemirror/state';
import { drawSelection, EditorView, keymap, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import type { BridgeFeed, EditorBridge } from '../../../common/editor-bridge';
import { markdownFormatKeymap } from './commands/markdown-keymap';
import { editorFeed } from './editor-feed';
import { editorPhrasesExtension } from './editor-language';
import { editorTheme } from '../../../common/editor-theme';
import { frontMatterLines } from './front-matter-field';
import { frontMatterProblems } from './front-matter-problems';
import { liquidTags } from './liquid-tags';
import { markdownWithFrontMatter } from './markdown-language';
import { renderProblems } from './render-problems';
import { scrollSync, type SyncCallbacks } from './scroll-sync';

/**
 * 'edit': everything. 'read-only': highlighted but not editable (e.g. mixed line endings).
 * 'plain': read-only without highlighting or wrapping, for text whose lines are too long to lay out quickly.
 */
export type EditorMode = 'edit' | 'read-only' | 'plain';

/** What the editor reports to the document workspace. */
export interface EditorCallbacks extends SyncCallbacks {
  onUpdate(update: ViewUpdate): void;
  /**
   * False for an editor shown beside the active one (a translation side by side): it must not feed the workspace's
   * bridge, which the preview, status bar, outline, form, export and figures read as the active post. Read when a
   * view is made on the state. Default true.
   */
  feedsBridge?: boolean;
}

/** A ref to the current callbacks of one editor state (and the states that follow from it). */
export interface EditorCallbacksRef {
  current: EditorCallbacks;
}

/** Callbacks that hear nothing: a state's until a panel shows it. */
export const NO_CALLBACKS: EditorCallbacks = { onUpdate: () => undefined, onScrollLine: () => undefined, onCursorLine: () => undefined };

const callbacksOfState = Facet.define<EditorCallbacksRef, EditorCallbacksRef | null>({ combine: (values) => values[0] ?? null });

/**
 * Where a state (and every state that follows from it by transactions) reports: each document has its own ref, so
 * two editors shown at once each report to their own tab, whatever path the tab has by then (a rename keeps it).
 */
export function editorCallbacksOf(state: EditorState): EditorCallbacksRef {
  const ref = state.facet(callbacksOfState);
  if (!ref) throw new Error('This editor state was not made by createEditorState.');
  return ref;
}

/** What a new state needs besides its text. */
export interface EditorStateOptions {
  mode: EditorMode;
  /** Where the text and cursor go on every change (preview, status bar, outline, form follow it there). */
  bridge: EditorBridge;
  /** Accessible name of the text area, asked on every view update so it follows the interface language. */
  label(): string;
  /** Accessible name of the find-and-replace panel, asked the same way. */
  searchLabel(): string;
  /** Translations of CodeMirror's own words (search panel), by English phrase. */
  phrases: Record<string, string>;
  dark: boolean;
}

/** Holds the light or dark theme so a running editor can switch it. */
export const themeCompartment = new Compartment();

/** Gives CodeMirror's find-and-replace panel a landmark role and a name, so screen readers announce it. */
function labelSearchPanel(labelOf: () => string): Extension {
  const apply = (view: EditorView) => {
    const panel = view.dom.querySelector('.cm-search');
    const label = labelOf();
    if (panel && panel.getAttribute('aria-label') !== label) {
      panel.setAttribute('role', 'search');
      panel.setAttribute('aria-label', label);
    }
  };
  return ViewPlugin.define((view) => {
    apply(view);
    return { update: (u) => apply(u.view) };
  });
}

/** The extensions for a mode; kept in one place so every tab's editor behaves the same. */
function extensionsFor(options: EditorStateOptions, callbacks: EditorCallbacksRef): Extension[] {
  const { mode } = options;
  const readOnly = mode !== 'edit';
  return [
    history(),
    drawSelection(),
    EditorState.allowMultipleSelections.of(true),
    EditorState.readOnly.of(readOnly),
    editorPhrasesExtension(options.phrases),
    mode === 'plain' ? [] : [markdownWithFrontMatter(), liquidTags(), frontMatterLines(), frontMatterProblems(), renderProblems(options.bridge), EditorView.lineWrapping],
    search({ top: true }),
    labelSearchPanel(options.searchLabel),
    keymap.of([...markdownFormatKeymap, ...defaultKeymap, ...historyKeymap, ...searchKeymap]),
    themeCompartment.of(editorTheme(options.dark)),
    // The text is the editor's one keyboard stop: named in the interface language, and in the Tab order even when
    // read-only, so keyboard users can reach and scroll it (axe's scrollable-region-focusable; CodeMirror keeps its
    // scroller out of the Tab order and makes the content the focus target).
    EditorView.contentAttributes.of(() => ({ 'aria-label': options.label(), tabindex: '0', ...(readOnly ? { 'aria-readonly': 'true' } : {}) })),
    // The text first, so the preview has asked for the keystroke's render before it hears the cursor line.
    editorFeed(gatedBridge(options.bridge, callbacks)),
    // What other features add through the bridge (the figures' drop and paste of images).
    options.bridge.editorExtensions(),
    scrollSync(callbacks),
    EditorView.updateListener.of((update) => callbacks.current.onUpdate(update)),
    callbacksOfState.of(callbacks),
  ];
}

const NO_FEED: BridgeFeed = { text: () => undefined, cursor: () => undefined, close: () => undefined };

/** The bridge as the editor feed sees it: a view made while its state's callbacks say `feedsBridge: false` connects to nothing. */
function gatedBridge(bridge: EditorBridge, callbacks: EditorCallbacksRef): EditorBridge {
  const gated: EditorBridge = Object.create(bridge);
  gated.connect = (actions) => (callbacks.current.feedsBridge === false ? NO_FEED : bridge.connect(actions));
  return gated;
}

/** A new state for a post's text (with "\n" line breaks; the save restores the file's own); it reports to its own callbacks ref. */
export function createEditorState(text: string, options: EditorStateOptions): EditorState {
  const callbacks: EditorCallbacksRef = { current: NO_CALLBACKS };
  return EditorState.create({ doc: text, extensions: extensionsFor(options, callbacks) });
}

/** Switches a running editor between the light and the dark theme. */
export function setEditorDark(view: EditorView, dark: boolean): void {
  view.dispatch({ effects: themeCompartment.reconfigure(editorTheme(dark)) });
}
