/**
 * The open documents of a site as a small store outside React: each tab keeps its own EditorState (text,
 * selection, undo history) and the version it was read at, so switching tabs loses nothing and a save
 * names the right version. React subscribes with useSyncExternalStore and re-renders only when what a
 * tab shows changes (loading, unsaved mark, errors), not on every keystroke.
 */
import { type EditorState, type StateEffect, Text, Transaction, type TransactionSpec } from '@codemirror/state';
import type { Api } from '../../../shared/contract/contract';
import { type AppError, fail, ok, type Result } from '../../../shared/contract/errors';
import type { DocumentSnapshot, PostEntry } from '../../../shared/contract/models';
import { type BlockProblem, unreadableFrontMatter } from '../../../shared/front-matter/read-block';
import { diskAction, type DiskConflict, docOf, minimalChange } from './disk-state';
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
  /** The file on disk is not the version this text is based on (a save was refused, or it changed or went); saves wait for the user. */
  conflict: boolean;
  /** How the disk differs, for the banner (null when it does not). */
  disk: DiskConflict | null;
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
  /** A change on disk was heard while a save ran; look again when it ends. */
  recheck: boolean;
}

/** The editor showing a tab right now, if any: changes go through it, so its cursor and scroll stay put. */
export interface LiveEditor {
  readonly state: EditorState;
  dispatch(spec: TransactionSpec): void;
  /** Where it is scrolled (CodeMirror's view has it), so a tab that moves to a new path opens there again. */
  scrollSnapshot?(): StateEffect<unknown>;
}

/** Makes the editor state for a document's text in a mode (the React layer supplies labels and callbacks); `pathNow` follows a rename. */
export type StateFactory = (path: string, text: string, mode: EditorMode, pathNow: () => string) => EditorState;

/** The tabs of one open site. */
export class DocumentTabs {
  private value: TabsSnapshot = { tabs: [], active: null };
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly api: Api,
    private readonly site: string,
    private readonly makeState: StateFactory,
    /** The editor view showing a tab (the active one or one beside it), so a text replaced from disk keeps its cursor and scroll. */
    private readonly liveEditor: (path: string) => LiveEditor | null = () => null,
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

  /** Where an entry is now (a tab follows its file to a new name); null once closed. */
  private pathOf(entry: Entry): string | null {
    for (const [path, e] of this.entries) if (e === entry) return path;
    return null;
  }

  /** The tab for a path, if open. */
  tab(path: string): TabInfo | undefined {
    return this.value.tabs.find((t) => t.path === path);
  }

