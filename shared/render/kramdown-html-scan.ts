/**
 * The HTML scanner behind kramdown's block HTML (parser/kramdown/html.rb): where an element that starts a block
 * ends (its matching closing tag, blank lines included), which parts are raw and which hold Markdown
 * (`markdown="1"`), and what never closes or nests too deeply, in one pass with its own stack (no recursion).
 */
const NAME = '(?:[A-Za-z_][\\w.\\-]*:)?[A-Za-z_][\\w.\\-]*';
const WORD = '[\\p{L}\\p{M}\\p{Nd}\\p{Pc}]';
const ATTRS = `((?:\\s+${NAME}(?:\\s*=\\s*(?:${WORD}+|"[^"]*"|'[^']*'))?)*)`;
const TAG_RE = new RegExp(`<(${NAME})${ATTRS}\\s*(\\/)?>`, 'uy');
const CLOSE_RE = new RegExp(`<\\/(${NAME})\\s*>`, 'uy');
const ATTR_RE = new RegExp(`\\s*(${NAME})(?:\\s*=\\s*(?:(${WORD}+)|"([^"]*)"|'([^']*)'))?`, 'gu');
const COMMENT_RE = /<!--[^]*?-->/y;
const PI_RE = /<\?[^]*?\?>/y;
const TRAILING_WS = /[ \t]*(?:\n|$)/y;

/** Elements kramdown treats as span-level: a line starting with one of them is a paragraph, not a block. */
export const HTML_SPAN_ELEMENTS = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(' '),
);
const BLOCK_MODEL = new Set('address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td'.split(' '));
const SPAN_MODEL = new Set('a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt'.split(' '));
const VOID = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));

type Model = 'raw' | 'block' | 'span';
/** A piece of an HTML block: text kept as is, or a region (starting at offset `at`) to parse as Markdown. */
/** A piece of an HTML block: kept raw, or Markdown (block or span) starting at offset `at` of the source. */
export type Segment = { raw: string } | { markdown: 'block' | 'span'; text: string; at: number };

/**
 * How deep Markdown inside HTML (`markdown="1"`) may nest before its content is kept raw: each level is a
 * nested parse on the call stack. Raw HTML nests without limit (the scanner keeps its own stack).
 */
export const MAX_MARKDOWN_HTML_DEPTH = 32;
/**
 * Raw HTML nested deeper than this is reported, and the tags deeper down are left out (their text stays):
 * kramdown parses nested elements recursively and Jekyll stops with "stack level too deep" at about 1,900
 * levels (Debian's Ruby), so there is no output to match, and DOM code that walks the tree recursively (the
 * sanitizer's, a test DOM's) gets a tree it can hold. Browsers flatten HTML deeper than 512 levels anyway.
 */
export const MAX_HTML_DEPTH = 1_000;

/** What the scan noticed for the author: an element never closed, or nesting too deep. `at` is its offset. */
export interface HtmlFinding {
  kind: 'unclosed' | 'too-deep';
  name: string;
  at: number;
  /** For 'too-deep': the depth reached. */
  depth?: number;
}

function modelOf(name: string): Model {
  return BLOCK_MODEL.has(name) ? 'block' : SPAN_MODEL.has(name) ? 'span' : 'raw';
}

/** Parses the attribute text of a tag as kramdown does (last duplicate wins, names lower-cased). */
export function parseHtmlAttributes(text: string): Array<[string, string]> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTR_RE)) out.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return [...out];
}

