// Front-matter problems in the interface language: every problem id has German words with the same values as
// the English ones, what YAML found is worded too, and English is the command line's own table.
import { describe, expect, it } from 'vitest';
import { englishWords, PROBLEM_WORDS_EN, type ProblemWordsId } from '../../shared/front-matter/problem-words';
import { problemWordsIn } from './yaml-problems';

describe('front-matter problem words', () => {
  it('says every problem in German and English, filling in every value', () => {
    for (const id of Object.keys(PROBLEM_WORDS_EN) as ProblemWordsId[]) {
      const params = { key: 'title', found: { id: 'found-list' as const }, language: 'js', size: '1', limit: '64', quote: '"', char: '@', escape: '\\q', example: '2024-05-01', value: '5' };
      const de = problemWordsIn({ id, params }, 'de');
      expect(de, id).not.toMatch(/\{\w+\}|fmProblem\./);
      expect(problemWordsIn({ id, params }, 'en'), id).toBe(englishWords({ id, params }));
    }
  });

  it('words what YAML found in the interface language', () => {
    const words = { id: 'should-be-text-quote' as const, params: { key: 'title', found: { id: 'found-boolean' as const, params: { value: 'true' } } } };
    expect(problemWordsIn(words, 'de')).toBe('title sollte Text sein, YAML liest aber den Ja/Nein-Wert true (in Anführungszeichen wird es Text).');
    expect(problemWordsIn({ id: 'duplicate-key', params: { key: 'date' } }, 'de')).toMatch(/^Der Schlüssel „date“ kommt zweimal vor/);
  });
});
