// A problem shown in the editor stays on its line while the user types above it, until the next reading.
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { frontMatterProblemsField, setFrontMatterProblems, shownProblems } from './front-matter-problems';

describe('front-matter problems in the editor', () => {
  it('shows problems by line, follows edits and clears', () => {
    let state = EditorState.create({ doc: '---\ntitle: [\n---\nBody', extensions: [frontMatterProblemsField] });
    state = state.update({ effects: setFrontMatterProblems.of([{ line: 2, message: 'Broken YAML' }, { line: 99, message: 'Missing author' }]) }).state;
    expect(shownProblems(state)).toEqual([
      { line: 2, message: 'Broken YAML' },
      { line: 4, message: 'Missing author' },
    ]);
    state = state.update({ changes: { from: 4, insert: 'layout: post\n' } }).state;
    expect(shownProblems(state)[0]).toEqual({ line: 3, message: 'Broken YAML' });
    state = state.update({ effects: setFrontMatterProblems.of([]) }).state;
    expect(shownProblems(state)).toEqual([]);
  });
});
