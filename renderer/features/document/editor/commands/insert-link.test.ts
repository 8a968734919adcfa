import { history, undo } from '@codemirror/commands';
import { describe, expect, it } from 'vitest';
import { insertLink } from './insert-link';
import { applyTo, notationOf, runCommand, stateFrom } from './text-notation';

describe('insertLink', () => {
  it('turns the selection into the link text and selects the placeholder address', () => {
    expect(applyTo('see [the guide] now', insertLink)).toBe('see [the guide]([url]) now');
  });

  it('with an empty selection, inserts an empty link with the address selected', () => {
    expect(applyTo('see |', insertLink)).toBe('see []([url])');
  });

  it('links the word the cursor is in', () => {
    expect(applyTo('see gu|ide', insertLink)).toBe('see [guide]([url])');
  });

  it('takes a selected address as the target and puts the cursor into the text', () => {
    expect(applyTo('[https://example.org/a]', insertLink)).toBe('[|](https://example.org/a)');
  });

  it('handles several selections, undone in one step', () => {
    const start = stateFrom('[a] and [b]', history());
    const linked = runCommand(start, insertLink)!;
    expect(notationOf(linked)).toBe('[a]([url]) and [b]([url])');
    expect(notationOf(runCommand(linked, undo)!)).toBe('[a] and [b]');
  });
});
