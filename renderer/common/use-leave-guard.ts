/**
 * Asks before the page goes away with unsaved work: the browser's own "Leave site?" question on reload or
 * close in browser mode; in the desktop window main sees the refused unload and asks with a native dialog.
 */
import { useEffect, useRef } from 'react';

/** Adds a `beforeunload` guard while the component is mounted; `hasUnsaved` is asked at the moment of leaving. */
export function useLeaveGuard(hasUnsaved: () => boolean): void {
  const ask = useRef(hasUnsaved);
  useEffect(() => {
    ask.current = hasUnsaved;
  });
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!ask.current()) return;
      e.preventDefault();
      // Older browsers (and Electron's will-prevent-unload) look at returnValue rather than preventDefault.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
