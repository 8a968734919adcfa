/**
 * Block-level HTML as kramdown reads it (parser/kramdown/html.rb with `parse_block_html: false`), replacing
 * markdown-it's CommonMark HTML blocks: a block starts at a line opening any non-span tag and runs to the
 * matching closing tag (blank lines included), its content kept raw, except where a `markdown` attribute asks
 * for Markdown inside.
 */
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import type { Token } from 'markdown-it';
import { lineAt, lineStarts } from '../util/line-starts';
import { HTML_SPAN_ELEMENTS, type HtmlFinding, type Scan, scanHtmlBlock, type Segment } from './kramdown-html-scan';

/** Marks tokens produced from Markdown inside HTML, whose headers get kramdown's (not GFM's) ids. */
export const IN_HTML = 'kramdownInHtml';

/** markdown-it's env key under which a caller collects what the HTML blocks of a render noticed (set it to an array). */
export const HTML_FINDINGS = 'kramdownHtmlFindings';

/** A finding of the scan with its zero-based line in the Markdown handed to markdown-it. */
export interface HtmlLineFinding {
  kind: HtmlFinding['kind'];
  name: string;
  line: number;
  depth?: number;
}

/** What the rule keeps in markdown-it's env: the findings, and where a nested parse of Markdown in HTML sits. */
interface HtmlEnv {
  [HTML_FINDINGS]?: HtmlLineFinding[];
  /** Line of the enclosing Markdown where the nested parse's text starts. */
  kramdownHtmlBase?: number;
  /** How many Markdown-in-HTML levels surround the nested parse. */
  kramdownHtmlDepth?: number;
}

/** Installs the kramdown HTML block rule in place of markdown-it's. */
export function kramdownHtmlBlockPlugin(md: MarkdownIt): void {
  md.block.ruler.at(
    'html_block',
    (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
      if (state.sCount[startLine] - state.blkIndent >= 4) return false;
      const first = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
      if (!first.startsWith('<')) return false;
      const probe = /^<(!--|[A-Za-z_][\w.:-]*)/.exec(first);
      if (!probe || (probe[1] !== '!--' && HTML_SPAN_ELEMENTS.has(probe[1].toLowerCase()))) return false;
      // A comment does not end a paragraph in kramdown (only tags do).
      if (silent && probe[1] === '!--') return false;
      const env = state.env as HtmlEnv;
      const depth = env.kramdownHtmlDepth ?? 0;
      let span = 64;
      let scan: Scan | null;
      let text: string;
      for (;;) {
        const last = Math.min(endLine, startLine + span);
        text = state.getLines(startLine, last, state.blkIndent, false);
        scan = scanHtmlBlock(text, depth);
        if (!scan) return false;
        if (scan.closed || last >= endLine) break;
        span *= 4;
      }
      if (silent) return true;
      const base = (env.kramdownHtmlBase ?? 0) + startLine;
      let starts: number[] | null = null;
      // Zero-based line of an offset of `text` (counted only when something is found or nested).
      const lineIn = (at: number) => lineAt((starts ??= lineStarts(text)), at) - 1;
      const found = env[HTML_FINDINGS];
      if (found) for (const f of scan.findings) found.push({ kind: f.kind, name: f.name, line: base + lineIn(f.at), ...(f.depth ? { depth: f.depth } : {}) });
      // kramdown goes on parsing right after the closing tag, even mid-line. At the top level the rest of
      // the line is handed back to the block parser; elsewhere it stays with the block.
      let end = scan.end;
      let restAt = -1;
      if (end > 0 && text.charCodeAt(end - 1) !== 10) {
        const nl = text.indexOf('\n', end);
        const lineEnd = nl < 0 ? text.length : nl + 1;
        const rest = text.slice(end, lineEnd);
        if (rest.trim() && state.blkIndent === 0) restAt = end;
        else if (lineEnd > end) scan.segments.push({ raw: rest });
        end = restAt >= 0 ? end : lineEnd;
      }
      let lines = 0;
      for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) lines++;
      if (restAt < 0 && end === text.length && !text.endsWith('\n')) lines++;
      const nextLine = restAt >= 0 ? startLine + lines : Math.min(endLine, startLine + Math.max(1, lines));
      // Adjacent raw pieces are one token, so the preview patches (and the browser parses) the element whole.
      const segments: Segment[] = [];
      for (const seg of scan.segments) {
        const last = segments[segments.length - 1];
        if ('raw' in seg && last && 'raw' in last) segments[segments.length - 1] = { raw: last.raw + seg.raw };
        else segments.push(seg);
      }
      segments.forEach((seg, i) => {
        if ('raw' in seg) {
          const t = state.push('html_block', '', 0);
          const isLast = i === segments.length - 1;
          t.content = isLast && !seg.raw.endsWith('\n') ? seg.raw + '\n' : seg.raw;
          t.map = [startLine, nextLine];
        } else if (seg.markdown === 'span') {
          const t = state.push('inline', '', 0);
          t.content = seg.text.trim();
          t.children = [];
          t.map = [startLine, nextLine];
        } else {
          const before = state.tokens.length;
          const outer = { base: env.kramdownHtmlBase, depth: env.kramdownHtmlDepth };
          env.kramdownHtmlBase = base + lineIn(seg.at);
          env.kramdownHtmlDepth = depth + 1;
          try {
            state.md.block.parse(seg.text, state.md, state.env, state.tokens);
          } finally {
            env.kramdownHtmlBase = outer.base;
            env.kramdownHtmlDepth = outer.depth;
          }
          for (let k = before; k < state.tokens.length; k++) markInHtml(state.tokens[k]);
        }
      });
      if (restAt >= 0) {
        // Continue on the same line after the block: move the line's start past what was consumed.
        const lineStart = text.lastIndexOf('\n', restAt - 1) + 1;
        const pos = state.bMarks[nextLine] + (restAt - lineStart);
        const spaces = /^[ \t]*/.exec(state.src.slice(pos, state.eMarks[nextLine]))![0].length;
        state.bMarks[nextLine] = pos;
        state.tShift[nextLine] = spaces;
        state.sCount[nextLine] = spaces;
        // markdown-it requires a rule to advance by a line, so parse the rest of the document from here.
        state.line = nextLine;
        state.md.block.tokenize(state, nextLine, endLine);
        return true;
      }
      state.line = nextLine;
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
}

function markInHtml(t: Token): void {
  t.meta = { ...(t.meta ?? {}), [IN_HTML]: true };
}
