/**
 * The "text|" notation the command tests use: `|` is a cursor and `[…]` a selected range, several of each
 * allowed, so a test reads like the editor looks: "a[bc]d" → command → "a**[bc]**d".
 */
import { EditorSelection, EditorState, type Extension, type StateCommand } from '@codemirror/state';

/** Builds a state from the notation; extra extensions (e.g. history) are added. */
export function stateFrom(notation: string, extensions: Extension = []): EditorState {
  let doc = '';
  const ranges = [];
  let open: number | null = null;
  for (const ch of notation) {
    if (ch === '|') ranges.push(EditorSelection.cursor(doc.length));
    else if (ch === '[') open = doc.length;
    else if (ch === ']' && open !== null) {
      ranges.push(EditorSelection.range(open, doc.length));
      open = null;
    } else doc += ch;
  }
  if (ranges.length === 0) ranges.push(EditorSelection.cursor(doc.length));
  return EditorState.create({
    doc,
    selection: EditorSelection.create(ranges),
    extensions: [EditorState.allowMultipleSelections.of(true), extensions],
  });
}

/** Prints a state in the notation (ranges shown from their start to their end, whatever their direction). */
export function notationOf(state: EditorState): string {
  const doc = state.doc.toString();
  const marks: { at: number; text: string }[] = [];
  for (const r of state.selection.ranges) {
    if (r.empty) marks.push({ at: r.from, text: '|' });
    else marks.push({ at: r.from, text: '[' }, { at: r.to, text: ']' });
  }
  marks.sort((a, b) => a.at - b.at || (a.text === ']' ? -1 : 1));
  let out = '';
  let pos = 0;
  for (const m of marks) {
    out += doc.slice(pos, m.at) + m.text;
    pos = m.at;
  }
  return out + doc.slice(pos);
}

/** Runs a command on a state; returns the new state, or null when the command did not apply. */
export function runCommand(state: EditorState, command: StateCommand): EditorState | null {
  let next: EditorState | null = null;
  const applied = command({ state, dispatch: (tr) => (next = tr.state) });
  return applied ? next : null;
}

/** Notation in, command, notation out: the shape of nearly every command test. */
export function applyTo(notation: string, command: StateCommand): string {
  const next = runCommand(stateFrom(notation), command);
  return next ? notationOf(next) : notation;
}
