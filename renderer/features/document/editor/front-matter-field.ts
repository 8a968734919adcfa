/**
 * Keeps track of the post's front matter block as the text changes: its lines get a quiet background, and
 * the document view reads whether it is closed to warn about a block that swallows the whole post. The block
 * is found by the shared splitter, so the editor, the form, the preview and the post list agree on it.
 */
import { type EditorState, type Extension, RangeSetBuilder, StateField, type Text } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView } from '@codemirror/view';
import { FRONT_MATTER_WINDOW, splitFrontMatter } from '../../../../shared/front-matter/split';

/** Where the front matter is: first and last line numbers (delimiters included), and whether it is closed. */
export interface FrontMatterLines {
  firstLine: number;
  lastLine: number;
  closed: boolean;
}

/** The block, and the offset after which no change can alter it (the end of the closing or the first line). */
interface Tracked {
  block: FrontMatterLines | null;
  decidedUntil: number;
}

/** Asks the shared splitter about the start of the text that decides the verdict; costs that much, at most. */
function scan(doc: Text): Tracked {
  const split = splitFrontMatter(doc.sliceString(0, FRONT_MATTER_WINDOW));
  if (split.kind === 'yaml') return { block: { firstLine: 1, lastLine: split.closeLine, closed: true }, decidedUntil: doc.line(split.closeLine).to };
  if (split.problem?.code === 'unclosed') return { block: { firstLine: 1, lastLine: doc.lines, closed: false }, decidedUntil: Infinity };
  // No front matter: only the first line decides. Refused or too large: the form names the problem.
  return { block: null, decidedUntil: split.problem ? Infinity : doc.line(1).to };
}

const frontMatterLine = Decoration.line({ class: 'cm-frontmatter' });

function decorate(doc: Text, block: FrontMatterLines | null): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  if (block?.closed) {
    for (let n = block.firstLine; n <= block.lastLine; n++) builder.add(doc.line(n).from, doc.line(n).from, frontMatterLine);
  }
  return builder.finish();
}

const tracked = StateField.define<Tracked>({
  create: (state) => scan(state.doc),
  update(value, tr) {
    if (!tr.docChanged) return value;
    // Typing in the body below a closed block cannot change it: skip the scan (and keep its line numbers).
    let touches = false;
    tr.changes.iterChangedRanges((fromA) => {
      if (fromA <= value.decidedUntil) touches = true;
    });
    return touches ? scan(tr.state.doc) : value;
  },
});

/** The block as of the current text. */
export const frontMatterField = StateField.define<FrontMatterLines | null>({
  create: (state) => state.field(tracked).block,
  update: (value, tr) => (tr.docChanged ? tr.state.field(tracked).block : value),
});

/** The field plus the line backgrounds of a closed block. */
export function frontMatterLines(): Extension {
  return [tracked, frontMatterField, EditorView.decorations.compute([frontMatterField], (state) => decorate(state.doc, state.field(frontMatterField)))];
}

/** True when the text opens a front matter block it never closes (Jekyll would then not read it as front matter). */
export function hasUnclosedFrontMatter(state: EditorState): boolean {
  const block = state.field(frontMatterField, false);
  return block ? !block.closed : false;
}
