/**
 * Patches the preview's article block by block instead of replacing it: a block whose HTML did not change keeps
 * its element (so images stay loaded and the scroll position holds); only new blocks are sanitized and built.
 */
import type { RenderBlock } from '../../../shared/render/render-types';

interface Placed {
  key: string;
  el: HTMLElement;
  /** The `data-pr-line` the element carries (kept here: reading 2,000 attributes back per keystroke adds up). */
  line: number;
}

/** Keeps the article's children in step with the rendered blocks, keyed by each block's HTML. */
export class BlockPatcher {
  private placed: Placed[] = [];
  private shown: HTMLElement[] = [];

  /** `build` turns a block's HTML into its (sanitized) element; it runs only for blocks not already shown. */
  constructor(private readonly build: (html: string, doc: Document) => HTMLElement) {}

  /** The elements in order, with their source lines (for scroll sync). */
  get elements(): readonly HTMLElement[] {
    return this.shown;
  }

  /** Brings `root` to `blocks`; returns the elements built this time (for loading their images). */
  patch(root: HTMLElement, blocks: readonly RenderBlock[]): HTMLElement[] {
    const doc = root.ownerDocument;
    const pool = new Map<string, Placed[]>();
    for (const p of this.placed) {
      if (p.el.parentNode !== root) continue;
      const list = pool.get(p.key);
      if (list) list.push(p);
      else pool.set(p.key, [p]);
    }
    const built: HTMLElement[] = [];
    const next: Placed[] = blocks.map((b) => {
      const kept = pool.get(b.html)?.shift();
      if (kept) {
        if (kept.line !== b.line) kept.el.setAttribute('data-pr-line', String(b.line));
        return { key: b.html, el: kept.el, line: b.line };
      }
      const el = this.build(b.html, doc);
      built.push(el);
      el.setAttribute('data-pr-line', String(b.line));
      return { key: b.html, el, line: b.line };
    });
    for (const list of pool.values()) for (const p of list) p.el.remove();
    // Anything else in the article (left from an older frame document) goes too. Every kept element is in
    // `root`, so when the counts agree there is nothing else.
    if (root.children.length !== next.length - built.length) {
      const wanted = new Set(next.map((p) => p.el));
      for (const child of [...root.children]) if (!wanted.has(child as HTMLElement)) child.remove();
    }
    let ref: ChildNode | null = root.firstChild;
    for (const { el } of next) {
      if (el === ref) ref = ref.nextSibling;
      else root.insertBefore(el, ref);
    }
    this.placed = next;
    this.shown = next.map((p) => p.el);
    return built;
  }

  /** Moves every shown element into a new frame document (after the frame was reloaded). */
  adoptInto(root: HTMLElement): void {
    for (const p of this.placed) root.appendChild(root.ownerDocument.adoptNode(p.el));
  }

  /** Forgets every block (a new document). */
  reset(): void {
    this.placed = [];
    this.shown = [];
  }
}
