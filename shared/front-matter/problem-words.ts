/**
 * Front-matter problems as data: what is wrong is an id with values (the key that appears twice, the quote that
 * is not closed), so each interface words it in its own language; English words for the command line and the
 * post list are made here from the same table the app's English catalogue uses. The YAML parser's own error
 * codes (`YAMLParseError.code`) are mapped to ids here, once; its raw text is kept only as a detail.
 */
import type { ErrorCode } from 'yaml';

/** English wording of every front-matter problem; `{name}` is filled from the problem's params. */
export const PROBLEM_WORDS_EN = {
  unclosed: 'The front matter that starts on line 1 has no closing --- line, so the whole post would be read as front matter.',
  'code-language': 'Front matter in {language} is code and is never run.',
  'other-language': 'Front matter in {language} is not YAML and is never read.',
  semicolons: 'Front matter between ;;; lines is JavaScript and is never run.',
  'too-large': 'The front matter is larger than {size} MB.',
  'not-a-mapping': 'The front matter must be a list of "key: value" lines.',
  'too-deep': 'The YAML is nested too deeply (more than {limit} levels).',
  'alias-limit': 'The YAML expands more than {limit} aliases (a "billion laughs").',
  'duplicate-key': 'The key "{key}" appears twice; keys must be unique, or Jekyll silently uses the last one.',
  'unclosed-quote': 'A value starts with {quote} but its closing {quote} is missing.',
  'unclosed-list': 'A list opened with [ is not closed with ].',
  'unclosed-group': 'A group opened with { is not closed with }.',
  'missing-comma': 'Items inside [ ] or { } must be separated by commas.',
  'missing-colon': 'This line has no colon: write "key: value".',
  'missing-char': 'A {char} is missing here.',
  'bad-indent': 'This line is indented differently from the lines it belongs to.',
  'tab-indent': 'This line is indented with a tab; YAML allows only spaces.',
  'reserved-start': 'A value cannot start with {char}: put the value in quotes.',
  'colon-in-value': 'A value contains ": " (a colon and a space): put the value in quotes.',
  'block-as-key': 'A list or group stands where a key should be.',
  'multiline-key': 'A key must fit on one line: a colon may be missing, or the line is indented wrongly.',
  'unexpected-char': 'The {char} on this line does not belong there.',
  unexpected: 'This line does not fit where it stands: check its indentation and punctuation.',
  'bad-escape': 'The escape {escape} is not valid in double quotes: write \\\\ for a backslash, or use single quotes.',
  'multiple-docs': 'The YAML holds more than one document.',
  'block-in-flow': 'A "- " list or "key: value" lines cannot stand inside [ ] or { }.',
  'key-too-long': 'A key is longer than 1024 characters, or its colon is missing.',
  'anchors-tags': 'A value has more than one & anchor or ! tag (or an alias has one): remove the extra.',
  'bad-alias': 'An *alias refers to an &anchor that does not exist.',
  'bad-directive': 'A % directive is not allowed in front matter.',
  other: 'The YAML cannot be read here.',
  'required-missing': '{key} is required but missing.',
  'required-empty': '{key} is required but empty.',
  'should-be-text': '{key} should be text, but YAML reads {found}.',
  'should-be-text-quote': '{key} should be text, but YAML reads {found} (put it in quotes to make it text).',
  'should-be-image': '{key} should be the path of an image, but YAML reads {found}.',
  'should-be-date': '{key} should be a date like {example}, but it is {found}.',
  'should-be-boolean': '{key} should be true or false, but YAML reads {found}.',
  'should-be-number': '{key} should be a number, but YAML reads {found}.',
  'should-be-list': '{key} should be a list of values, but YAML reads {found}.',
  'should-be-group': '{key} should be a group of fields, but YAML reads {found}.',
  'found-list': 'a list',
  'found-boolean': 'the yes/no value {value}',
  'found-number': 'the number {value}',
  'found-text': 'text',
  'found-group': 'a group of fields',
} as const;

/** The id of a problem's wording. */
export type ProblemWordsId = keyof typeof PROBLEM_WORDS_EN;

