/**
 * Mod-Alt-1/2/3 as pure state commands: the lines of every selection become ATX headings of that level,
 * or plain paragraphs when they already are (a toggle). One transaction, so one undo step.
 */
import { EditorSelection, type StateCommand } from '@codemirror/state';

const ATX_PREFIX = /^( {0,3})(#{1,6})(?:[ \t]+|$)/;

/** A command that toggles the lines under the selections between `level` heading and paragraph. */
export function setHeading(level: number): StateCommand {
  const marker = '#'.repeat(level);
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    const changes: { from: number; to: number; insert: string }[] = [];
    const seen = new Set<number>();
    for (const range of state.selection.ranges) {
      const last = state.doc.lineAt(range.to).number;
      for (let n = state.doc.lineAt(range.from).number; n <= last; n++) {
        if (seen.has(n)) continue;
        seen.add(n);
        const line = state.doc.line(n);
        // A selection that ends at the very start of a line does not take that line in.
        if (n > 1 && n === last && range.to === line.from && !range.empty) continue;
        const m = ATX_PREFIX.exec(line.text);
        if (m) {
          const same = m[2].length === level;
          changes.push({ from: line.from, to: line.from + m[0].length, insert: same ? '' : `${marker} ` });
        } else {
          changes.push({ from: line.from, to: line.from, insert: `${marker} ` });
        }
      }
    }
    if (changes.length === 0) return false;
    const changeSet = state.changes(changes);
    const selection = EditorSelection.create(
      state.selection.ranges.map((r) => r.map(changeSet, 1)),
      state.selection.mainIndex,
    );
    dispatch(state.update({ changes: changeSet, selection, scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

/** Mod-Alt-1. */
export const setHeading1: StateCommand = setHeading(1);
/** Mod-Alt-2. */
export const setHeading2: StateCommand = setHeading(2);
/** Mod-Alt-3. */
export const setHeading3: StateCommand = setHeading(3);
