/**
 * Keeps track of the post's front matter block as the text changes: its lines get a quiet background, and
 * the document view reads whether it is closed to warn about a block that swallows the whole post.
 */
import { type EditorState, type Extension, RangeSetBuilder, StateField, type Text } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView } from '@codemirror/view';

/** Where the front matter is: first and last line numbers (delimiters included), and whether it is closed. */
export interface FrontMatterLines {
  firstLine: number;
  lastLine: number;
  closed: boolean;
}

/** Finds the block by walking lines; costs the length of the block, the whole text only when it is unclosed. */
function scan(doc: Text): FrontMatterLines | null {
  if (!/^---[ \t]*$/.test(doc.line(1).text) || doc.lines < 2) return null;
  for (let n = 2; n <= doc.lines; n++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(doc.line(n).text)) return { firstLine: 1, lastLine: n, closed: true };
  }
  return { firstLine: 1, lastLine: doc.lines, closed: false };
}

const frontMatterLine = Decoration.line({ class: 'cm-frontmatter' });

function decorate(doc: Text, block: FrontMatterLines | null): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  if (block?.closed) {
    for (let n = block.firstLine; n <= block.lastLine; n++) builder.add(doc.line(n).from, doc.line(n).from, frontMatterLine);
  }
  return builder.finish();
}

/** The block as of the current text. */
export const frontMatterField = StateField.define<FrontMatterLines | null>({
  create: (state) => scan(state.doc),
  update: (value, tr) => (tr.docChanged ? scan(tr.state.doc) : value),
});

/** The field plus the line backgrounds of a closed block. */
export function frontMatterLines(): Extension {
  return [frontMatterField, EditorView.decorations.compute([frontMatterField], (state) => decorate(state.doc, state.field(frontMatterField)))];
}

/** True when the text opens a front matter block it never closes (Jekyll would then not read it as front matter). */
export function hasUnclosedFrontMatter(state: EditorState): boolean {
  const block = state.field(frontMatterField, false);
  return block ? !block.closed : false;
}
