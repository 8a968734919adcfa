/**
 * Splits a post into YAML front matter and body the way Jekyll does (YAML_FRONT_MATTER_REGEXP in
 * jekyll/document.rb) and parses the YAML as YAML 1.1, as Ruby's Psych does (dates, yes/no booleans).
 */
import { parse } from 'yaml';

// Jekyll: \A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)  (multiline)
const FRONT_MATTER = /^(---[ \t]*\r?\n[^]*?\r?\n?)^((?:---|\.\.\.)[ \t]*\r?$\r?\n?)/m;

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
  const m = text.startsWith('---') ? FRONT_MATTER.exec(text) : null;
  if (!m || m.index !== 0) return { frontMatter: {}, hasFrontMatter: false, body: text, bodyLine: 1, error: null };
  const head = m[0];
  const yamlText = m[1].replace(/^---[ \t]*\r?\n/, '');
  const bodyLine = head.split('\n').length - (head.endsWith('\n') ? 0 : 1);
  const body = text.slice(head.length);
  try {
    const data: unknown = parse(yamlText, { version: '1.1' });
    const frontMatter = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    return { frontMatter, hasFrontMatter: true, body, bodyLine, error: null };
  } catch (e) {
    const linePos = (e as { linePos?: Array<{ line: number }> }).linePos;
    const line = linePos?.[0] ? linePos[0].line + 1 : undefined;
    return { frontMatter: {}, hasFrontMatter: true, body, bodyLine, error: { message: (e as Error).message.split('\n')[0], line } };
  }
}
