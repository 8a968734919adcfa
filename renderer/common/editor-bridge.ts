/**
 * Where the editor meets the features that follow it (preview, status bar, outline, front-matter form) without
 * either side importing the other: the editor feeds its text, cursor and scroll position in; followers read
 * them. The preview publishes the problems of each render back, for the editor to mark. The text is never copied: followers get the editor's own document (CodeMirror's `Text`) and turn it
 * into a string only when, and if, they need one.
 */
import type { Extension } from '@codemirror/state';

/** The editor's document as it is now; CodeMirror's `Text` fits. `toString()` costs the length of the text. */
export interface DocText {
  readonly length: number;
  toString(): string;
}

/** What the active editor lets other features do to its text (the figures feature inserts a snippet). */
export interface EditorActions {
  /** Inserts a block of text at the cursor on its own lines, as one undo step; false when the text is read-only. */
  insertAtCursor(text: string): boolean;
}

/** Takes image files dropped on or pasted into the editor (the figures feature opens its dialog for each). */
export type ImageFilesHandler = (files: File[]) => void;

/** The cursor, one-based, as the status bar shows it. */
export interface EditorCursor {
  line: number;
  column: number;
}

/** Why the editor reports a line: the user scrolled it to the top, or moved the cursor onto it. */
export type SyncReason = 'scroll' | 'cursor';

/** Something that follows the editor's text on the keystroke path (the preview): called synchronously, so keep it cheap. */
export type TextFollower = (doc: DocText) => void;

/** Something that follows the editor's scrolling and cursor line (the preview's scroll sync). */
export type SyncFollower = (line: number, reason: SyncReason) => void;

/** What an editor view holds while it feeds a bridge; `close` when the view goes. */
export interface BridgeFeed {
  /** The document changed (or the view just opened on it: `opened`). */
  text(doc: DocText, opened?: boolean): void;
  cursor(line: number, column: number): void;
  close(): void;
}

/** A change of the text as debounced readers hear it: `opened` when a view just showed a document. */
export type TextListener = (opened: boolean) => void;

/** A problem of the rendered post for the editor to mark on its line, worded by the preview. */
export interface LineProblem {
  /** One-based line of the document the problems were found in. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

/** The problems of one render and the document they were found in (the editor maps them through later edits). */
export interface DocProblems {
  doc: DocText;
  problems: readonly LineProblem[];
}

/** Something that follows the preview's render problems (the editor's marks); null: no preview, no problems. */
export type ProblemsFollower = (report: DocProblems | null) => void;

const START: EditorCursor = { line: 1, column: 1 };

/** The bridge of one workspace: the active editor view feeds it, the panel's followers listen. */
export class EditorBridge {
  private doc: DocText | null = null;
  private cursorValue: EditorCursor = START;
  private feedId = 0;
  private readonly textFollowers = new Set<TextFollower>();
  private readonly syncFollowers = new Set<SyncFollower>();
  private readonly textListeners = new Set<TextListener>();
  private readonly cursorListeners = new Set<() => void>();
  private readonly problemsFollowers = new Set<ProblemsFollower>();
  private problemsValue: DocProblems | null = null;
  private actions: EditorActions | null = null;
  private imageHandler: ImageFilesHandler | null = null;
  private readonly extras = new Map<string, Extension>();

  /** Connects an editor view (with what it lets others do); a later connection replaces it, and closing a replaced feed changes nothing. */
  connect(actions: EditorActions | null = null): BridgeFeed {
    const id = ++this.feedId;
    const live = () => id === this.feedId;
    this.actions = actions;
    return {
      text: (doc, opened = false) => {
        if (!live()) return;
        this.doc = doc;
        for (const f of this.textFollowers) f(doc);
        for (const l of this.textListeners) l(opened);
      },
      cursor: (line, column) => {
        if (!live() || (line === this.cursorValue.line && column === this.cursorValue.column)) return;
        this.cursorValue = { line, column };
        for (const l of this.cursorListeners) l();
      },
      close: () => {
        if (!live()) return;
        this.feedId++;
        this.doc = null;
        this.actions = null;
        this.cursorValue = START;
      },
    };
  }

  /** Inserts a block at the active editor's cursor on its own lines (one undo step); false when no editable post is shown. */
  insertAtCursor(text: string): boolean {
    return this.actions?.insertAtCursor(text) ?? false;
  }

  /** Lets one handler take image files dropped or pasted into the editor; a later one replaces it. */
  handleImageFiles(handler: ImageFilesHandler): () => void {
    this.imageHandler = handler;
    return () => {
      if (this.imageHandler === handler) this.imageHandler = null;
    };
  }

  /** The editor got image files: true when a handler took them (else the editor does what it did before). */
  offerImageFiles(files: File[]): boolean {
    if (!this.imageHandler || files.length === 0) return false;
    this.imageHandler(files);
    return true;
  }

  /** Gives every editor state made from now on an extension of another feature (figure drop and paste), by name: adding it again replaces it. */
  extendEditors(name: string, extension: Extension): void {
    this.extras.set(name, extension);
  }

  /** The extensions `extendEditors` gave, for the editor setup to install. */
  editorExtensions(): Extension[] {
    return [...this.extras.values()];
  }

  /** The current document, if a view is showing one. */
  current(): DocText | null {
    return this.doc;
  }

  /** Follows every change of the text, synchronously; hears the current text at once when there is one. */
  followText(follower: TextFollower): () => void {
    this.textFollowers.add(follower);
    if (this.doc) follower(this.doc);
    return () => this.textFollowers.delete(follower);
  }

  /** The editor scrolled a line to the top or moved the cursor onto it (the workspace routes its reports here). */
  sync(line: number, reason: SyncReason): void {
    for (const f of this.syncFollowers) f(line, reason);
  }

  /** Follows the editor's scroll and cursor reports. */
  followSync(follower: SyncFollower): () => void {
    this.syncFollowers.add(follower);
    return () => this.syncFollowers.delete(follower);
  }

  /** The preview rendered `report.doc` and found these problems (null when it closes or switches posts). */
  publishProblems(report: DocProblems | null): void {
    this.problemsValue = report;
    for (const f of this.problemsFollowers) f(report);
  }

  /** Follows the preview's problems; hears the latest at once when there are some. */
  followProblems(follower: ProblemsFollower): () => void {
    this.problemsFollowers.add(follower);
    if (this.problemsValue) follower(this.problemsValue);
    return () => this.problemsFollowers.delete(follower);
  }

  /** Hears that the text changed, without the text (debounced readers read it later, see `useDocText`). */
  listenText(listener: TextListener): () => void {
    this.textListeners.add(listener);
    return () => this.textListeners.delete(listener);
  }

  /** For useSyncExternalStore: the cursor changes. */
  readonly subscribeCursor = (listener: () => void): (() => void) => {
    this.cursorListeners.add(listener);
    return () => this.cursorListeners.delete(listener);
  };

  /** For useSyncExternalStore: the cursor now (a new object only when it moved). */
  readonly cursor = (): EditorCursor => this.cursorValue;
}
