import { history, undo } from '@codemirror/commands';
import { describe, expect, it } from 'vitest';
import { setHeading1, setHeading2, setHeading3 } from './set-heading';
import { applyTo, notationOf, runCommand, stateFrom } from './text-notation';

describe('setHeading', () => {
  it('makes the cursor line a heading of that level, cursor after the marker at line start', () => {
    expect(applyTo('Intro\nHigh|lights\n', setHeading2)).toBe('Intro\n## High|lights\n');
    expect(applyTo('|Highlights', setHeading2)).toBe('## |Highlights');
  });

  it('toggles the same level off and changes another level', () => {
    expect(applyTo('## High|lights', setHeading2)).toBe('High|lights');
    expect(applyTo('## High|lights', setHeading3)).toBe('### High|lights');
    expect(applyTo('### High|lights', setHeading1)).toBe('# High|lights');
  });

  it('works with an empty line', () => {
    expect(applyTo('a\n|\nb', setHeading1)).toBe('a\n# |\nb');
  });

  it('changes every line of every selection once, undone in one step', () => {
    const start = stateFrom('[one\ntwo]\nthree\nfo|ur fi|ve', history());
    const next = runCommand(start, setHeading2)!;
    expect(notationOf(next)).toBe('## [one\n## two]\nthree\n## fo|ur fi|ve');
    expect(notationOf(runCommand(next, undo)!)).toBe('[one\ntwo]\nthree\nfo|ur fi|ve');
  });

  it('leaves out a line the selection only touches at its start', () => {
    expect(applyTo('[one\n]two', setHeading2)).toBe('## [one\n]two');
  });
});
