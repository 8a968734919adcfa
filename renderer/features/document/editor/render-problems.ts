/**
 * Marks the preview's render problems (a missing asset, a Liquid error, HTML never closed) on their lines, as
 * lint diagnostics beside the front matter's: the preview publishes each render's problems on the editor bridge
 * with the document it rendered, and this extension places them on that document's lines and maps them through
 * every edit made since (renders run behind typing), so the marks move with the text until the next render
 * replaces them.
 */
import { linter, type Diagnostic } from '@codemirror/lint';
import { type ChangeSet, type EditorState, type Extension, StateEffect, StateField, type Text } from '@codemirror/state';
import { type EditorView, ViewPlugin } from '@codemirror/view';
import type { DocProblems, EditorBridge, LineProblem } from '../../../common/editor-bridge';
import { LINT_DELAY_MS } from './front-matter-problems';

/** How many recent versions of the text a render may be behind and still be placed (older ones wait for the next). */
const HISTORY = 32;

/** A problem placed in the current text. */
interface Mark {
  from: number;
  to: number;
  message: string;
  severity: LineProblem['severity'];
}

/** A recent version of the text and the changes from it to the current one. */
interface Version {
  doc: Text;
  changes: ChangeSet;
}

interface Marks {
  marks: readonly Mark[];
  versions: readonly Version[];
}

/** The effect that hands the state a render's problems (null clears them). */
export const setRenderProblems = StateEffect.define<DocProblems | null>();

/** Places problems found in `doc` (a version of the text) on the current text; null when that version is unknown. */
function place(report: DocProblems, state: EditorState, versions: readonly Version[]): Mark[] | null {
  const current = report.doc === state.doc;
  const version = current ? null : versions.find((v) => v.doc === report.doc);
  if (!current && !version) return null;
  const doc = current ? state.doc : version!.doc;
  return report.problems.map((p) => {
    const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
    if (!version) return { from: line.from, to: line.to, message: p.message, severity: p.severity };
    const from = version.changes.mapPos(line.from, 1);
    return { from, to: Math.max(from, version.changes.mapPos(line.to, -1)), message: p.message, severity: p.severity };
  });
}

/** The render problems as of the current text. */
export const renderProblemsField = StateField.define<Marks>({
  create: () => ({ marks: [], versions: [] }),
  update(value, tr) {
    let { marks, versions } = value;
    if (tr.docChanged) {
      marks = marks.map((m) => {
        const from = tr.changes.mapPos(m.from, 1);
        return { ...m, from, to: Math.max(from, tr.changes.mapPos(m.to, -1)) };
      });
      versions = [...versions.map((v) => ({ doc: v.doc, changes: v.changes.compose(tr.changes) })), { doc: tr.startState.doc, changes: tr.changes }].slice(-HISTORY);
    }
    for (const effect of tr.effects) {
      if (!effect.is(setRenderProblems)) continue;
      // A render of a version too old to place keeps the marks as they are: the next render is on its way.
      marks = effect.value ? (place(effect.value, tr.state, versions) ?? marks) : [];
    }
    return marks === value.marks && versions === value.versions ? value : { marks, versions };
  },
});

/** The lint source, pure: the render problems of `state` as diagnostics. */
export function renderProblemDiagnostics(state: EditorState): Diagnostic[] {
  return state.field(renderProblemsField, false)?.marks.map((m) => ({ from: m.from, to: m.to, severity: m.severity, message: m.message, source: 'preview' })) ?? [];
}

/** The problems shown now, as one-based line and message (for tests). */
export function shownRenderProblems(state: EditorState): Array<{ line: number; message: string }> {
  return state.field(renderProblemsField).marks.map((m) => ({ line: state.doc.lineAt(m.from).number, message: m.message }));
}

/** The extension: follows the bridge's problems while a view shows the state, and lints with them. */
export function renderProblems(bridge: EditorBridge): Extension {
  return [
    renderProblemsField,
    linter((view) => renderProblemDiagnostics(view.state), {
      delay: LINT_DELAY_MS,
      needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(setRenderProblems))),
    }),
    ViewPlugin.define((view: EditorView) => {
      let live = true;
      const stop = bridge.followProblems((report) => {
        // Heard outside the view's update (a render arrives from a frame or the worker, or at once on connecting).
        queueMicrotask(() => {
          if (!live) return;
          // The linter shows them once typing pauses (as it does the front matter's), not on every keystroke's render.
          view.dispatch({ effects: setRenderProblems.of(report) });
        });
      });
      return {
        destroy() {
          live = false;
          stop();
        },
      };
    }),
  ];
}