function escapeAttr(value: string): string {
  return value.replace(/&(?!#?\w+;)/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function serializeOpen(name: string, attrs: Array<[string, string]>): string {
  return `<${name}${attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}>`;
}

/** What scanning one HTML block found: its pieces, where it ends, whether it closed, and what it noticed. */
export interface Scan {
  segments: Segment[];
  end: number;
  closed: boolean;
  findings: HtmlFinding[];
}

/** An element whose content is read raw, open on the scanner's stack. */
interface OpenElement {
  name: string;
  start: number;
  closed: boolean;
  /** Its closing tag was read as text while this child (and what it holds) was open: the child swallowed it. */
  swallowedBy: OpenElement | null;
  /** Too deep: its tags are left out of the output. */
  dropped?: boolean;
}

type Opened = { done: { end: number; closed: boolean } } | { raw: OpenElement; pos: number };

class Scanner {
  segments: Segment[] = [];
  readonly findings: HtmlFinding[] = [];
  private rawStart = 0;
  /** Elements left open at the end of the text; kramdown closes them (innermost first). */
  private readonly autoClosed: string[] = [];
  constructor(
    private readonly src: string,
    /** How many Markdown-in-HTML levels surround this scan. */
    private readonly depth = 0,
  ) {}

  private flush(upTo: number): void {
    if (upTo > this.rawStart) this.segments.push({ raw: this.src.slice(this.rawStart, upTo) });
    this.rawStart = upTo;
  }

  /** Puts `text` in place of the source from `at` to `end`. */
  private replace(at: number, end: number, text: string): void {
    this.flush(at);
    this.segments.push({ raw: text });
    this.rawStart = end;
  }

  /** Handles the element whose open tag matched at `start`; returns the position after it (and its body). */
  element(start: number, m: RegExpExecArray): { end: number; closed: boolean } {
    const opened = this.open(start, m);
    return 'done' in opened ? opened.done : this.raw(opened.pos, opened.raw);
  }

  /** Opens an element: a raw one is returned to go on the stack, any other is read to its end here. */
  private open(start: number, m: RegExpExecArray): Opened {
    // kramdown lower-cases names of elements it knows and keeps others as written.
    const lower = m[1].toLowerCase();
    const name = HTML_SPAN_ELEMENTS.has(lower) || VOID.has(lower) || BLOCK_MODEL.has(lower) || SPAN_MODEL.has(lower) ? lower : m[1];
    let pos = start + m[0].length;
    if (m[3] || VOID.has(name)) return { done: { end: pos, closed: true } };
    if (name === 'script' || name === 'style') {
      const close = new RegExp(`<\\/${name}\\s*>`, 'ig');
      close.lastIndex = pos;
      const c = close.exec(this.src);
      if (!c) this.findings.push({ kind: 'unclosed', name, at: start });
      return { done: c ? { end: c.index + c[0].length, closed: true } : { end: this.src.length, closed: false } };
    }
    const attrs = parseHtmlAttributes(m[2]);
    const md = attrs.find(([k]) => k === 'markdown');
    let model: Model = 'raw';
    if (md) {
      const v = md[1];
      model = v === '0' ? 'raw' : v === '1' ? modelOf(name) : v === 'span' ? 'span' : v === 'block' ? 'block' : 'raw';
      if (model !== 'raw' && this.depth >= MAX_MARKDOWN_HTML_DEPTH) {
        // Deeper Markdown would be parsed recursively past what the stack holds: its content stays raw.
        this.findings.push({ kind: 'too-deep', name, at: start, depth: this.depth + 1 });
        model = 'raw';
      }
      // The attribute disappears from the output even when it changes nothing.
      this.replace(start, pos, serializeOpen(name, attrs.filter(([k]) => k !== 'markdown')));
    }
    if (model === 'raw') return { raw: { name, start, closed: false, swallowedBy: null }, pos };
    if (model === 'span') {
      const close = new RegExp(`<\\/${name}\\s*>`, 'ig');
      close.lastIndex = pos;
      const c = close.exec(this.src);
      const innerEnd = c ? c.index : this.src.length;
      if (!c) this.findings.push({ kind: 'unclosed', name, at: start });
      this.flush(pos);
      this.segments.push({ markdown: 'span', text: this.src.slice(pos, innerEnd), at: pos });
      this.rawStart = innerEnd;
      return { done: { end: c ? innerEnd + c[0].length : innerEnd, closed: !!c } };
    }
    TRAILING_WS.lastIndex = pos;
    if (TRAILING_WS.exec(this.src)) pos = TRAILING_WS.lastIndex;
    const { innerEnd, end, swallowed } = findBlockClose(this.src, pos, name, this.depth + 1);
    if (end === innerEnd) {
      // kramdown closes it at the end; the author hears of it unless an unclosed element inside took its closing tag.
      this.autoClosed.push(name);
      if (!swallowed) this.findings.push({ kind: 'unclosed', name, at: start });
    }
    this.flush(pos);
    this.segments.push({ markdown: 'block', text: this.src.slice(pos, innerEnd), at: pos });
    this.rawStart = innerEnd;
    return { done: { end, closed: end > innerEnd } };
  }

  /**
   * kramdown's parse_raw_html: text and tags up to the closing tag of `first`, with the elements opened inside it
   * on an explicit stack (thousands of nested elements cost no call stack). A closing tag that does not close the
   * innermost open element is text, and a `<` that starts no tag too, as kramdown writes them (escaped).
   */
  private raw(pos: number, first: OpenElement): { end: number; closed: boolean } {
    const src = this.src;
    const stack = [first];
    let reportedDepth = false;
    for (;;) {
      const lt = src.indexOf('<', pos);
      if (lt < 0) return this.unclosed(stack, true);
      COMMENT_RE.lastIndex = lt;
      PI_RE.lastIndex = lt;
      TAG_RE.lastIndex = lt;
      CLOSE_RE.lastIndex = lt;
      let m: RegExpExecArray | null;
      if (COMMENT_RE.exec(src)) pos = COMMENT_RE.lastIndex;
      else if (PI_RE.exec(src)) pos = PI_RE.lastIndex;
      else if ((m = TAG_RE.exec(src))) {
        const opened = this.open(lt, m);
        if ('done' in opened) {
          pos = opened.done.end;
          // An element inside (script, Markdown in HTML) ran to the end: it holds the closing tags of the ones around it.
          if (!opened.done.closed) return this.unclosed(stack, false);
        } else {
          stack.push(opened.raw);
          pos = opened.pos;
          if (stack.length > MAX_HTML_DEPTH) {
            opened.raw.dropped = true;
            this.replace(lt, pos, '');
            if (!reportedDepth) this.findings.push({ kind: 'too-deep', name: opened.raw.name, at: lt, depth: stack.length });
            reportedDepth = true;
          }
        }
      } else if ((m = CLOSE_RE.exec(src))) {
        pos = CLOSE_RE.lastIndex;
        const top = stack[stack.length - 1];
        if (m[1] === top.name || m[1].toLowerCase() === top.name) {
          top.closed = true;
          if (top.dropped) this.replace(lt, pos, '');
          stack.pop();
          if (stack.length === 0) return { end: pos, closed: true };
        } else {
          this.replace(lt, pos, escapeAttr(m[0]));
          const lower = m[1].toLowerCase();
          for (let i = stack.length - 2; i >= 0; i--) {
            if (stack[i].name === m[1] || stack[i].name === lower) {
              stack[i].swallowedBy = stack[i + 1];
              break;
            }
          }
        }
      } else {
        this.replace(lt, lt + 1, '&lt;');
        pos = lt + 1;
      }
    }
  }

  /**
   * The text ended with elements open: kramdown closes them at the end. The author hears of each one whose
   * closing tag is missing; one whose closing tag was swallowed by a still-open element inside it is not named.
   */
  private unclosed(stack: OpenElement[], report: boolean): { end: number; closed: boolean } {
    for (let i = stack.length - 1; i >= 0; i--) if (!stack[i].dropped) this.autoClosed.push(stack[i].name);
    if (report) for (const el of stack) {
      if (el.swallowedBy && !el.swallowedBy.closed) continue;
      this.findings.push({ kind: 'unclosed', name: el.name, at: el.start });
    }
    return { end: this.src.length, closed: false };
  }

  finish(end: number): Segment[] {
    this.flush(end);
    for (const name of this.autoClosed) this.segments.push({ raw: `</${name}>` });
    return this.segments;
  }
}

/** Finds the `</name>` that ends Markdown content parsed as blocks: the first one at a line start not inside a nested HTML block or code fence. */
function findBlockClose(src: string, pos: number, name: string, depth: number): { innerEnd: number; end: number; swallowed: boolean } {
  const closeRe = new RegExp(`^ {0,3}<\\/${name}\\s*>`, 'i');
  let fence: string | null = null;
  let at = pos;
  while (at < src.length) {
    const nl = src.indexOf('\n', at);
    const lineEnd = nl < 0 ? src.length : nl;
    const line = src.slice(at, lineEnd);
    const next = nl < 0 ? src.length : nl + 1;
    if (fence) {
      if (line.trimStart().startsWith(fence)) fence = null;
      at = next;
      continue;
    }
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      fence = f[1];
      at = next;
      continue;
    }
    const c = closeRe.exec(line);
    if (c) return { innerEnd: at, end: at + c[0].length, swallowed: false };
    const open = /^ {0,3}</.exec(line);
    if (open) {
      const lt = at + open[0].length - 1;
      TAG_RE.lastIndex = lt;
      const m = TAG_RE.exec(src);
      if (m && !HTML_SPAN_ELEMENTS.has(m[1].toLowerCase())) {
        const inner = new Scanner(src, depth);
        const r = inner.element(lt, m);
        if (!r.closed) return { innerEnd: src.length, end: src.length, swallowed: true };
        at = Math.max(next, r.end);
        continue;
      }
    }
    at = next;
  }
  return { innerEnd: src.length, end: src.length, swallowed: false };
}

/**
 * Scans one HTML block at the start of `src` (inside `depth` levels of Markdown in HTML); null when the text
 * does not start a kramdown HTML block.
 */
export function scanHtmlBlock(src: string, depth = 0): Scan | null {
  const indent = /^ {0,3}/.exec(src)![0].length;
  if (src.charCodeAt(indent) !== 0x3c) return null;
  COMMENT_RE.lastIndex = indent;
  if (COMMENT_RE.exec(src)) return withTrailing(src, [{ raw: src.slice(0, COMMENT_RE.lastIndex) }], COMMENT_RE.lastIndex, true, []);
  TAG_RE.lastIndex = indent;
  const m = TAG_RE.exec(src);
  if (!m || HTML_SPAN_ELEMENTS.has(m[1].toLowerCase())) return null;
  const scanner = new Scanner(src, depth);
  const r = scanner.element(indent, m);
  return withTrailing(src, scanner.finish(r.end), r.end, r.closed, scanner.findings);
}

function withTrailing(src: string, segments: Segment[], end: number, closed: boolean, findings: HtmlFinding[]): Scan {
  TRAILING_WS.lastIndex = end;
  const t = TRAILING_WS.exec(src);
  return { segments, end: t ? TRAILING_WS.lastIndex : end, closed, findings };
}
