/**
 * Why a post cannot be read, in the interface language. The scanner lists such a post with an English sentence
 * (`PostEntry.error`, also what the command line prints); its sentences are a small fixed set plus the front
 * matter's problems, which are worded from one table (shared/front-matter/problem-words.ts), so each is recognised
 * here and worded again. A sentence not recognised is shown as it is. The post list's badge and the document
 * header both call `postErrorText`.
 */
import { PROBLEM_WORDS_EN, type ProblemWords, type ProblemWordsId } from '../../shared/front-matter/problem-words';
import type { MessageKey } from './en';
import { problemWordsText, type Translate } from './yaml-problems';

const FIXED: ReadonlyArray<[RegExp, MessageKey]> = [
  [/^The symlink leads nowhere/, 'postError.linkNowhere'],
  [/^The symlink leads outside the site/, 'postError.linkOutside'],
  [/^This is not a regular file/, 'postError.notRegular'],
  [/^This file is not text/, 'postError.binary'],
  [/^This file is not UTF-8 text/, 'postError.notUtf8'],
];
const UNREADABLE = /^The file could not be read \(([^)]*)\)\.?$/;
const FRONT_MATTER = 'The front matter could not be read: ';
const LINE = / \(line (\d+)\)$/;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each problem's English wording as a pattern that captures its values (`{key}` → the key as written). */
const PATTERNS = (Object.entries(PROBLEM_WORDS_EN) as Array<[ProblemWordsId, string]>).map(([id, words]) => {
  const names: string[] = [];
  const source = escape(words.replace(/\.$/, '')).replace(/\\\{(\w+)\\\}/g, (_m, name: string) => {
    names.push(name);
    return names.filter((n) => n === name).length > 1 ? `\\k<${name}>` : `(?<${name}>.+?)`;
  });
  return { id, names: [...new Set(names)], pattern: new RegExp(`^${source}\\.?$`) };
});

/** The problem words an English sentence was made from (a value that is itself worded, "a list", is recognised too). */
function wordsOf(sentence: string): ProblemWords | null {
  for (const { id, names, pattern } of PATTERNS) {
    const m = pattern.exec(sentence);
    if (!m) continue;
    if (names.length === 0) return { id };
    const params: Record<string, string | ProblemWords> = {};
    for (const name of names) {
      const value = m.groups?.[name] ?? '';
      const nested = name === 'found' ? wordsOf(value) : null;
      params[name] = nested && nested.id.startsWith('found-') ? nested : value;
    }
    return { id, params };
  }
  return null;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The sentence without its line, in the interface language; null when it is not one the scanner writes. */
function sentenceText(sentence: string, t: Translate): string | null {
  for (const [pattern, key] of FIXED) if (pattern.test(sentence)) return t(key);
  const unreadable = UNREADABLE.exec(sentence);
  if (unreadable) return t('postError.unreadable', { code: unreadable[1] });
  if (sentence.startsWith(FRONT_MATTER)) {
    const words = wordsOf(upperFirst(sentence.slice(FRONT_MATTER.length)));
    return words ? t('postError.frontMatter', { problem: problemWordsText(words, t) }) : null;
  }
  const words = wordsOf(sentence);
  return words ? problemWordsText(words, t) : null;
}

/**
 * Why the post cannot be read, in the interface language, with its line ("… (Zeile 4)"); the scanner's English
 * sentence itself when it is not one of those known (it stays the detail, e.g. a tooltip).
 */
export function postErrorText(error: string, t: Translate): string {
  const line = LINE.exec(error);
  const sentence = line ? error.slice(0, line.index) : error;
  const text = sentenceText(sentence, t);
  if (text === null) return error;
  return line ? t('postError.line', { text: text.replace(/\.$/, ''), line: line[1] }) : text;
}
