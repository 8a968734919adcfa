/**
 * The open documents of a site as a small store outside React: each tab keeps its own EditorState (text,
 * selection, undo history) and the version it was read at, so switching tabs loses nothing and a save
 * names the right version. React subscribes with useSyncExternalStore and re-renders only when what a
 * tab shows changes (loading, unsaved mark, errors), not on every keystroke.
 */
import type { EditorState, StateEffect, Text } from '@codemirror/state';
import type { Api } from '../../../shared/contract/contract';
import type { AppError } from '../../../shared/contract/errors';
import type { DocumentSnapshot, PostEntry } from '../../../shared/contract/models';
import { modeFor, type ReadOnlyReason } from './editor/document-checks';
import type { EditorMode } from './editor/editor-setup';

/** What the interface shows about one open document. */
export interface TabInfo {
  path: string;
  post: PostEntry;
  status: 'loading' | 'ready' | 'failed';
  /** Why the post could not be opened (not text, too large…). */
  error: AppError | null;
  /** How the file was when read: BOM, line endings, final newline. */
  snapshot: DocumentSnapshot | null;
  mode: EditorMode;
  reason: ReadOnlyReason;
  dirty: boolean;
  saving: boolean;
  /** A save failed for a reason other than a conflict; the text is kept. */
  saveError: AppError | null;
  /** A save found the file changed on disk; nothing was written, the text is kept. */
  conflict: boolean;
  /** Changes when the editor state is replaced (a reload), so the editor view is made anew. */
  generation: number;
}

/** The store's current value; a new object whenever anything shown changes. */
export interface TabsSnapshot {
  tabs: readonly TabInfo[];
  active: string | null;
}

interface Entry {
  state: EditorState | null;
  /** The text as last read or saved, to tell whether the editor differs from the file. */
  saved: Text | null;
  version: string;
  scroll: StateEffect<unknown> | null;
}

/** Makes the editor state for a document's text in a mode (the React layer supplies labels and callbacks). */
export type StateFactory = (path: string, text: string, mode: EditorMode) => EditorState;