  /** Opens a post in a new tab, or brings its tab to the front; `activate: false` opens it behind the active one (side by side). */
  open(post: PostEntry, { activate = true }: { activate?: boolean } = {}): void {
    if (this.tab(post.path)) {
      if (activate) this.activate(post.path);
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
      disk: null,
      generation: 0,
    };
    this.entries.set(post.path, { state: null, saved: null, version: '', scroll: null, recheck: false });
    this.emit({ tabs: [...this.value.tabs, tab], active: activate || !this.value.active ? post.path : this.value.active });
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
    const state = this.makeState(path, r.value.text, mode, () => this.pathOf(entry) ?? path);
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
      disk: null,
      generation: tab.generation + 1,
    });
  }

  /** Recovery's "Restore": the tab's next save is checked against the version its restored text was typed on. */
  rebase(path: string, version: string): void {
    const entry = this.entries.get(path);
    if (entry) entry.version = version;
  }

  /** The version of the file a tab's text is based on, as its next save names it (null while unknown); recovery keeps it with the text. */
  baseVersion(path: string): string | null {
    return this.entries.get(path)?.version || null;
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

  /** Asked before a save of text whose front matter cannot be read; true saves anyway. Unset, such a save goes ahead. */
  confirmUnreadable: ((path: string, problem: BlockProblem) => Promise<boolean>) | null = null;

  /** Why the tab's text cannot be read as front matter (null when it can): a save asks first, autosave waits. */
  unreadableFrontMatter(path: string): BlockProblem | null {
    const state = this.entries.get(path)?.state;
    return state ? unreadableFrontMatter(state.doc.toString()) : null;
  }

  /**
   * Saves a tab through `document.save` with the version it was read (or last saved) at. Unchanged text is
   * not sent at all. Resolves true when the file on disk now holds the editor's text.
   */
  async save(path: string): Promise<boolean> {
    const entry = this.entries.get(path);
    const tab = this.tab(path);
    if (!entry?.state || !tab || tab.status !== 'ready' || tab.mode !== 'edit' || tab.saving || tab.disk?.kind === 'removed') return false;
    const doc = entry.state.doc;
    if (entry.saved && doc.eq(entry.saved)) {
      if (tab.dirty) this.patch(path, { dirty: false });
      return true;
    }
    const problem = this.confirmUnreadable ? unreadableFrontMatter(doc.toString()) : null;
    if (problem && !(await this.confirmUnreadable!(path, problem))) return false;
    if (this.tab(path)?.saving) return false;
    this.patch(path, { saving: true, saveError: null });
    const r = await this.api['document.save']({ site: this.site, path, text: doc.toString(), baseVersion: entry.version });
    if (!this.entries.has(path)) return r.ok;
    if (r.ok) {
      entry.version = r.value.version;
      entry.saved = doc;
      const dirty = entry.state ? !entry.state.doc.eq(doc) : false;
      this.patch(path, { saving: false, dirty, conflict: false, disk: null, saveError: null });
      this.afterSave(path, entry);
      return true;
    }
    if (r.error.code === 'conflict') {
      // Refused because the disk moved on: show what is there now, with the same choices as a change heard.
      this.patch(path, { saving: false, conflict: true });
      entry.recheck = false;
      await this.fileChanged(path);
      // The file could not be read to show what changed: say the save was refused, so it can be tried again.
      if (this.entries.get(path) === entry && !this.tab(path)?.disk) this.patch(path, { conflict: false, saveError: r.error });
    } else {
      this.patch(path, { saving: false, saveError: r.error });
      this.afterSave(path, entry);
    }
    return false;
  }

  private afterSave(path: string, entry: Entry): void {
    if (!entry.recheck) return;
    entry.recheck = false;
    void this.fileChanged(path);
  }

  /** Saves every unsaved tab; true when all were saved. */
  async saveAll(): Promise<boolean> {
    const results = await Promise.all(this.unsaved().map((p) => this.save(p)));
    return results.every(Boolean);
  }

  /** Throws the editor's text away and reads the file as it is on disk now. */
  async reload(path: string): Promise<void> {
    if (!this.tab(path)) return;
    this.patch(path, { status: 'loading', conflict: false, disk: null, saveError: null });
    await this.read(path);
  }

  /** Hides a save error. */
  dismissSaveError(path: string): void {
    this.patch(path, { saveError: null });
  }

  /** A change heard on disk at `path` (a file, a folder, or '' for anywhere, as after a branch switch): checks each open tab it may concern. */
  diskEvent(path: string): void {
    for (const tab of this.value.tabs) if (path === '' || tab.path === path || tab.path.startsWith(`${path}/`)) void this.fileChanged(tab.path);
  }

  /**
   * The file may have changed on disk (a watcher event, or a refused save): reads it again and follows
   * `diskAction`. Our own saves come back with the version the tab already has and change nothing.
   */
  async fileChanged(path: string): Promise<void> {
    const tab = this.tab(path);
    const entry = this.entries.get(path);
    if (!tab || !entry || tab.status !== 'ready') return;
    if (tab.saving) {
      entry.recheck = true;
      return;
    }
    const r = await this.api['document.read']({ site: this.site, path });
    const now = this.tab(path);
    if (!now || this.entries.get(path) !== entry || now.status !== 'ready' || now.saving) return;
    const action = diskAction({ dirty: now.dirty, version: entry.version, conflict: now.disk }, r);
    if (action.kind === 'ignore') return;
    if (action.kind === 'in-sync') {
      if (now.disk?.kind === 'removed') entry.saved = docOf(action.text);
      this.patch(path, { conflict: false, disk: null, dirty: entry.saved && entry.state ? !entry.state.doc.eq(entry.saved) : now.dirty });
      return;
    }
    if (action.kind === 'reload') {
      this.replaceText(path, entry, action.text, action.version, false);
      this.patch(path, { conflict: false, disk: null, saveError: null });
      return;
    }
    // A file gone counts as unsaved (its text exists only here), so closing it asks first.
    if (action.conflict.kind === 'removed') entry.saved = Text.empty;
    const dirty = entry.saved && entry.state ? !entry.state.doc.eq(entry.saved) : now.dirty;
    this.patch(path, { conflict: true, disk: action.conflict, dirty });
  }

  /**
   * "Keep mine": saves the editor's text over the version on disk the user was shown (never a newer one: if
   * the disk moved on again, the save is refused and the banner shows the newer version).
   */
  async keepMine(path: string): Promise<boolean> {
    const entry = this.entries.get(path);
    const disk = this.tab(path)?.disk;
    if (!entry || disk?.kind !== 'changed') return false;
    const base = entry.version;
    entry.version = disk.version;
    // Mark the text unsaved against the disk's version so save() sends it even when it equals what was read.
    entry.saved = docOf(disk.text);
    this.patch(path, { conflict: false });
    const saved = await this.save(path);
    if (saved) this.patch(path, { disk: null });
    else if (this.tab(path)?.disk === disk) {
      entry.version = base;
      this.patch(path, { conflict: true });
    }
    return saved;
  }

  /** "Take the disk's": the editor shows the version on disk; one undo brings the user's text back (unsaved). */
  takeDisk(path: string): void {
    const entry = this.entries.get(path);
    const disk = this.tab(path)?.disk;
    if (!entry || disk?.kind !== 'changed') return;
    this.replaceText(path, entry, disk.text, disk.version, true);
    this.patch(path, { conflict: false, disk: null, saveError: null });
  }

  /**
   * "Save as…" (and "save again" to the same path when the file is gone): writes the text as a new file,
   * never over an existing one, and the tab then stands for that file.
   */
  async saveAs(path: string, target: string): Promise<Result<string>> {
    const entry = this.entries.get(path);
    const tab = this.tab(path);
    if (!entry?.state || !tab || tab.status !== 'ready' || tab.mode !== 'edit') return fail('invalid-arguments', 'This post cannot be saved now.');
    if (target !== path && this.tab(target)) return fail('exists', `${target} is open in another tab.`, { path: target });
    const doc = entry.state.doc;
    this.patch(path, { saving: true, saveError: null });
    const r = await this.api['document.create']({ site: this.site, path: target, text: doc.toString() });
    if (this.entries.get(path) !== entry) return r.ok ? ok(target) : r;
    if (!r.ok) {
      this.patch(path, { saving: false });
      return r;
    }
    entry.version = r.value.version;
    entry.saved = doc;
    entry.recheck = false;
    const dirty = entry.state ? !entry.state.doc.eq(doc) : false;
    this.entries.delete(path);
    this.entries.set(target, entry);
    const tabs = this.value.tabs.map((t) =>
      t.path === path ? { ...t, path: target, post: { ...t.post, path: target }, saving: false, dirty, conflict: false, disk: null, saveError: null, generation: t.generation + 1 } : t,
    );
    this.emit({ tabs, active: this.value.active === path ? target : this.value.active });
    return ok(target);
  }

  /** The list's fresh entries (a save changed the title, a rename the path): the open tabs' headers and labels follow them. */
  followPosts(posts: readonly PostEntry[]): void {
    const byPath = new Map(posts.map((p) => [p.path, p]));
    let changed = false;
    const tabs = this.value.tabs.map((t) => {
      const post = byPath.get(t.path);
      if (!post || post === t.post || JSON.stringify(post) === JSON.stringify(t.post)) return t;
      changed = true;
      return { ...t, post };
    });
    if (changed) this.emit({ ...this.value, tabs });
  }

  /**
   * A file renamed on disk with its text unchanged: its tab follows it to `to` with the unsaved text, cursor, undo
   * and scroll. False (nothing moves) when `from` is not open, `to` is, or a save is running.
   */
  move(from: string, to: string): boolean {
    const entry = this.entries.get(from);
    const tab = this.tab(from);
    if (!entry || !tab || tab.saving || this.tab(to)) return false;
    const live = this.liveEditor(from);
    if (live?.scrollSnapshot && entry.state && live.state === entry.state) entry.scroll = live.scrollSnapshot();
    this.entries.delete(from);
    this.entries.set(to, entry);
    // The header shows the new path at once; the list's fresh entry follows (followPosts).
    const moved: TabInfo = { ...tab, path: to, post: { ...tab.post, path: to }, generation: tab.generation + 1 };
    this.emit({ tabs: this.value.tabs.map((t) => (t === tab ? moved : t)), active: this.value.active === from ? to : this.value.active });
    // A "gone" heard before the move is answered by the file at its new path.
    void this.fileChanged(to);
    return true;
  }

  /** Puts `text` in a tab's editor as the file's content at `version`, through the live view when the tab is shown. */
  private replaceText(path: string, entry: Entry, text: string, version: string, undoable: boolean): void {
    if (!entry.state) return;
    const change = minimalChange(entry.state.doc, text);
    entry.version = version;
    if (!change) {
      entry.saved = entry.state.doc;
      this.patch(path, { dirty: false });
      return;
    }
    const spec: TransactionSpec = { changes: change, annotations: [Transaction.addToHistory.of(undoable), Transaction.userEvent.of('input.disk')] };
    const next = entry.state.update(spec).state;
    entry.saved = next.doc;
    const live = this.liveEditor(path);
    if (live && live.state === entry.state) live.dispatch(spec);
    else entry.state = next;
    this.patch(path, { dirty: false });
  }
}
