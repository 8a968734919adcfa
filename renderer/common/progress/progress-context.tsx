/**
 * Progress for anything that takes longer than a moment: main's `progress` events and the renderer's own
 * awaited calls. The indicator appears only after a short delay, so quick work does not flicker.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useEvent } from '../../api/api-context';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import { applyProgressEvent, describeProgress, IDLE, isBusy, type ProgressState } from './progress-state';

/** How long work may take before the indicator shows. */
export const SHOW_AFTER_MS = 300;

interface ProgressApi {
  /** Runs `work`, showing `label` while it lasts longer than a moment; resolves to its result. */
  track<T>(label: MessageKey, work: () => Promise<T>): Promise<T>;
  busy: boolean;
}

const ProgressContext = createContext<ProgressApi | null>(null);

/** Holds what is running and shows the indicator over the current screen. */
export function ProgressProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ProgressState>(IDLE);
  const nextId = useRef(0);
  useEvent('progress', (event) => setState((s) => applyProgressEvent(s, event)));

  const track = useCallback(async <T,>(label: MessageKey, work: () => Promise<T>): Promise<T> => {
    const id = ++nextId.current;
    setState((s) => ({ ...s, tasks: [...s.tasks, { id, label }] }));
    try {
      return await work();
    } finally {
      setState((s) => ({ ...s, tasks: s.tasks.filter((t) => t.id !== id) }));
    }
  }, []);

  const busy = isBusy(state);
  const value = useMemo(() => ({ track, busy }), [track, busy]);
  return (
    <ProgressContext.Provider value={value}>
      {children}
      <ProgressIndicator state={state} />
    </ProgressContext.Provider>
  );
}

/** `track` and whether anything runs. */
export function useProgress(): ProgressApi {
  const p = useContext(ProgressContext);
  if (!p) throw new Error('useProgress needs a ProgressProvider above it');
  return p;
}

/** The status shown at the bottom of the window: a message, and a bar when the amount is known. */
function ProgressIndicator({ state }: { state: ProgressState }) {
  const { t } = useI18n();
  const busy = isBusy(state);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!busy) {
      setVisible(false);
      return;
    }
    const timer = setTimeout(() => setVisible(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [busy]);
  const d = describeProgress(state);
  const text = d ? t(d.key, d.params) : '';
  return (
    <div className="progress-host" role="status" aria-live="polite">
      {visible && d ? (
        <div className="progress-toast">
          <span className="spinner" aria-hidden="true" />
          <div className="progress-text">
            <span>{text}</span>
            <progress className="progress-bar" aria-label={text} max={1} value={d.fraction ?? undefined} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
