/**
 * The editor's half of scroll sync with the preview: it reports the source line at the top of the viewport
 * when the user scrolls and the cursor line when the user types or moves, and scrolls a line to the top on
 * request without moving the cursor, taking focus, or echoing its own scroll back as a user scroll.
 */
import { type Extension, Facet, Transaction } from '@codemirror/state';
import { EditorView, type PluginValue, ViewPlugin, type ViewUpdate } from '@codemirror/view';

/** Where the editor tells the outside world what the user did; a mutable ref so states outlive React renders. */
export interface SyncCallbacks {
  onScrollLine(line: number): void;
  onCursorLine(line: number): void;
}

/** A ref to the current callbacks (React's `useRef` object fits). */
export interface SyncCallbacksRef {
  current: SyncCallbacks;
}

/** How long after a programmatic scroll its scroll events are taken as ours, not the user's. */
const OWN_SCROLL_MS = 250;

const callbacksFacet = Facet.define<SyncCallbacksRef, SyncCallbacksRef | null>({ combine: (values) => values[0] ?? null });

/** The one-based line whose block is at the top of the editor's viewport. */
export function topVisibleLine(view: EditorView): number {
  const height = view.scrollDOM.scrollTop - view.documentPadding.top + 1;
  const block = view.lineBlockAtHeight(Math.max(0, height));
  return view.state.doc.lineAt(block.from).number;
}

class ScrollSync implements PluginValue {
  private lastScrollLine = 0;
  private lastCursorLine = 0;
  private ownScrollUntil = 0;
  private frame = 0;

  constructor(private readonly view: EditorView) {
    view.scrollDOM.addEventListener('scroll', this.onScroll, { passive: true });
    this.lastCursorLine = view.state.doc.lineAt(view.state.selection.main.head).number;
  }

  private readonly onScroll = () => {
    if (performance.now() < this.ownScrollUntil) return;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (performance.now() < this.ownScrollUntil) return;
      const line = topVisibleLine(this.view);
      if (line === this.lastScrollLine) return;
      this.lastScrollLine = line;
      this.view.state.facet(callbacksFacet)?.current.onScrollLine(line);
    });
  };

  update(update: ViewUpdate) {
    if (!update.selectionSet && !update.docChanged) return;
    const byUser = update.transactions.some((tr) => tr.annotation(Transaction.userEvent) !== undefined);
    if (!byUser) return;
    const line = update.state.doc.lineAt(update.state.selection.main.head).number;
    if (line === this.lastCursorLine && !update.docChanged) return;
    this.lastCursorLine = line;
    update.state.facet(callbacksFacet)?.current.onCursorLine(line);
  }

  /** Brings `line` to the top; the scroll events this causes are not reported. */
  scrollToLine(line: number) {
    const doc = this.view.state.doc;
    const n = Math.min(Math.max(1, Math.round(line)), doc.lines);
    if (n === topVisibleLine(this.view)) return;
    this.ownScrollUntil = performance.now() + OWN_SCROLL_MS;
    this.lastScrollLine = n;
    this.view.dispatch({ effects: EditorView.scrollIntoView(doc.line(n).from, { y: 'start', yMargin: 0 }) });
  }

  destroy() {
    this.view.scrollDOM.removeEventListener('scroll', this.onScroll);
    if (this.frame) cancelAnimationFrame(this.frame);
  }
}

const scrollSyncPlugin = ViewPlugin.fromClass(ScrollSync);

/** Reports scrolls and cursor moves to `callbacks`; `scrollEditorToLine` drives it the other way. */
export function scrollSync(callbacks: SyncCallbacksRef): Extension {
  return [callbacksFacet.of(callbacks), scrollSyncPlugin];
}

/** Scrolls the editor so `line` (one-based) is at the top, for the preview's scroll sync. */
export function scrollEditorToLine(view: EditorView, line: number): void {
  view.plugin(scrollSyncPlugin)?.scrollToLine(line);
}
