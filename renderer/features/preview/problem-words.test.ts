// The preview's problems in the user's language: an unclosed element is named with its tag and line in English
// and German, the editor is handed every problem that has a line (but not the front matter's, which it finds
// itself), and a Liquid error is marked as an error.
import { describe, expect, it } from 'vitest';
import type { RenderProblem } from '../../../shared/render/render-types';
import { translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/en';
import type { MessageParams } from '../../i18n/translate';
import { lineProblems, problemText } from './problem-words';

const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
const de = (key: MessageKey, params?: MessageParams) => translate('de', key, params);

const cite: RenderProblem = { kind: 'unclosed-html', tag: 'cite', line: 12, message: '<cite> opened on line 12 is never closed; everything after it is inside it' };
const deep: RenderProblem = { kind: 'html-too-deep', tag: 'div', line: 6, depth: 1001, message: '…' };

describe('problem words', () => {
  it('names an unclosed element, its line and what it does, in English and German', () => {
    expect(problemText(cite, en)).toEqual({ text: '<cite> opened on line 12 is never closed; everything after it is inside it', namesLine: true });
    expect(problemText(cite, de).text).toBe('<cite> wird in Zeile 12 geöffnet und nie geschlossen; alles danach steht darin');
  });

  it('says how deep is too deep in the language’s numbers', () => {
    expect(problemText(deep, en).text).toMatch(/^<div> on line 6 is nested more than 1,000 elements deep; Jekyll stops/);
    expect(problemText(deep, de).text).toMatch(/mehr als 1\.000 Elemente tief/);
    expect(problemText({ ...deep, depth: 33 }, en).text).toMatch(/more than 32 levels of Markdown inside HTML deep/);
  });

  it('keeps the renderer’s words for the other problems', () => {
    expect(problemText({ kind: 'missing-asset', message: 'Asset not found: a.png', line: 3 }, en)).toEqual({ text: 'Asset not found: a.png', namesLine: false });
  });

  it('hands the editor the problems with a line, except the front matter’s, with a severity', () => {
    const problems: RenderProblem[] = [
      { kind: 'front-matter', message: 'Broken YAML', line: 2 },
      { kind: 'liquid-syntax', message: 'tag "if" not closed', line: 9 },
      { kind: 'missing-asset', message: 'Asset not found: a.png', line: 10 },
      { kind: 'liquid-error', message: 'no line' },
      cite,
    ];
    expect(lineProblems(problems, en)).toEqual([
      { line: 9, message: 'tag "if" not closed', severity: 'error' },
      { line: 10, message: 'Asset not found: a.png', severity: 'warning' },
      { line: 12, message: cite.message, severity: 'warning' },
    ]);
  });
});
