/**
 * React's view of the editor, off the keystroke path: the text a moment after typing pauses (for word count,
 * outline and the front-matter form) and the cursor position. Neither makes React hold the text per keystroke.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocText, EditorBridge, EditorCursor } from './editor-bridge';

/**
 * The editor's text, read `delayMs` after the last change (at once when a view opens a document); `fallback`
 * until the editor has reported (e.g. the stored state of the tab, before its view exists).
 */
export function useDocText(bridge: EditorBridge, delayMs: number, fallback: DocText | null = null): string {
  const [text, setText] = useState(() => (bridge.current() ?? fallback)?.toString() ?? '');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      timer = undefined;
      const doc = bridge.current();
      if (doc) setText(doc.toString());
    };
    const stop = bridge.listenText((opened) => {
      if (timer !== undefined) clearTimeout(timer);
      if (opened) read();
      else timer = setTimeout(read, delayMs);
    });
    // A view that opened between the first render and this effect is read now.
    if (bridge.current()) read();
    return () => {
      stop();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [bridge, delayMs]);
  return text;
}

/** The cursor of the editor; only the component that shows it re-renders when it moves. */
export function useEditorCursor(bridge: EditorBridge): EditorCursor {
  return useSyncExternalStore(bridge.subscribeCursor, bridge.cursor);
}
