// The editor marks the front matter's problems on their lines, found by the lint source from the editor's own
// text and the site's schema; a mark stays on its line while the user types above it, until the next reading.
import { setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { FrontMatterSchema } from '../../../../shared/contract/models';
import { readFrontMatter } from '../../../../shared/front-matter/model';
import { renderPost } from '../../../../shared/render/render-post';
import { problemWordsIn } from '../../../i18n/yaml-problems';
import { frontMatterDiagnostics, frontMatterProblems, frontMatterProblemsField, problemDiagnostics, setFrontMatterLintSchema, shownProblems } from './front-matter-problems';

/** A state for a "text|" doc: `|` marks the cursor (and is not part of the text). */
function stateOf(marked: string, schema: FrontMatterSchema | null = null): EditorState {
  const cursor = marked.indexOf('|');
  const doc = marked.replace('|', '');
  const state = EditorState.create({ doc, selection: { anchor: Math.max(0, cursor) }, extensions: [frontMatterProblems()] });
  return schema ? state.update({ effects: setFrontMatterLintSchema(schema) }).state : state;
}

/** The diagnostics as "line: message" pairs, with the text each one covers. */
function linted(state: EditorState) {
  return frontMatterDiagnostics(state).map((d) => ({ line: state.doc.lineAt(d.from).number, text: state.sliceDoc(d.from, d.to), message: d.message, severity: d.severity }));
}

const schema: FrontMatterSchema = {
  fields: [
    { key: 'title', type: 'string', required: true, origin: 'config' },
    { key: 'published', type: 'boolean', origin: 'inferred' },
  ],
  collections: {},
  problems: [],
};

describe('front-matter problems in the editor', () => {
  it('shows problems by line, follows edits and clears', () => {
    let state = EditorState.create({ doc: '---\ntitle: [\n---\nBody', extensions: [frontMatterProblemsField] });
    state = state.update(setDiagnostics(state, problemDiagnostics(state, [{ line: 2, message: 'Broken YAML' }, { line: 99, message: 'Missing author' }]))).state;
    expect(shownProblems(state)).toEqual([
      { line: 2, message: 'Broken YAML' },
      { line: 4, message: 'Missing author' },
    ]);
    state = state.update({ changes: { from: 4, insert: 'layout: post\n' } }).state;
    expect(shownProblems(state)[0]).toEqual({ line: 3, message: 'Broken YAML' });
    state = state.update(setDiagnostics(state, [])).state;
    expect(shownProblems(state)).toEqual([]);
  });
});

describe('the front-matter lint source', () => {
  it('finds nothing wrong in good front matter', () => {
    expect(linted(stateOf('---\ntitle: Launch\n---\nBody|'))).toEqual([]);
    expect(linted(stateOf('Just a body|'))).toEqual([]);
  });

  it('marks broken YAML as an error on its line, covering the line', () => {
    const found = linted(stateOf('---\nlayout: post\ntitle: [oops\n---\n|Body'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error' });
    expect(found[0].line).toBeGreaterThanOrEqual(2);
    expect(found[0].line).toBeLessThanOrEqual(4);
  });

  it('marks an unclosed block on its first line', () => {
    expect(linted(stateOf('---\ntitle: x|\n'))).toEqual([expect.objectContaining({ line: 1, text: '---' })]);
  });

  it('checks the schema only once it arrives, and again when it changes', () => {
    const before = stateOf('---\ntitle: yes\npublished: "no"\n---\nBody|');
    expect(linted(before)).toEqual([]);
    const after = before.update({ effects: setFrontMatterLintSchema(schema) }).state;
    expect(linted(after).map((d) => [d.line, d.text])).toEqual([
      [2, 'title: yes'],
      [3, 'published: "no"'],
    ]);
    expect(linted(after)[0].message).toMatch(/quotes/);
    const none = after.update({ effects: setFrontMatterLintSchema(null) }).state;
    expect(linted(none)).toEqual([]);
  });

  it('names a missing required field where the block ends', () => {
    expect(linted(stateOf('---\nlayout: post\n---\n|Body\n', schema))).toEqual([expect.objectContaining({ line: 3, text: '---' })]);
    expect(linted(stateOf('Body only|\n', schema))).toEqual([expect.objectContaining({ line: 1, text: 'Body only' })]);
  });
});

describe('one line number and the same words everywhere', () => {
  const site = { config: {}, assetUrl: () => null, postUrl: () => null };
  const posts = {
    'an unclosed list': ['---', 'layout: post', 'title: "Broken YAML"', 'tags: [launch, cloud', 'category: release', '---', 'Body.', ''].join('\n'),
    'a duplicate key after a byte-order mark': '\uFEFF---\ntitle: a\ntitle: b\n---\nBody\n',
    'a colon in a value, CRLF': '---\r\nlayout: post\r\ntitle: Launch: day one\r\n---\r\nBody\r\n',
    'a tab on the first line of YAML': '---\n\t- a\n---\nBody\n',
  };

  it.each(Object.entries(posts))('%s: the form, the editor marks and the preview name the same line', (_name, text) => {
    const form = readFrontMatter(text).problems[0];
    const marks = frontMatterDiagnostics(EditorState.create({ doc: text }), 'de');
    const preview = renderPost({ source: text, site }).problems.find((p) => p.kind === 'front-matter');
    expect(form).toBeDefined();
    const markLine = EditorState.create({ doc: text }).doc.lineAt(marks[0].from).number;
    expect([markLine, preview?.line]).toEqual([form.line, form.line]);
    // The same words in the interface language: the form's and the preview's come from the same data.
    expect(marks[0].message).toBe(problemWordsIn(form.words, 'de'));
    expect(preview?.words && problemWordsIn(preview.words, 'de')).toBe(marks[0].message);
  });

  it('names the unclosed list on the line with its [ , in German and English', () => {
    const marks = frontMatterDiagnostics(EditorState.create({ doc: posts['an unclosed list'] }), 'de');
    expect(marks.map((d) => d.message)).toEqual(['Eine mit [ begonnene Liste wird nicht mit ] geschlossen.']);
    expect(frontMatterDiagnostics(EditorState.create({ doc: posts['an unclosed list'] }), 'en')[0].message).toBe('A list opened with [ is not closed with ].');
  });
});
