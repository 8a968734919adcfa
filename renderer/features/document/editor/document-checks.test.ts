import { describe, expect, it } from 'vitest';
import { longestLine, MAX_EDITABLE_LINE, modeFor } from './document-checks';

describe('modeFor', () => {
  it('opens ordinary posts for editing, LF or CRLF', () => {
    expect(modeFor({ text: '---\ntitle: x\n---\nBody\n', eol: 'lf' })).toEqual({ mode: 'edit', reason: null });
    expect(modeFor({ text: 'a\r\nb\r\n', eol: 'crlf' })).toEqual({ mode: 'edit', reason: null });
  });

  it('opens a file with a line longer than the limit read-only and plain', () => {
    const text = `---\ntitle: x\n---\n${'x'.repeat(MAX_EDITABLE_LINE + 1)}\n`;
    expect(modeFor({ text, eol: 'lf' })).toEqual({ mode: 'plain', reason: 'long-line' });
    expect(modeFor({ text: 'x'.repeat(MAX_EDITABLE_LINE), eol: 'none' }).mode).toBe('edit');
  });

  it('opens mixed line endings read-only, so a save cannot rewrite untouched lines', () => {
    expect(modeFor({ text: 'a\r\nb\nc', eol: 'mixed' })).toEqual({ mode: 'read-only', reason: 'mixed-eol' });
  });
});

describe('longestLine', () => {
  it('counts CR, LF and CRLF as line breaks', () => {
    expect(longestLine('ab\r\nabcd\rabc\nabcde')).toBe(5);
    expect(longestLine('')).toBe(0);
  });
});
