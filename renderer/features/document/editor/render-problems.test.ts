// @vitest-environment jsdom
// The editor marks the preview's render problems (an unclosed <cite>, a missing asset) on their lines: a render
// of the current text lands on its lines, a render that was behind the typing is moved through the edits made
// since, marks follow the text until the next render replaces them, and a render of an unknown text changes nothing.
import { forEachDiagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import { EditorBridge, type LineProblem } from '../../../common/editor-bridge';
import { frontMatterProblems, LINT_DELAY_MS } from './front-matter-problems';
import { renderProblemDiagnostics, renderProblems, renderProblemsField, setRenderProblems, shownRenderProblems } from './render-problems';

const views: EditorView[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.destroy();
});

const POST = '---\ntitle: Quote\n---\nIntro.\n\n<blockquote><p>\n"Quote."\n</p><cite>Jane Doe\n</blockquote>\n';
const CITE: LineProblem = { line: 8, message: '<cite> opened on line 8 is never closed; everything after it is inside it', severity: 'warning' };

function stateOf(doc = POST): EditorState {
  return EditorState.create({ doc, extensions: [renderProblemsField] });
}

function publish(state: EditorState, doc: Text, problems: LineProblem[]): EditorState {
  return state.update({ effects: setRenderProblems.of({ doc, problems }) }).state;
}

describe('render problems in the editor', () => {
  it('marks a problem of the current text on its whole line, as a lint diagnostic with its severity', () => {
    let state = stateOf();
    state = publish(state, state.doc, [CITE]);
    expect(shownRenderProblems(state)).toEqual([{ line: 8, message: CITE.message }]);
    const [d] = renderProblemDiagnostics(state);
    expect(state.sliceDoc(d.from, d.to)).toBe('</p><cite>Jane Doe');
    expect(d.severity).toBe('warning');
  });

  it('moves the marks with the text when the user types above them', () => {
    let state = stateOf();
    state = publish(state, state.doc, [CITE]);
    state = state.update({ changes: { from: state.doc.line(4).from, insert: 'A new first paragraph.\n\n' } }).state;
    expect(shownRenderProblems(state)).toEqual([{ line: 10, message: CITE.message }]);
  });

  it('places a render that was behind the typing through the edits made since', () => {
    let state = stateOf();
    const rendered = state.doc;
    state = state.update({ changes: { from: 0, insert: '\n' } }).state;
    state = state.update({ changes: { from: state.doc.line(5).from, insert: 'One more line.\n' } }).state;
    state = publish(state, rendered, [CITE]);
    expect(shownRenderProblems(state)).toEqual([{ line: 10, message: CITE.message }]);
  });

  it('replaces the marks with the next render, and clears them when it finds nothing or the preview closes', () => {
    let state = stateOf();
    state = publish(state, state.doc, [CITE, { line: 4, message: 'Asset not found: a.png', severity: 'warning' }]);
    expect(shownRenderProblems(state)).toHaveLength(2);
    state = publish(state, state.doc, [{ line: 4, message: 'Asset not found: a.png', severity: 'warning' }]);
    expect(shownRenderProblems(state)).toEqual([{ line: 4, message: 'Asset not found: a.png' }]);
    state = publish(state, state.doc, []);
    expect(shownRenderProblems(state)).toEqual([]);
    state = publish(state, state.doc, [CITE]);
    state = state.update({ effects: setRenderProblems.of(null) }).state;
    expect(shownRenderProblems(state)).toEqual([]);
  });

  it('ignores a render of a text this editor never held (another tab) and keeps its own marks', () => {
    let state = stateOf();
    state = publish(state, state.doc, [CITE]);
    const other = stateOf('other\npost\n');
    state = publish(state, other.doc, [{ line: 1, message: 'elsewhere', severity: 'error' }]);
    expect(shownRenderProblems(state)).toEqual([{ line: 8, message: CITE.message }]);
  });

  it('clamps a line past the end to the last line', () => {
    let state = stateOf('one\ntwo');
    state = publish(state, state.doc, [{ line: 99, message: 'Liquid error', severity: 'error' }]);
    expect(shownRenderProblems(state)).toEqual([{ line: 2, message: 'Liquid error' }]);
  });
});

describe('render problems reaching the editor through the bridge', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, LINT_DELAY_MS + 100));

  it('shows the preview\'s problems in the gutter beside the front matter\'s, once typing pauses', async () => {
    const bridge = new EditorBridge();
    const view = new EditorView({ state: EditorState.create({ doc: POST, extensions: [frontMatterProblems(), renderProblems(bridge)] }), parent: document.body });
    views.push(view);
    bridge.publishProblems({ doc: view.state.doc, problems: [CITE] });
    await settle();
    const linted: string[] = [];
    forEachDiagnostic(view.state, (d) => linted.push(`${view.state.doc.lineAt(d.from).number}: ${d.message}`));
    expect(linted).toEqual([`8: ${CITE.message}`]);
    const marks = [...view.dom.querySelectorAll('.cm-fm-problem-mark')].map((el) => el.getAttribute('aria-label'));
    expect(marks).toEqual([`Line 8: ${CITE.message}`]);
    bridge.publishProblems(null);
    await settle();
    expect(view.dom.querySelectorAll('.cm-fm-problem-mark')).toHaveLength(0);
  });

  it('hears the latest problems when a view opens after they were published, and none after it closed', async () => {
    const bridge = new EditorBridge();
    const state = EditorState.create({ doc: POST, extensions: [renderProblems(bridge)] });
    bridge.publishProblems({ doc: state.doc, problems: [CITE] });
    const view = new EditorView({ state, parent: document.body });
    await Promise.resolve();
    expect(shownRenderProblems(view.state)).toEqual([{ line: 8, message: CITE.message }]);
    view.destroy();
    bridge.publishProblems({ doc: state.doc, problems: [] });
    await Promise.resolve();
    expect(shownRenderProblems(view.state)).toEqual([{ line: 8, message: CITE.message }]);
  });
});
