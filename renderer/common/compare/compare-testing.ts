/** For the renderer's tests only: what jsdom lacks for CodeMirror to measure text (it lays nothing out). */

/** Gives jsdom's Range the empty layout methods CodeMirror calls when it scrolls to a position. */
export function stubTextLayout(): void {
  const range = Range.prototype as Partial<Range>;
  const empty = { length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] } as unknown as DOMRectList;
  if (typeof range.getClientRects !== 'function') range.getClientRects = () => empty;
  if (typeof range.getBoundingClientRect !== 'function') range.getBoundingClientRect = () => new DOMRect();
}
