import { history, undo } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { applyTo, notationOf, runCommand, stateFrom } from './text-notation';
import { toggleBold, toggleItalic } from './toggle-inline';

describe('toggleBold', () => {
  it('wraps a selection and keeps the words selected', () => {
    expect(applyTo('a [bold] word', toggleBold)).toBe('a **[bold]** word');
  });

  it('unwraps when the markers are just outside or inside the selection', () => {
    expect(applyTo('a **[bold]** word', toggleBold)).toBe('a [bold] word');
    expect(applyTo('a [**bold**] word', toggleBold)).toBe('a [bold] word');
  });

  it('leaves spaces at the edges of the selection outside the markers', () => {
    expect(applyTo('a[ bold ]word', toggleBold)).toBe('a **[bold]** word');
  });

  it('with an empty selection inside a word, wraps the word and keeps the cursor in it', () => {
    expect(applyTo('a bo|ld word', toggleBold)).toBe('a **bo|ld** word');
    expect(applyTo('a **bo|ld** word', toggleBold)).toBe('a bo|ld word');
  });

  it('with an empty selection between words, inserts a pair to type between, and takes it back again', () => {
    expect(applyTo('a |', toggleBold)).toBe('a **|**');
    expect(applyTo('a **|**', toggleBold)).toBe('a |');
  });

  it('handles several selections at once', () => {
    expect(applyTo('[one] two [three] fo|ur', toggleBold)).toBe('**[one]** two **[three]** **fo|ur**');
  });

  it('is undone in one step', () => {
    const start = stateFrom('[one] and [two]', history());
    const bold = runCommand(start, toggleBold)!;
    expect(bold.doc.toString()).toBe('**one** and **two**');
    const undone = runCommand(bold, undo)!;
    expect(notationOf(undone)).toBe('[one] and [two]');
  });

  it('does nothing in a read-only editor', () => {
    expect(runCommand(stateFrom('[x]', EditorState.readOnly.of(true)), toggleBold)).toBeNull();
  });
});

describe('toggleItalic', () => {
  it('uses a single star and does not mistake bold for italic', () => {
    expect(applyTo('[word]', toggleItalic)).toBe('*[word]*');
    expect(applyTo('*[word]*', toggleItalic)).toBe('[word]');
    expect(applyTo('**[word]**', toggleItalic)).toBe('***[word]***');
    expect(applyTo('***[word]***', toggleItalic)).toBe('**[word]**');
    expect(applyTo('***[word]***', toggleBold)).toBe('*[word]*');
  });

  it('works inside words, as kramdown allows with stars', () => {
    expect(applyTo('Produkt|betrieb', toggleItalic)).toBe('*Produkt|betrieb*');
  });
});
