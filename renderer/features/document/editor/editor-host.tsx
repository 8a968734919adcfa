/**
 * Hosts one CodeMirror view for one document's state. A new view is made per tab (key it by path), which is
 * cheap; the state, with its undo history, lives in the document store and is handed back when the view goes.
 * The view lives in a shadow root so its styles need no <style> element (see below).
 */
import type { EditorState, StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { type MutableRefObject, useEffect, useRef } from 'react';
import { isDark, onShownThemeChange } from '../../../theme/shown-theme';
import { setEditorDark } from './editor-setup';

/** Props: the state to show, where to scroll back to, and where to hand the state when the view goes. */
export interface EditorHostProps {
  state: EditorState;
  scroll: StateEffect<unknown> | null;
  onLeave(state: EditorState, scroll: StateEffect<unknown>): void;
  /** Receives the view while it exists, for commands from outside (outline, scroll sync, focus). */
  viewRef: MutableRefObject<EditorView | null>;
}

/** The editor element. Its props are read once, when it mounts. */
export function EditorHost({ state, scroll, onLeave, viewRef }: EditorHostProps) {
  const parent = useRef<HTMLDivElement>(null);
  const initial = useRef({ state, scroll, onLeave });

  useEffect(() => {
    const host = parent.current;
    if (!host) return;
    const { state: startState, scroll: startScroll, onLeave: leave } = initial.current;
    // A shadow root, because CodeMirror (style-mod) adds its styles as a <style> element to a document, which
    // the CSP forbids, but as an adopted style sheet to a shadow root. CSS variables still inherit into it.
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const view = new EditorView({ state: startState, parent: root, root });
    viewRef.current = view;
    setEditorDark(view, isDark());
    if (startScroll) view.dispatch({ effects: startScroll });
    // Follow the app's theme while the editor is open.
    const stopFollowingTheme = onShownThemeChange((dark) => setEditorDark(view, dark));
    return () => {
      stopFollowingTheme();
      leave(view.state, view.scrollSnapshot());
      if (viewRef.current === view) viewRef.current = null;
      view.destroy();
    };
  }, [viewRef]);

  return <div ref={parent} className="editor-host" />;
}
