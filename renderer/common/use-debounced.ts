/** Debouncing for typed input, so the path field asks main for suggestions only when the user pauses. */
import { useEffect, useState } from 'react';

/** The value, delayed until it has not changed for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
