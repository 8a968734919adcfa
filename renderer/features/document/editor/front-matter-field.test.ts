// The editor finds the front matter with the shared splitter: on every hostile or edge-case post it agrees with
// the form on whether there is a block, where it ends and whether it is unclosed, and it keeps agreeing as the
// user types.
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_CASES } from '../../../../shared/front-matter/agreement-cases';
import { readFrontMatter } from '../../../../shared/front-matter/model';
import { bodyOf } from './front-matter';
import { frontMatterField, frontMatterLines, hasUnclosedFrontMatter } from './front-matter-field';

function stateOf(text: string): EditorState {
  return EditorState.create({ doc: text, extensions: [frontMatterLines()] });
}

/** What the editor shows must match what the form reads from the same text. */
function expectAgreement(state: EditorState, name: string): void {
  const text = state.doc.toString();
  const form = readFrontMatter(text);
  const block = state.field(frontMatterField);
  expect(block?.closed === true, name).toBe(form.hasFrontMatter);
  if (form.hasFrontMatter) expect(block?.lastLine, name).toBe(form.split.closeLine);
  expect(hasUnclosedFrontMatter(state), name).toBe(form.problems[0]?.code === 'unclosed');
  // Word count and outline read the body the form and the preview see.
  expect(bodyOf(text).body, name).toBe(form.hasFrontMatter ? form.split.body : text);
}

describe('the editor agrees with the form about front matter', () => {
  it.each(AGREEMENT_CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    expectAgreement(stateOf(c.text), name);
  });

  it('keeps agreeing while the user types into the block, its closing line and the body', () => {
    let state = stateOf('---\ntitle: A\n---\nBody\n');
    const steps: Array<{ from: number; to?: number; insert: string }> = [
      { from: 19, insert: 'more body ---\n' }, // in the body: nothing changes
      { from: 15, insert: '-' }, // `----` no longer closes: unclosed
      { from: 15, to: 16, insert: '' }, // closed again
      { from: 3, insert: 'js' }, // `---js`: refused, no block
      { from: 3, to: 5, insert: '' },
      { from: 0, insert: '\uFEFF' }, // a byte-order mark changes nothing
      { from: 4, insert: 'layout: post\n' },
    ];
    for (const step of steps) {
      state = state.update({ changes: { from: step.from, to: step.to, insert: step.insert } }).state;
      expectAgreement(state, JSON.stringify(state.doc.toString()));
    }
  });

  it('keeps agreeing through thousands of random edits', () => {
    const pieces = ['---', '...', '-', '\n', ' ', 'js', 'a: 1', 'Body', '\uFEFF', ''];
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let state = stateOf('---\ntitle: A\n---\nBody\n');
    for (let i = 0; i < 3000; i++) {
      const from = rnd(state.doc.length + 1);
      const to = Math.min(state.doc.length, from + rnd(3));
      state = state.update({ changes: { from, to, insert: pieces[rnd(pieces.length)] } }).state;
      expectAgreement(state, JSON.stringify(state.doc.toString()));
      if (state.doc.length > 200) state = stateOf('---\ntitle: A\n---\nBody\n');
    }
  });
});
