/**
 * Turns what the HTML block scan noticed (an element never closed, nesting too deep) into problems the author
 * can act on: worded, and placed on the line of the file as written (Liquid may have moved lines).
 */
import { HTML_FINDINGS, type HtmlLineFinding } from './kramdown-html-block';
import { MAX_HTML_DEPTH } from './kramdown-html-scan';
import type { RenderProblem } from './render-types';

/** The English words of an unclosed element (the CLI prints them; the app words it from kind, tag and line). */
export function unclosedMessage(tag: string, line: number): string {
  return `<${tag}> opened on line ${line} is never closed; everything after it is inside it`;
}

/**
 * The English words of HTML nested too deeply: `depth` is the level reached, one past the limit. Past the raw
 * limit Jekyll itself fails; past the Markdown-in-HTML limit the preview keeps the inner Markdown as text.
 */
export function tooDeepMessage(tag: string, line: number, depth: number): string {
  const limit = (depth - 1).toLocaleString('en');
  return depth > MAX_HTML_DEPTH
    ? `<${tag}> on line ${line} is nested more than ${limit} elements deep; Jekyll stops on HTML nested this deeply ("stack level too deep"), and the preview leaves out the tags deeper down`
    : `<${tag}> on line ${line} is nested more than ${limit} levels of Markdown inside HTML deep; the Markdown inside it is shown as text`;
}

/** At most this many unclosed elements are named per render (a post of 20,000 open `<div>`s would list them all). */
export const MAX_UNCLOSED_PROBLEMS = 20;

/**
 * Problems for the findings of one render, in file order. `fileLine` maps a zero-based line of the Markdown
 * (after Liquid) to the one-based line of the file. An element found twice on one line (a nested parse sees
 * it again) is named once.
 */
export function htmlProblems(findings: readonly HtmlLineFinding[], fileLine: (markdownLine: number) => number): RenderProblem[] {
  const seen = new Set<string>();
  const problems: RenderProblem[] = [];
  let unclosed = 0;
  let tooDeep = false;
  for (const f of findings) {
    // One "too deep" says it; past a few unclosed elements, more of them tell the author nothing new.
    if (f.kind === 'too-deep' ? tooDeep : unclosed >= MAX_UNCLOSED_PROBLEMS) continue;
    const line = fileLine(f.line);
    const key = `${f.kind}\u0000${f.name}\u0000${line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (f.kind === 'too-deep') tooDeep = true;
    else unclosed++;
    problems.push(
      f.kind === 'unclosed'
        ? { kind: 'unclosed-html', message: unclosedMessage(f.name, line), line, tag: f.name }
        : { kind: 'html-too-deep', message: tooDeepMessage(f.name, line, f.depth ?? MAX_HTML_DEPTH + 1), line, tag: f.name, depth: f.depth ?? MAX_HTML_DEPTH + 1 },
    );
  }
  return problems.sort((a, b) => a.line! - b.line!);
}

/** Collects a render's HTML findings: hand `env` to markdown-it, then `addTo` the render's problems. */
export function htmlFindings(): {
  env: Record<string, unknown>;
  addTo(problems: RenderProblem[], fileLine: (markdownLine: number) => number): RenderProblem[];
} {
  const found: HtmlLineFinding[] = [];
  return {
    env: { [HTML_FINDINGS]: found },
    addTo: (problems, fileLine) => (found.length ? [...problems, ...htmlProblems(found, fileLine)] : problems),
  };
}
