/**
 * Autosave: when the setting is on, every unsaved document is saved through the normal save after the user has
 * not typed for the chosen number of seconds. The normal save checks the version, so a file changed on disk is
 * never overwritten: that tab keeps its text and its conflict, and autosave leaves it alone until it is resolved.
 */
import type { TabInfo } from './document-tabs';

/** What autosave needs of the tab store (DocumentTabs fits). */
export interface AutosaveTabs {
  unsaved(): string[];
  tab(path: string): TabInfo | undefined;
  save(path: string): Promise<boolean>;
  /** Non-null when the tab's front matter cannot be read: autosave never saves it silently. */
  unreadableFrontMatter?(path: string): unknown;
}

/** Timer functions, so tests can drive time. */
export interface AutosaveClock {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realClock: AutosaveClock = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Whether autosave may save this tab now: editable, loaded, not saving, and no conflict or error waiting for the user. */
export function autosavable(tab: TabInfo | undefined): boolean {
  return !!tab && tab.dirty && tab.status === 'ready' && tab.mode === 'edit' && !tab.saving && !tab.conflict && !tab.saveError;
}

/** Restarts an idle timer on every edit and saves what is unsaved when it runs out. */
export class Autosaver {
  private delayMs: number | null = null;
  private timer: unknown = null;

  constructor(
    private readonly tabs: AutosaveTabs,
    private readonly clock: AutosaveClock = realClock,
  ) {}

  /** Turns autosave off (`seconds` null or below 1) or sets its delay; a running wait starts over. */
  configure(seconds: number | null): void {
    const next = seconds !== null && seconds >= 1 ? seconds * 1000 : null;
    if (next === this.delayMs) return;
    this.delayMs = next;
    this.cancel();
    if (next !== null && this.tabs.unsaved().length > 0) this.touched();
  }

  /** The user edited something: the idle wait starts again. */
  touched(): void {
    if (this.delayMs === null) return;
    this.cancel();
    this.timer = this.clock.set(() => {
      this.timer = null;
      void this.saveNow();
    }, this.delayMs);
  }

  /** Saves every unsaved tab autosave may save; true when all of them were written. */
  async saveNow(): Promise<boolean> {
    const due = this.tabs.unsaved().filter((path) => autosavable(this.tabs.tab(path)) && !this.tabs.unreadableFrontMatter?.(path));
    const results = await Promise.all(due.map((path) => this.tabs.save(path)));
    return results.every(Boolean);
  }

  /** Stops waiting (autosave off, or the site closed). */
  cancel(): void {
    if (this.timer !== null) this.clock.clear(this.timer);
    this.timer = null;
  }
}
