/**
 * Shows the front matter's problems (broken YAML, duplicate keys, wrong types, missing required fields) in the
 * editor. @codemirror/lint finds them: a lint source reads the front matter from the editor's own state with
 * the site's schema, a moment after typing pauses, so nothing leaves the editor on the keystroke path. Each
 * problem's line gets a marked background and a gutter mark that names it; between two readings they move
 * with the text.
 */
import { type Diagnostic, linter, setDiagnosticsEffect } from '@codemirror/lint';
import { Compartment, type EditorState, type Extension, Facet, type RangeSet, RangeSetBuilder, type StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, gutter, GutterMarker } from '@codemirror/view';
import type { FrontMatterSchema } from '../../../../shared/contract/models';
import { readFrontMatter } from '../../../../shared/front-matter/model';
import { problemWordsIn } from '../../../i18n/yaml-problems';
import { type Language, translate } from '../../../i18n/translate';

/** How long after the last change the front matter is read again (as the form does). */
export const LINT_DELAY_MS = 100;

/** One problem: the one-based line it is on and what is wrong, in words. */
export interface EditorProblem {
  line: number;
  message: string;
}

/** The schema the front matter is checked against (with the post's own fields); null checks only the YAML. */
const schemaFacet = Facet.define<FrontMatterSchema | null, FrontMatterSchema | null>({ combine: (values) => values[0] ?? null });
const schemaCompartment = new Compartment();

/** The effect that hands a state the site's schema (when it arrives or changes); linting runs again with it. */
export function setFrontMatterLintSchema(schema: FrontMatterSchema | null): StateEffect<unknown> {
  return schemaCompartment.reconfigure(schemaFacet.of(schema));
}

/** Diagnostics for problems by line (clamped to the text), each covering its whole line. */
export function problemDiagnostics(state: EditorState, problems: readonly EditorProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(1, p.line), state.doc.lines));
    return { from: line.from, to: line.to, severity: 'error', message: p.message };
  });
}

/** The lint source, pure: the front matter's problems in `state`, checked against the schema the state holds, worded in `language`. */
export function frontMatterDiagnostics(state: EditorState, language: Language = 'en'): Diagnostic[] {
  const schema = state.facet(schemaFacet) ?? undefined;
  const problems = readFrontMatter(state.doc.toString(), schema).problems.map((p) => ({ line: p.line, message: problemWordsIn(p.words, language) }));
  return problemDiagnostics(state, problems);
}

/** The interface language the editor sits in: the page's `lang`, which the app keeps in step with its language. */
export function languageOf(view: EditorView): Language {
  const lang = view.dom.closest('[lang]')?.getAttribute('lang') ?? view.dom.ownerDocument.documentElement.lang;
  return lang?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

interface Marked {
  /** Start offset of the line, mapped through edits. */
  from: number;
  messages: string[];
}

/** A gutter mark naming its line's problems ("Line 4: …", in the interface language). */
class ProblemMarker extends GutterMarker {
  constructor(
    readonly line: number,
    readonly messages: readonly string[],
  ) {
    super();
  }
  override eq(other: ProblemMarker): boolean {
    return other.line === this.line && other.messages.join('\n') === this.messages.join('\n');
  }
  override toDOM(view: EditorView): Node {
    const language = languageOf(view);
    const text = this.messages.map((m) => `${translate(language, 'frontMatter.line', { line: this.line })} ${m}`).join('\n');
    const el = document.createElement('span');
    el.className = 'cm-fm-problem-mark';
    el.textContent = '!';
    el.title = text;
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', text);
    return el;
  }
}

function build(state: EditorState, diagnostics: readonly Diagnostic[]): Marked[] {
  const byLine = new Map<number, string[]>();
  for (const d of diagnostics) {
    const from = state.doc.lineAt(Math.min(d.from, state.doc.length)).from;
    byLine.set(from, [...(byLine.get(from) ?? []), d.message]);
  }
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([from, messages]) => ({ from, messages }));
}

/** The lines with problems as of the current text, as the linter last reported them. */
export const frontMatterProblemsField = StateField.define<Marked[]>({
  create: () => [],
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setDiagnosticsEffect)) return build(tr.state, effect.value);
    if (!tr.docChanged || value.length === 0) return value;
    return value.map((m) => ({ ...m, from: tr.state.doc.lineAt(tr.changes.mapPos(m.from, 1)).from }));
  },
});

/** The problems shown now, as "line: message" pairs (for tests). */
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
    builder.add(m.from, m.from, new ProblemMarker(line, m.messages));
  }
  return builder.finish();
}

const theme = EditorView.baseTheme({
  // The wavy underline is the linter's own (cm-lintRange); the line gets the background.
  '.cm-fm-problem': { backgroundColor: 'var(--danger-soft) !important' },
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

/** The extension: the linter (reading with the schema the compartment holds), line marks, the gutter (shown only while there are problems). */
export function frontMatterProblems(): Extension {
  return [
    schemaCompartment.of(schemaFacet.of(null)),
    linter((view) => frontMatterDiagnostics(view.state, languageOf(view)), {
      delay: LINT_DELAY_MS,
      needsRefresh: (update) => update.startState.facet(schemaFacet) !== update.state.facet(schemaFacet),
    }),
    frontMatterProblemsField,
    EditorView.decorations.compute([frontMatterProblemsField], decorations),
    EditorView.editorAttributes.compute([frontMatterProblemsField], (state): Record<string, string> => (state.field(frontMatterProblemsField).length > 0 ? { class: 'cm-has-fm-problems' } : {})),
    gutter({ class: 'cm-fm-problems-gutter', markers: (view) => markers(view.state) }),
    theme,
  ];
}
