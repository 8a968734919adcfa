/**
 * Turns the watcher's raw stream into few, meaningful changes: every path is reported at most once per window
 * (its kinds merged: added then removed is nothing, removed then added is a change), and once more paths than
 * the cap were reported within a second (a checkout touching 500 files), the rest of the burst becomes one
 * site-wide change, so the transports are never flooded.
 */

/** What happened to a path; the contract's `file.changed` kinds. */
export type ChangeKind = 'changed' | 'added' | 'removed';

/** One reported change; `path` '' means anything in the site may have changed. */
export interface FileChange {
  path: string;
  kind: ChangeKind;
}

/** How a coalescer batches. */
export interface CoalesceOptions {
  /** How long after the first raw event of a quiet period the batch goes out (the latency the user sees). */
  windowMs: number;
  /** More paths than this within a second (sent and pending): what is pending, and the rest of the burst, goes out as one site-wide change. */
  maxPaths: number;
}

/** A coalescer: raw events in, batches out. */
export interface Coalescer {
  push(path: string, kind: ChangeKind): void;
  /** Sends what is pending now (e.g. before closing); a site-wide change drops the per-path ones. */
  flush(): void;
  /** Drops what is pending and stops the timer. */
  cancel(): void;
}

/** The period over which `maxPaths` is counted. */
const BUDGET_MS = 1000;

/** How a later raw event changes what an earlier one in the same window meant; null: nothing happened. */
function merge(before: ChangeKind, after: ChangeKind): ChangeKind | null {
  if (before === 'added') return after === 'removed' ? null : 'added';
  if (before === 'removed') return after === 'removed' ? 'removed' : 'changed';
  return after === 'removed' ? 'removed' : 'changed';
}

/** Creates a coalescer that hands each window's changes to `emit` (never an empty batch). */
export function createCoalescer(emit: (changes: FileChange[]) => void, opts: CoalesceOptions): Coalescer {
  // A null entry remembers a path whose changes cancelled out, so a later event starts from nothing again.
  let pending = new Map<string, ChangeKind | null>();
  let siteWide = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstAt = 0;
  // A site-wide batch waits for the burst to go quiet (one event for a whole checkout), but never longer than this.
  const maxWaitMs = opts.windowMs * 10;
  // Raw events before this time belong to the burst that went site-wide: however long it lasts, it stays
  // site-wide (one event per `maxWaitMs` at most), never a tail of per-path events.
  let stormUntil = 0;
  // Paths sent since `budgetFrom`; the cap counts them with the pending ones, over one second.
  let budgetFrom = 0;
  let budgetUsed = 0;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch: FileChange[] = siteWide ? [{ path: '', kind: 'changed' }] : [...pending].flatMap(([path, kind]) => (kind ? [{ path, kind }] : []));
    pending = new Map();
    siteWide = false;
    budgetUsed += batch.length;
    if (batch.length > 0) emit(batch);
  };

  return {
    push(path, kind) {
      const now = Date.now();
      if (now - budgetFrom > BUDGET_MS) {
        budgetFrom = now;
        budgetUsed = 0;
      }
      if (path === '' || now < stormUntil) siteWide = true;
      else if (!siteWide) {
        const before = pending.get(path);
        pending.set(path, before === undefined ? kind : before === null ? kind : merge(before, kind));
        if (pending.size + budgetUsed > opts.maxPaths) {
          siteWide = true;
          pending = new Map();
        }
      }
      if (siteWide) stormUntil = now + opts.windowMs;
      if (!timer) {
        firstAt = now;
        timer = setTimeout(flush, opts.windowMs);
      } else if (siteWide) {
        clearTimeout(timer);
        timer = setTimeout(flush, Math.max(0, Math.min(opts.windowMs, firstAt + maxWaitMs - now)));
      }
    },
    flush,
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = new Map();
      siteWide = false;
      stormUntil = 0;
    },
  };
}
