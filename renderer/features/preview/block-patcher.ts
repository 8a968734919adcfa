/**
 * Patches the preview's article block by block instead of replacing it: a block whose HTML did not change keeps
 * its element (so images stay loaded and the scroll position holds); only new blocks are sanitized and built.
 */
import type { RenderBlock } from '../../../shared/render/render-types';

interface Placed {
  key: string;
  el: HTMLElement;
}

/** Keeps the article's children in step with the rendered blocks, keyed by each block's HTML. */
export class BlockPatcher {
  private placed: Placed[] = [];

  /** `build` turns a block's HTML into its (sanitized) element; it runs only for blocks not already shown. */
  constructor(private readonly build: (html: string, doc: Document) => HTMLElement) {}

  /** The elements in order, with their source lines (for scroll sync). */
  get elements(): readonly HTMLElement[] {
    return this.placed.map((p) => p.el);
  }

  /** Brings `root` to `blocks`; returns the elements built this time (for loading their images). */
  patch(root: HTMLElement, blocks: readonly RenderBlock[]): HTMLElement[] {
    const doc = root.ownerDocument;
    const pool = new Map<string, HTMLElement[]>();
    for (const p of this.placed) {
      if (p.el.parentNode !== root) continue;
      const list = pool.get(p.key);
      if (list) list.push(p.el);
      else pool.set(p.key, [p.el]);
    }
    const built: HTMLElement[] = [];
    const next: Placed[] = blocks.map((b) => {
      let el = pool.get(b.html)?.shift();
      if (!el) {
        el = this.build(b.html, doc);
        built.push(el);
      }
      const line = String(b.line);
      if (el.getAttribute('data-pr-line') !== line) el.setAttribute('data-pr-line', line);
      return { key: b.html, el };
    });
    for (const list of pool.values()) for (const el of list) el.remove();
    // Anything else in the article (left from an older frame document) goes too.
    const wanted = new Set(next.map((p) => p.el));
    for (const child of [...root.children]) if (!wanted.has(child as HTMLElement)) child.remove();
    let ref: ChildNode | null = root.firstChild;
    for (const { el } of next) {
      if (el === ref) ref = ref.nextSibling;
      else root.insertBefore(el, ref);
    }
    this.placed = next;
    return built;
  }

  /** Moves every shown element into a new frame document (after the frame was reloaded). */
  adoptInto(root: HTMLElement): void {
    for (const p of this.placed) root.appendChild(root.ownerDocument.adoptNode(p.el));
  }

  /** Forgets every block (a new document). */
  reset(): void {
    this.placed = [];
  }
}
