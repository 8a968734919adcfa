// Broken YAML is named in plain words: each mistake the parser reports (by its error code) becomes one problem
// id with the values its words need, on the line where the user made the mistake; the parser's text is a detail.
import { describe, expect, it } from 'vitest';
import { englishWords, PROBLEM_WORDS_EN, yamlErrorWords } from './problem-words';
import { readFrontMatter } from './model';
import { parseYamlSafely } from './yaml11';

/** The first issue of a YAML text: its id, values and line. */
function first(yaml: string) {
  const { issues } = parseYamlSafely(yaml);
  const i = issues[0];
  return i ? { id: i.words.id, params: i.words.params, line: i.line } : null;
}

describe('YAML mistakes in plain words, from the real parser', () => {
  it.each([
    ['an unclosed list (named on the line with the [)', 'layout: post\ntags: [launch, cloud\ncategory: release\n', { id: 'unclosed-list', line: 2 }],
    ['an unclosed group (named on the line with the {)', 'a: 1\nb: {x: 1\nc: 2\n', { id: 'unclosed-group', line: 2 }],
    ['an unclosed double quote', 'title: "Launch\nx: 1\n', { id: 'unclosed-quote', params: { quote: '"' }, line: 1 }],
    ["an unclosed single quote", "title: 'Launch\n", { id: 'unclosed-quote', params: { quote: "'" }, line: 1 }],
    ['a key that appears twice (DUPLICATE_KEY)', 'title: a\nlayout: post\ntitle: b\n', { id: 'duplicate-key', params: { key: 'title' }, line: 3 }],
    ['a tab as indentation (TAB_AS_INDENT)', 'tags:\n\t- a\n', { id: 'tab-indent', line: 2 }],
    ['a colon and space inside a value (BLOCK_AS_IMPLICIT_KEY)', 'title: Launch: day one\n', { id: 'colon-in-value', line: 1 }],
    ['a reserved first character (BAD_SCALAR_START)', 'author: @jonas\n', { id: 'reserved-start', params: { char: '@' }, line: 1 }],
    ['a stray closing bracket (UNEXPECTED_TOKEN)', 'a: b\n]\n', { id: 'unexpected-char', params: { char: ']' }, line: 2 }],
    ['a line without a colon (MISSING_CHAR)', 'title: x\njust words\n', { id: 'missing-colon', line: 2 }],
    ['a list item after a value (MULTILINE_IMPLICIT_KEY)', 'a: b\n- c\n', { id: 'multiline-key', line: 2 }],
    ['a key over two lines (MULTILINE_IMPLICIT_KEY)', '"a\nb": c\n', { id: 'multiline-key', line: 1 }],
    ['a "- " item inside [ ] (MULTILINE_IMPLICIT_KEY first)', 'a: [b, - c]\n', { id: 'multiline-key', line: 1 }],
    ['a bad escape (BAD_DQ_ESCAPE)', 'a: "\\q"\n', { id: 'bad-escape', params: { escape: '\\q' }, line: 1 }],
    ['a block inside a flow collection (BLOCK_IN_FLOW)', 'a: {b: 1 c: 2}\n', { id: 'block-in-flow', line: 1 }],
    ['a key over 1024 characters (KEY_OVER_1024_CHARS)', `${'k'.repeat(1100)}: v\n`, { id: 'key-too-long', line: 1 }],
    ['two anchors (MULTIPLE_ANCHORS)', 'a: &x &y b\n', { id: 'anchors-tags', line: 1 }],
    ['two tags (MULTIPLE_TAGS)', 'a: !!str !!str b\n', { id: 'anchors-tags', line: 1 }],
    ['an alias with an anchor (ALIAS_PROPS)', 'a: &x b\nc: &y *x\n', { id: 'anchors-tags', line: 2 }],
    ['wrongly indented list items (BLOCK_AS_IMPLICIT_KEY)', 'a:\n  - b\n - c\n', { id: 'block-as-key', line: 3 }],
  ])('%s', (_name, yaml, expected) => {
    expect(first(yaml)).toMatchObject(expected);
  });

  it('keeps one problem per line, and the parser’s own text only as a detail', () => {
    const { issues } = parseYamlSafely('title: a\n  b: c\n');
    expect(issues).toHaveLength(1);
    expect(issues[0].detail).toBe('Nested mappings are not allowed in compact mappings');
    expect(issues[0].message).toBe(englishWords(issues[0].words));
    expect(issues[0].message).not.toMatch(/compact mappings/);
  });

  it('maps every parser error code it knows to its own words and anything else to "other"', () => {
    const cases: Array<[string, string, string]> = [
      ['MISSING_CHAR', 'Missing , or : between flow sequence items', 'missing-comma'],
      ['MISSING_CHAR', 'Implicit map keys need to be followed by map values', 'missing-colon'],
      ['MISSING_CHAR', 'Expected a flow sequence to end with ]', 'unclosed-list'],
      ['BAD_INDENT', 'All mapping items must start at the same column', 'bad-indent'],
      ['BAD_INDENT', 'Flow mapping in block collection must be sufficiently indented and end with a }', 'unclosed-group'],
      ['BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key', 'block-as-key'],
      ['UNEXPECTED_TOKEN', 'Unexpected scalar at node end', 'unexpected'],
      ['UNEXPECTED_TOKEN', 'Unexpected block-seq-ind on same line with key', 'unexpected-char'],
      ['MULTIPLE_DOCS', 'Source contains multiple documents', 'multiple-docs'],
      ['BAD_ALIAS', 'Aliased anchor not found: x', 'bad-alias'],
      ['BAD_PROP_ORDER', 'Anchors and tags must be after the ? indicator', 'anchors-tags'],
      ['BAD_DIRECTIVE', 'Unknown directive %FOO', 'bad-directive'],
      ['IMPOSSIBLE', 'Internal error', 'other'],
      ['SOMETHING_NEW', 'A future code', 'other'],
    ];
    for (const [code, message, id] of cases) expect(yamlErrorWords(code, message).id, `${code}: ${message}`).toBe(id);
  });

  it('words every id in English without a placeholder left over once its values are given', () => {
    expect(englishWords({ id: 'duplicate-key', params: { key: 'title' } })).toBe('The key "title" appears twice; keys must be unique, or Jekyll silently uses the last one.');
    expect(englishWords({ id: 'should-be-text-quote', params: { key: 'title', found: { id: 'found-boolean', params: { value: 'true' } } } })).toBe(
      'title should be text, but YAML reads the yes/no value true (put it in quotes to make it text).',
    );
    for (const id of Object.keys(PROBLEM_WORDS_EN)) expect(PROBLEM_WORDS_EN[id as keyof typeof PROBLEM_WORDS_EN].trim()).not.toBe('');
  });

  it('counts lines in the file: the opening --- is line 1', () => {
    const text = ['---', 'layout: post', 'title: "Broken YAML"', 'tags: [launch, cloud', 'category: release', '---', 'Body.', ''].join('\n');
    expect(readFrontMatter(text).problems.map((p) => [p.line, p.words.id])).toEqual([[4, 'unclosed-list']]);
  });
});