/** The tabs of one open site. */
export class DocumentTabs {
  private value: TabsSnapshot = { tabs: [], active: null };
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly api: Api,
    private readonly site: string,
    private readonly makeState: StateFactory,
  ) {}

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore. */
  readonly getSnapshot = (): TabsSnapshot => this.value;

  private emit(next: TabsSnapshot): void {
    this.value = next;
    for (const l of this.listeners) l();
  }

  private patch(path: string, change: Partial<TabInfo>): void {
    const tabs = this.value.tabs.map((t) => (t.path === path ? { ...t, ...change } : t));
    this.emit({ ...this.value, tabs });
  }

  /** The tab for a path, if open. */
  tab(path: string): TabInfo | undefined {
    return this.value.tabs.find((t) => t.path === path);
  }

  /** Opens a post in a new tab, or brings its tab to the front. */
  open(post: PostEntry): void {
    if (this.tab(post.path)) {
      this.activate(post.path);
      return;
    }
    const tab: TabInfo = {
      path: post.path,
      post,
      status: 'loading',
      error: null,
      snapshot: null,
      mode: 'edit',
      reason: null,
      dirty: false,
      saving: false,
      saveError: null,
      conflict: false,
      generation: 0,
    };
    this.entries.set(post.path, { state: null, saved: null, version: '', scroll: null });
    this.emit({ tabs: [...this.value.tabs, tab], active: post.path });
    void this.read(post.path);
  }

  /** Reads the file and makes a fresh editor state for it (used on open and on "reload, discarding changes"). */
  private async read(path: string): Promise<void> {
    const r = await this.api['document.read']({ site: this.site, path });
    const entry = this.entries.get(path);
    const tab = this.tab(path);
    if (!entry || !tab) return; // closed meanwhile
    if (!r.ok) {
      this.patch(path, { status: 'failed', error: r.error });
      return;
    }
    const { mode, reason } = modeFor(r.value);
    const state = this.makeState(path, r.value.text, mode);
    entry.state = state;
    entry.saved = state.doc;
    entry.version = r.value.version;
    entry.scroll = null;
    this.patch(path, {
      status: 'ready',
      error: null,
      snapshot: r.value,
      mode,
      reason,
      dirty: false,
      saveError: null,
      conflict: false,
      generation: tab.generation + 1,
    });
  }

  /** Shows a tab. */
  activate(path: string): void {
    if (this.value.active !== path && this.tab(path)) this.emit({ ...this.value, active: path });
  }

  /** Closes a tab without asking (the interface asks first when it is unsaved). */
  close(path: string): void {
    const index = this.value.tabs.findIndex((t) => t.path === path);
    if (index === -1) return;
    this.entries.delete(path);
    const tabs = this.value.tabs.filter((t) => t.path !== path);
    let active = this.value.active;
    if (active === path) active = tabs[Math.min(index, tabs.length - 1)]?.path ?? null;
    this.emit({ tabs, active });
  }

  /** The editor state of a tab, to show it. */
  editorState(path: string): EditorState | null {
    return this.entries.get(path)?.state ?? null;
  }

  /** The editor's latest state; updates the unsaved mark when the text changed. */
  update(path: string, state: EditorState, docChanged: boolean): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    entry.state = state;
    if (!docChanged) return;
    const dirty = entry.saved ? !state.doc.eq(entry.saved) : false;
    if (this.tab(path)?.dirty !== dirty) this.patch(path, { dirty });
  }

  /** Remembers where a tab was scrolled when its editor goes away (tab switch). */
  leave(path: string, state: EditorState, scroll: StateEffect<unknown>): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    entry.state = state;
    entry.scroll = scroll;
  }

  /** Where to scroll a tab's editor back to. */
  scrollOf(path: string): StateEffect<unknown> | null {
    return this.entries.get(path)?.scroll ?? null;
  }

  /** Paths of the tabs with unsaved changes. */
  unsaved(): string[] {
    return this.value.tabs.filter((t) => t.dirty).map((t) => t.path);
  }

  /**
   * Saves a tab through `document.save` with the version it was read (or last saved) at. Unchanged text is
   * not sent at all. Resolves true when the file on disk now holds the editor's text.
   */
  async save(path: string): Promise<boolean> {
    const entry = this.entries.get(path);
    const tab = this.tab(path);
    if (!entry?.state || !tab || tab.status !== 'ready' || tab.mode !== 'edit' || tab.saving) return false;
    const doc = entry.state.doc;
    if (entry.saved && doc.eq(entry.saved)) {
      if (tab.dirty) this.patch(path, { dirty: false });
      return true;
    }
    this.patch(path, { saving: true, saveError: null });
    const r = await this.api['document.save']({ site: this.site, path, text: doc.toString(), baseVersion: entry.version });
    if (!this.entries.has(path)) return r.ok;
    if (r.ok) {
      entry.version = r.value.version;
      entry.saved = doc;
      const dirty = entry.state ? !entry.state.doc.eq(doc) : false;
      this.patch(path, { saving: false, dirty, conflict: false, saveError: null });
      return true;
    }
    if (r.error.code === 'conflict') this.patch(path, { saving: false, conflict: true });
    else this.patch(path, { saving: false, saveError: r.error });
    return false;
  }

  /** Saves every unsaved tab; true when all were saved. */
  async saveAll(): Promise<boolean> {
    const results = await Promise.all(this.unsaved().map((p) => this.save(p)));
    return results.every(Boolean);
  }

  /** Throws the editor's text away and reads the file as it is on disk now. */
  async reload(path: string): Promise<void> {
    if (!this.tab(path)) return;
    this.patch(path, { status: 'loading', conflict: false, saveError: null });
    await this.read(path);
  }

  /** Hides the conflict message; the text stays as the user left it. */
  keepEditing(path: string): void {
    this.patch(path, { conflict: false });
  }

  /** Hides a save error. */
  dismissSaveError(path: string): void {
    this.patch(path, { saveError: null });
  }

  /**
   * The file changed on disk: a tab without unsaved changes shows the new text; a tab with unsaved changes
   * keeps them (the next save reports the conflict).
   */
  async fileChanged(path: string): Promise<void> {
    const tab = this.tab(path);
    const entry = this.entries.get(path);
    if (!tab || !entry || tab.dirty || tab.saving || tab.status !== 'ready') return;
    const r = await this.api['document.read']({ site: this.site, path });
    if (!r.ok || r.value.version === entry.version || this.tab(path)?.dirty) return;
    await this.read(path);
  }
}
