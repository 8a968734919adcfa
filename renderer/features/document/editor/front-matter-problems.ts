/**
 * Shows the front matter's problems (broken YAML, duplicate keys, wrong types, missing required fields) in the
 * editor, lint-style: the line gets a marked background and a gutter mark that names the problem. The problems
 * are computed outside (by the front-matter form's reading) and handed in with an effect; between two readings
 * they move with the text.
 */
import { type EditorState, type Extension, type RangeSet, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, gutter, GutterMarker } from '@codemirror/view';

/** One problem: the one-based line it is on and what is wrong, in words. */
export interface EditorProblem {
  line: number;
  message: string;
}

/** Replaces the shown problems (an empty list clears them). */
export const setFrontMatterProblems = StateEffect.define<readonly EditorProblem[]>();

interface Marked {
  /** Start offset of the line, mapped through edits. */
  from: number;
  messages: string[];
}

class ProblemMarker extends GutterMarker {
  constructor(readonly text: string) {
    super();
  }
  override eq(other: ProblemMarker): boolean {
    return other.text === this.text;
  }
  override toDOM(): Node {
    const el = document.createElement('span');
    el.className = 'cm-fm-problem-mark';
    el.textContent = '!';
    el.title = this.text;
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', this.text);
    return el;
  }
}

function build(state: EditorState, problems: readonly EditorProblem[]): Marked[] {
  const byLine = new Map<number, string[]>();
  for (const p of problems) {
    const line = Math.min(Math.max(1, p.line), state.doc.lines);
    byLine.set(line, [...(byLine.get(line) ?? []), p.message]);
  }
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, messages]) => ({ from: state.doc.line(line).from, messages }));
}

/** The problems as of the current text. */
export const frontMatterProblemsField = StateField.define<Marked[]>({
  create: () => [],
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setFrontMatterProblems)) return build(tr.state, effect.value);
    if (!tr.docChanged || value.length === 0) return value;
    return value.map((m) => ({ ...m, from: tr.state.doc.lineAt(tr.changes.mapPos(m.from, 1)).from }));
  },
});

/** The problems shown now, as "line: message" pairs (for the form and for tests). */
export function shownProblems(state: EditorState): EditorProblem[] {
  return state.field(frontMatterProblemsField, false)?.flatMap((m) => m.messages.map((message) => ({ line: state.doc.lineAt(m.from).number, message }))) ?? [];
}

function decorations(state: EditorState): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const m of state.field(frontMatterProblemsField)) {
    const label = m.messages.join('\n');
    builder.add(m.from, m.from, Decoration.line({ class: 'cm-fm-problem', attributes: { title: label } }));
  }
  return builder.finish();
}

function markers(state: EditorState): RangeSet<GutterMarker> {
  const builder = new RangeSetBuilder<GutterMarker>();
  for (const m of state.field(frontMatterProblemsField)) {
    const line = state.doc.lineAt(m.from).number;
    builder.add(m.from, m.from, new ProblemMarker(m.messages.map((text) => `Line ${line}: ${text}`).join('\n')));
  }
  return builder.finish();
}

const theme = EditorView.baseTheme({
  '.cm-fm-problem': { backgroundColor: 'var(--danger-soft) !important', textDecoration: 'underline wavy var(--danger)', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', borderRight: '0', color: 'var(--danger)' },
  '&:not(.cm-has-fm-problems) .cm-gutters': { display: 'none' },
  '.cm-fm-problems-gutter .cm-gutterElement': { padding: '0 2px 0 6px' },
  '.cm-fm-problem-mark': {
    display: 'inline-grid',
    placeItems: 'center',
    width: '15px',
    height: '15px',
    marginTop: '3px',
    borderRadius: '50%',
    fontFamily: 'var(--font-ui)',
    fontSize: '11px',
    fontWeight: '700',
    color: 'var(--accent-fg)',
    backgroundColor: 'var(--danger)',
    cursor: 'help',
  },
});

/** The extension: the field, the line marks, the gutter (shown only while there are problems) and its look. */
export function frontMatterProblems(): Extension {
  return [
    frontMatterProblemsField,
    EditorView.decorations.compute([frontMatterProblemsField], decorations),
    EditorView.editorAttributes.compute([frontMatterProblemsField], (state): Record<string, string> => (state.field(frontMatterProblemsField).length > 0 ? { class: 'cm-has-fm-problems' } : {})),
    gutter({ class: 'cm-fm-problems-gutter', markers: (view) => markers(view.state) }),
    theme,
  ];
}
