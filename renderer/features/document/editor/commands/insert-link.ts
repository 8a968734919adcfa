/**
 * Mod-k as a pure state command: each selection becomes `[text](url)` with the placeholder `url` selected,
 * ready to be typed over; a selected URL becomes the target instead, with the cursor in the brackets.
 */
import { CharCategory, EditorSelection, type StateCommand } from '@codemirror/state';

/** The placeholder selected for the user to type the address over. */
export const LINK_PLACEHOLDER = 'url';

const URL_LIKE = /^(?:https?:\/\/|mailto:|\/|\.\/|\.\.\/)\S*$/i;

/** Wraps every selection (or the word under an empty cursor) in a Markdown link. */
export const insertLink: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  const tr = state.changeByRange((range) => {
    let { from, to } = range;
    if (range.empty) {
      const cat = state.charCategorizer(from);
      const inWord = cat(state.sliceDoc(from - 1, from)) === CharCategory.Word && cat(state.sliceDoc(from, from + 1)) === CharCategory.Word;
      const word = inWord ? state.wordAt(from) : null;
      if (word) ({ from, to } = word);
    }
    const text = state.sliceDoc(from, to);
    if (text && URL_LIKE.test(text)) {
      const insert = `[](${text})`;
      return { changes: { from, to, insert }, range: EditorSelection.cursor(from + 1) };
    }
    const insert = `[${text}](${LINK_PLACEHOLDER})`;
    const urlFrom = from + text.length + 3;
    return { changes: { from, to, insert }, range: EditorSelection.range(urlFrom, urlFrom + LINK_PLACEHOLDER.length) };
  });
  dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
  return true;
};
