/**
 * Keeps the unsaved text of every open document in the recovery store (`recovery.put`), so a crash, a killed
 * process, a power cut or a reloaded page loses nothing typed. It writes a moment after typing pauses and at once
 * when the window loses focus or the page goes away; never per keystroke. On the keystroke path it only restarts a
 * timer; the text is read from the editor state (`toString()`) when it is written, and only if it changed since.
 */
import type { Api } from '../../../shared/contract/contract';
import type { DocText } from '../editor-bridge';

/** How long typing must pause before the unsaved text is kept. */
export const RECOVERY_IDLE_MS = 1500;

/** What the writer needs of the open documents (the document feature's tab store fits). */
export interface RecoveryTabs {
  /** The open tabs: which are loaded and which have unsaved changes. */
  getSnapshot(): { readonly tabs: readonly { readonly path: string; readonly dirty: boolean; readonly status: string }[] };
  /** Hears changes of the tabs (opened, closed, unsaved mark, saved); not every keystroke. */
  subscribe(listener: () => void): () => void;
  /** The tab's editor state now; its `doc` is a new object whenever the text changed. */
  editorState(path: string): { readonly doc: DocText } | null;
  /** The version of the file the tab's text is based on (null while unknown). */
  baseVersion(path: string): string | null;
}

/** The calls the writer makes. */
export type RecoveryCalls = Pick<Api, 'recovery.put' | 'recovery.discard'>;

/** Timer functions, so tests can drive time. */
export interface RecoveryClock {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realClock: RecoveryClock = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the store holds from this writer for one document: the text object and the version it was put with. */
interface Kept {
  doc: DocText;
  baseVersion: string;
}

/** One site's writer: puts dirty documents' text after idle or on leave, discards it when they become clean or close. */
export class RecoveryWriter {
  private readonly kept = new Map<string, Kept>();
  /** Calls for one document go out one after the other, so a discard never overtakes a put (HTTP may reorder). */
  private readonly chains = new Map<string, Promise<unknown>>();
  private timer: unknown = null;
  private closed = false;

  constructor(
    private readonly api: RecoveryCalls,
    private readonly site: string,
    private readonly tabs: RecoveryTabs,
    private readonly clock: RecoveryClock = realClock,
    private readonly idleMs: number = RECOVERY_IDLE_MS,
  ) {}

  /** Starts following the tabs; the returned function stops (what is kept stays kept: an unmount may be a crash, not a choice). */
  attach(): () => void {
    const stop = this.tabs.subscribe(() => this.tabsChanged());
    return () => {
      stop();
      if (this.timer !== null) this.clock.clear(this.timer);
      this.timer = null;
    };
  }

  /** The text changed (a keystroke): only restarts the idle wait. */
  touched(): void {
    if (this.closed) return;
    if (this.timer !== null) this.clock.clear(this.timer);
    this.timer = this.clock.set(() => {
      this.timer = null;
      void this.flush();
    }, this.idleMs);
  }

  /** Keeps every unsaved text that changed since it was last kept, now (the window lost focus, the page is going). */
  flush(): Promise<void> {
    if (this.timer !== null) this.clock.clear(this.timer);
    this.timer = null;
    if (this.closed) return Promise.resolve();
    const writes: Promise<unknown>[] = [];
    for (const tab of this.tabs.getSnapshot().tabs) {
      if (!tab.dirty || tab.status !== 'ready') continue;
      const doc = this.tabs.editorState(tab.path)?.doc;
      const baseVersion = this.tabs.baseVersion(tab.path);
      if (!doc || baseVersion === null) continue;
      const kept = this.kept.get(tab.path);
      if (kept && kept.doc === doc && kept.baseVersion === baseVersion) continue;
      writes.push(this.put(tab.path, doc, baseVersion));
    }
    return Promise.all(writes).then(() => undefined);
  }

  /** The user closed the site and chose to discard its unsaved work: forget everything kept, write nothing more. */
  discardAll(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) this.clock.clear(this.timer);
    this.timer = null;
    return Promise.all([...this.kept.keys()].map((path) => this.discard(path))).then(() => undefined);
  }

  /** A tab closed, became clean (saved, undone, reloaded) or got a new base version (saved while typing went on). */
  private tabsChanged(): void {
    if (this.closed) return;
    const tabs = new Map(this.tabs.getSnapshot().tabs.map((t) => [t.path, t]));
    for (const path of [...this.kept.keys()]) {
      const tab = tabs.get(path);
      // Closed (after save or discard), or clean again: the text the store holds is not needed any more.
      if (!tab || (!tab.dirty && tab.status === 'ready')) void this.discard(path);
    }
    for (const tab of tabs.values()) {
      if (!tab.dirty || tab.status !== 'ready') continue;
      const kept = this.kept.get(tab.path);
      // Newly unsaved, or saved underneath while the text moved on (the save removed the entry): keep it again soon.
      if (!kept || kept.baseVersion !== this.tabs.baseVersion(tab.path)) {
        this.touched();
        return;
      }
    }
  }

  private enqueue(path: string, call: () => Promise<unknown>): Promise<unknown> {
    const next = (this.chains.get(path) ?? Promise.resolve()).then(call, call);
    const settled = next.catch(() => undefined);
    this.chains.set(path, settled);
    void settled.then(() => {
      if (this.chains.get(path) === settled) this.chains.delete(path);
    });
    return next;
  }

  private put(path: string, doc: DocText, baseVersion: string): Promise<unknown> {
    const kept: Kept = { doc, baseVersion };
    this.kept.set(path, kept);
    const text = doc.toString();
    return this.enqueue(path, async () => {
      const r = await this.api['recovery.put']({ site: this.site, path, text, baseVersion });
      if (r.ok) return;
      // Not kept (too large, app data not writable): try again at the next pause or leave.
      if (this.kept.get(path) === kept) this.kept.delete(path);
      console.warn(`pressroom: could not keep unsaved text of ${path} for recovery: ${r.error.message}`);
    });
  }

  private discard(path: string): Promise<unknown> {
    this.kept.delete(path);
    return this.enqueue(path, () => this.api['recovery.discard']({ site: this.site, path }));
  }
}

/** Events that mean the window may go away or the user went elsewhere: keep the unsaved text at once. */
export function flushWhenLeaving(writer: Pick<RecoveryWriter, 'flush'>, win: Window): () => void {
  const flush = () => void writer.flush();
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') flush();
  };
  win.addEventListener('blur', flush);
  win.addEventListener('pagehide', flush);
  win.addEventListener('beforeunload', flush);
  win.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    win.removeEventListener('blur', flush);
    win.removeEventListener('pagehide', flush);
    win.removeEventListener('beforeunload', flush);
    win.document.removeEventListener('visibilitychange', onVisibility);
  };
}
