/**
 * Bold and italic as pure state commands: each selection is wrapped in the marker, or unwrapped when the
 * marker is already there (inside or just outside the selection); an empty selection wraps the word it
 * sits in, or inserts a pair of markers to type between. One transaction, so one undo step.
 */
import { CharCategory, EditorSelection, type EditorState, type StateCommand } from '@codemirror/state';

/** How many `ch` characters run back from `pos` (down to `limit`). */
function runBefore(state: EditorState, pos: number, ch: string, limit = 0): number {
  let n = 0;
  while (pos - n > limit && state.sliceDoc(pos - n - 1, pos - n) === ch) n++;
  return n;
}

/** How many `ch` characters run forward from `pos` (up to `limit`). */
function runAfter(state: EditorState, pos: number, ch: string, limit = state.doc.length): number {
  let n = 0;
  while (pos + n < limit && state.sliceDoc(pos + n, pos + n + 1) === ch) n++;
  return n;
}

/**
 * Whether a run of marker characters contains this marker: `**` needs two or more; a one-character marker
 * needs exactly one or three and more (so `*` never mistakes the stars of `**bold**` for italic).
 */
function hasMarker(run: number, size: number): boolean {
  return size === 1 ? run === 1 || run >= 3 : run >= size;
}

/** Whether `pos` is strictly inside a word (word characters on both sides). */
function insideWord(state: EditorState, pos: number): boolean {
  const cat = state.charCategorizer(pos);
  return cat(state.sliceDoc(pos - 1, pos)) === CharCategory.Word && cat(state.sliceDoc(pos, pos + 1)) === CharCategory.Word;
}

/** A command that toggles `marker` (e.g. `**`, `*`, `~~`) around every selection. */
export function toggleInlineMarker(marker: string): StateCommand {
  const ch = marker[0];
  const size = marker.length;
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    const tr = state.changeByRange((range) => {
      let { from, to } = range;
      if (range.empty) {
        // Between a pair of markers: `**|**` → `|`.
        if (hasMarker(runBefore(state, from, ch), size) && hasMarker(runAfter(state, from, ch), size)) {
          return {
            changes: [
              { from: from - size, to: from },
              { from, to: from + size },
            ],
            range: EditorSelection.cursor(from - size),
          };
        }
        if (!insideWord(state, from)) {
          return { changes: { from, insert: marker + marker }, range: EditorSelection.cursor(from + size) };
        }
        const word = state.wordAt(from);
        if (!word) return { changes: { from, insert: marker + marker }, range: EditorSelection.cursor(from + size) };
        ({ from, to } = word);
        if (hasMarker(runBefore(state, from, ch), size) && hasMarker(runAfter(state, to, ch), size)) {
          return {
            changes: [
              { from: from - size, to: from },
              { from: to, to: to + size },
            ],
            range: EditorSelection.cursor(range.head - size),
          };
        }
        return {
          changes: [
            { from, insert: marker },
            { from: to, insert: marker },
          ],
          range: EditorSelection.cursor(range.head + size),
        };
      }
      // Markers just outside the selection: `**[bold]**` → `[bold]`.
      if (hasMarker(runBefore(state, from, ch), size) && hasMarker(runAfter(state, to, ch), size)) {
        return {
          changes: [
            { from: from - size, to: from },
            { from: to, to: to + size },
          ],
          range: EditorSelection.range(from - size, to - size),
        };
      }
      // Markers inside the selection: `[**bold**]` → `[bold]`.
      if (
        to - from > 2 * size &&
        hasMarker(runAfter(state, from, ch, to), size) &&
        hasMarker(runBefore(state, to, ch, from), size)
      ) {
        return {
          changes: [
            { from, to: from + size },
            { from: to - size, to },
          ],
          range: EditorSelection.range(from, to - 2 * size),
        };
      }
      // Wrap what is selected, leaving surrounding spaces outside (`** word**` is not bold in Markdown).
      const text = state.sliceDoc(from, to);
      const lead = text.length - text.trimStart().length;
      const trail = text.length - text.trimEnd().length;
      if (lead + trail < text.length) {
        from += lead;
        to -= trail;
      }
      return {
        changes: [
          { from, insert: marker },
          { from: to, insert: marker },
        ],
        range: EditorSelection.range(from + size, to + size),
      };
    });
    dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

/** Mod-b: `**bold**`. */
export const toggleBold: StateCommand = toggleInlineMarker('**');

/** Mod-i: `*italic*` (kramdown reads `*` and `_` alike; `*` also works inside words). */
export const toggleItalic: StateCommand = toggleInlineMarker('*');
