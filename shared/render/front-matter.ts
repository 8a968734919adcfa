/**
 * Splits a post into YAML front matter and body the way Jekyll does (YAML_FRONT_MATTER_REGEXP in
 * jekyll/document.rb) and parses the YAML as YAML 1.1, as Ruby's Psych does (dates, yes/no booleans).
 * The block is found by the shared splitter and parsed with the shared limits (aliases, nesting).
 */
import { splitFrontMatter as splitBlock } from '../front-matter/split';
import { parseYamlSafely, toPlainData } from '../front-matter/yaml11';

/** The result of splitting: `bodyLine` is the one-based file line the body starts on, for problem lines. */
export interface SplitPost {
  frontMatter: Record<string, unknown>;
  hasFrontMatter: boolean;
  body: string;
  bodyLine: number;
  /** Why the YAML could not be read; the body is still returned. */
  error: { message: string; line?: number } | null;
}

/** Splits front matter from body; never throws (bad YAML becomes `error`). */
export function splitFrontMatter(source: string): SplitPost {
  const text = source.startsWith('\ufeff') ? source.slice(1) : source;
  const split = splitBlock(text);
  if (split.kind !== 'yaml') {
    // Like Jekyll, an unclosed or non-YAML block is no front matter; code is named, never run.
    const error = split.problem?.code === 'code-front-matter' ? { message: split.problem.message, line: split.problem.line } : null;
    return { frontMatter: {}, hasFrontMatter: false, body: text, bodyLine: 1, error };
  }
  const base = { hasFrontMatter: true, body: split.body, bodyLine: split.bodyLine };
  const { doc, issues } = parseYamlSafely(split.yaml, { dates: 'date' });
  const issue = issues[0];
  if (!doc || issue) return { ...base, frontMatter: {}, error: { message: issue?.message ?? 'The front matter could not be read.', line: issue ? split.yamlLine + issue.line - 1 : undefined } };
  const { data, issue: limit } = toPlainData(doc);
  if (limit) return { ...base, frontMatter: {}, error: { message: limit.message, line: split.yamlLine } };
  const frontMatter = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { ...base, frontMatter, error: null };
}