/** A problem's wording as data: an id and the values its words need (a value may itself be worded). */
export interface ProblemWords {
  id: ProblemWordsId;
  params?: Readonly<Record<string, string | ProblemWords>>;
}

/** The words in English (the command line, the post list, and the message every problem still carries). */
export function englishWords(words: ProblemWords): string {
  return PROBLEM_WORDS_EN[words.id].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = words.params?.[name];
    if (value === undefined) return whole;
    return typeof value === 'string' ? value : englishWords(value);
  });
}

/** Builds a problem's words and its English message together, so the two never disagree. */
export function worded(id: ProblemWordsId, params?: ProblemWords['params']): { words: ProblemWords; message: string } {
  const words: ProblemWords = params ? { id, params } : { id };
  return { words, message: englishWords(words) };
}

/** Token names the parser uses in "Unexpected … token" messages, as the character a user typed. */
const TOKEN_CHARS: Record<string, string> = {
  'flow-seq-end': ']',
  'flow-seq-start': '[',
  'flow-map-end': '}',
  'flow-map-start': '{',
  'block-seq-ind': '-',
  'explicit-key-ind': '?',
  'map-value-ind': ':',
  'flow-error-end': ']',
  comma: ',',
  anchor: '&',
  tag: '!',
  alias: '*',
};

/**
 * What a parser error means in plain words: the parser's `code` and message (some codes cover several
 * mistakes) turned into an id with values. An unknown code becomes `other`; the raw text stays the detail.
 */
export function yamlErrorWords(code: ErrorCode | string, message: string): ProblemWords {
  switch (code) {
    case 'DUPLICATE_KEY':
      return { id: 'duplicate-key', params: { key: '?' } };
    case 'MISSING_CHAR': {
      const quote = /closing (["'])quote/.exec(message);
      if (quote) return { id: 'unclosed-quote', params: { quote: quote[1] } };
      if (/Missing , or :/.test(message)) return { id: 'missing-comma' };
      if (/followed by map values/.test(message)) return { id: 'missing-colon' };
      const end = /(?:Expected|Missing)[^\]}]*([\]}])/.exec(message);
      if (end) return { id: end[1] === ']' ? 'unclosed-list' : 'unclosed-group' };
      return { id: 'other' };
    }
    case 'BAD_INDENT':
      if (/Flow sequence/.test(message)) return { id: 'unclosed-list' };
      if (/Flow map/.test(message)) return { id: 'unclosed-group' };
      return { id: 'bad-indent' };
    case 'TAB_AS_INDENT':
      return { id: 'tab-indent' };
    case 'BAD_SCALAR_START': {
      const char = /character (\S)/.exec(message);
      return { id: 'reserved-start', params: { char: char ? char[1] : '?' } };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      return /Nested mappings/.test(message) ? { id: 'colon-in-value' } : { id: 'block-as-key' };
    case 'MULTILINE_IMPLICIT_KEY':
      return { id: 'multiline-key' };
    case 'UNEXPECTED_TOKEN': {
      const token = /Unexpected ([\w-]+)/.exec(message)?.[1] ?? '';
      const quoted = /: "(.{1,3})"$/.exec(message)?.[1];
      const char = TOKEN_CHARS[token] ?? quoted;
      return char ? { id: 'unexpected-char', params: { char } } : { id: 'unexpected' };
    }
    case 'BAD_DQ_ESCAPE':
      return { id: 'bad-escape', params: { escape: /sequence (\\\S*)/.exec(message)?.[1] ?? '\\' } };
    case 'MULTIPLE_DOCS':
      return { id: 'multiple-docs' };
    case 'BLOCK_IN_FLOW':
      return { id: 'block-in-flow' };
    case 'KEY_OVER_1024_CHARS':
      return { id: 'key-too-long' };
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'ALIAS_PROPS':
    case 'BAD_PROP_ORDER':
      return { id: 'anchors-tags' };
    case 'BAD_ALIAS':
      return { id: 'bad-alias' };
    case 'BAD_DIRECTIVE':
      return { id: 'bad-directive' };
    default:
      return { id: 'other' };
  }
}
