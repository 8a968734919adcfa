/**
 * What a typed form field shows: the user's own text while they type, the post's value otherwise. Typing is
 * committed (one undo step) after a pause, on Enter or when the field is left; a change of the text from
 * elsewhere (the editor, undo) shows at once unless the user is in the middle of typing.
 */
import { useEffect, useRef, useState } from 'react';

/** How long a typed field waits after the last key before it writes into the text. */
export const COMMIT_DELAY_MS = 600;

/** The value to show, and the handlers for typing and for committing now. */
export interface Draft {
  value: string;
  change(value: string): void;
  flush(): void;
}

/** A draft over `external` that calls `commit` with the typed value. */
export function useDraft(external: string, commit: (value: string) => void, delay = COMMIT_DELAY_MS): Draft {
  const [draft, setDraft] = useState<string | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    pending.current = null;
    if (value !== null) commitRef.current(value);
  };
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });

  // The post's value changed (the commit arrived, or an edit in the editor): show it unless typing is pending.
  useEffect(() => {
    if (pending.current === null) setDraft(null);
  }, [external]);

  // A timer must not fire into another tab's editor after this field is gone.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return {
    value: draft ?? external,
    change(value: string) {
      setDraft(value);
      pending.current = value;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => flushRef.current(), delay);
    },
    flush: () => flushRef.current(),
  };
}
