/**
 * Words a front-matter problem in the interface language: the form, the editor's marks and the preview all
 * call this with the problem's words (data from shared/front-matter), so they say the same thing.
 */
import type { ProblemWords } from '../../shared/front-matter/problem-words';
import type { MessageKey } from './en';
import { type Language, type MessageParams, translate } from './translate';

/** The translate function of `useI18n` (or `translate` bound to a language). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The problem in words; nested words (what YAML found) are worded first. Falls back to `fallback` for unknown ids. */
export function problemWordsText(words: ProblemWords, t: Translate): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(words.params ?? {})) params[name] = typeof value === 'string' ? value : problemWordsText(value, t);
  return t(`fmProblem.${words.id}` as MessageKey, params);
}

/** The same for code without React (the editor's lint source): the words in `language`. */
export function problemWordsIn(words: ProblemWords, language: Language): string {
  return problemWordsText(words, (key, params) => translate(language, key, params));
}
