/**
 * The one definition of a post's front matter, used by the post list, the editor, the form, the preview and
 * the CLI, so they never disagree about whether a post has front matter, where it ends, or why it is refused.
 *
 * Jekyll's rule (jekyll/document.rb and utils.rb): a file has front matter when its first line matches
 * `\A---\s*\r?\n` (`Utils.has_yaml_header?`, after a UTF-8 byte-order mark, which Jekyll reads as `bom|utf-8`),
 * and the block is `YAML_FRONT_MATTER_REGEXP = \A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)` (multiline): it closes
 * at the first later line that is `---` or `...` with only white space after it. We follow that, and are
 * stricter in four places, each so nothing is silently misread:
 * - an opening `---js`, `--- coffee`, `---json`, `---toml` (any word after the dashes) or `;;;` is not front
 *   matter to Jekyll, but gray-matter and similar tools would run or read it; we report it and read nothing;
 * - an opening without a closing line is body to Jekyll; we report it, since the author surely meant a block;
 * - white space after the delimiters is spaces and tabs only (`\s` would also take form feeds and vertical tabs);
 * - a block over MAX_FRONT_MATTER_CHARS is refused rather than parsed.
 * Pure and evaluating nothing.
 */
import { type ProblemWords, worded } from './problem-words';


/**
 * Largest front-matter block anyone reads or edits: 1 MiB of text. One number for every reader, so the list,
 * the editor and the form agree on whether a post has front matter at all. Real press releases carry well
 * under 4 KB, so the limit only has to be far above any honest block (a pasted 500 KB description still
 * opens in the form) and low enough that a hostile block costs milliseconds. The list reads only a file's
 * head (64 KB) and reads on up to this limit in the rare case the block does not close within the head.
 */
export const MAX_FRONT_MATTER_CHARS = 1024 * 1024;

/** Longest opening line (`---` and white space) read; a longer one is refused as too large. */
const MAX_OPEN_LINE = 4096;

/**
 * Characters from the start of a text that always decide `splitFrontMatter`'s verdict (kind, problem and the
 * block's offsets): a reader of a prefix this long gets the same answer as a reader of the whole text.
 */
export const FRONT_MATTER_WINDOW = 1 + MAX_OPEN_LINE + MAX_FRONT_MATTER_CHARS + 2;

/** Languages gray-matter and similar tools would evaluate as code after the opening `---` (or between `;;;`). */
export const CODE_LANGUAGES = ['js', 'javascript', 'coffee', 'coffeescript', 'cson'] as const;

/** Why a block could not be split into YAML and body; the text itself is never changed. */
export interface SplitProblem {
  code: 'unclosed' | 'code-front-matter' | 'too-large';
  /** In English; the app words it from `words`. */
  message: string;
  words: ProblemWords;
  /** One-based line in the file. */
  line: number;
}

/** Where the front matter is. Offsets index the text as given (a byte-order mark counts as one character). */
export interface FrontMatterSplit {
  /** 'yaml' when a closed YAML block was found, 'none' when the text has none, 'invalid' with a problem. */
  kind: 'yaml' | 'none' | 'invalid';
  bom: boolean;
  /** Line ending of the opening delimiter line ('\n' when there is none), used for lines an edit adds. */
  eol: '\n' | '\r\n';
  /** Offset of the opening `---` (after a BOM). */
  openStart: number;
  /** The YAML between the delimiters: `text.slice(yamlStart, yamlEnd)`, ending with its last line break. */
  yaml: string;
  yamlStart: number;
  yamlEnd: number;
  /** One-based file line of the YAML's first line (2, or 3 behind nothing else: the line after `---`). */
  yamlLine: number;
  /** Offset and one-based line of the closing delimiter line. */
  closeStart: number;
  closeLine: number;
  /** Where the body starts (after the closing line and its line break), and its one-based line. */
  bodyStart: number;
  bodyLine: number;
  body: string;
  problem: SplitProblem | null;
}

const OPEN_LINE = /^---([ \t]*)([^\r\n]*?)[ \t]*(\r?\n|$)/;

/** The one-based line of an offset, from the shared line-starts helper (the front-matter modules import it from here). */
export { lineOfOffset } from '../util/line-starts';

function noFrontMatter(text: string, bom: boolean, problem: SplitProblem | null = null): FrontMatterSplit {
  const start = bom ? 1 : 0;
  return {
    kind: problem ? 'invalid' : 'none',
    bom,
    eol: /\r\n/.test(text.slice(0, 4096)) && !/(^|[^\r])\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n',
    openStart: start,
    yaml: '',
    yamlStart: start,
    yamlEnd: start,
    yamlLine: 1,
    closeStart: start,
    closeLine: 1,
    bodyStart: start,
    bodyLine: 1,
    body: text.slice(start),
    problem,
  };
}

/** True for a language name that is YAML under another spelling gray-matter accepts. */
function isYamlLanguage(language: string): boolean {
  return language === '' || language.toLowerCase() === 'yaml' || language.toLowerCase() === 'yml';
}

/** The refusal of a block in another language: code is never run, anything else is not Jekyll's and never read. */
function refusal(language: string): SplitProblem {
  const shown = language.slice(0, 40);
  const isCode = (CODE_LANGUAGES as readonly string[]).includes(language.toLowerCase());
  return { code: 'code-front-matter', ...worded(isCode ? 'code-language' : 'other-language', { language: shown }), line: 1 };
}

const TOO_LARGE: SplitProblem = { code: 'too-large', ...worded('too-large', { size: String(MAX_FRONT_MATTER_CHARS / 1024 / 1024) }), line: 1 };
const UNCLOSED: SplitProblem = { code: 'unclosed', ...worded('unclosed'), line: 1 };

/** True when the line starting at `pos` and ending at `end` (before any `\r`) is `---` or `...` plus spaces or tabs. */
function isClosingLine(text: string, pos: number, end: number): boolean {
  if (!text.startsWith('---', pos) && !text.startsWith('...', pos)) return false;
  for (let i = pos + 3; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Splits `text` into front matter and body; never throws. A `;;;` or `---<language>` opening yields a
 * `code-front-matter` problem, an opening without a closing line `unclosed`, a block over 1 MB `too-large`;
 * in each case `kind` is 'invalid' and the whole text counts as body. A text that is only `---` (no line
 * break) has no front matter, as in Jekyll.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const bom = text.charCodeAt(0) === 0xfeff;
  const start = bom ? 1 : 0;
  if (text.startsWith(';;;', start)) {
    return noFrontMatter(text, bom, { code: 'code-front-matter', ...worded('semicolons'), line: 1 });
  }
  if (!text.startsWith('---', start) || text.charAt(start + 3) === '-') return noFrontMatter(text, bom);
  const head = text.slice(start, start + MAX_OPEN_LINE);
  const open = OPEN_LINE.exec(head);
  // A lone carriage return (old Mac line endings) is no line break to Jekyll either.
  if (!open) return noFrontMatter(text, bom);
  const language = open[2].trim();
  if (!isYamlLanguage(language)) return noFrontMatter(text, bom, refusal(language));
  if (open[3] === '') return noFrontMatter(text, bom, head.length < text.length - start ? TOO_LARGE : null);
  const eol = open[3] === '\r\n' ? '\r\n' : '\n';
  const yamlStart = start + open[0].length;
  // Walk the lines of the block; the cost is the block's length, or the limit when it never closes.
  let pos = yamlStart;
  let line = 2;
  while (pos < text.length) {
    if (pos - yamlStart > MAX_FRONT_MATTER_CHARS) return noFrontMatter(text, bom, TOO_LARGE);
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    if (isClosingLine(text, pos, text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd)) {
      const bodyStart = nl === -1 ? text.length : nl + 1;
      return {
        kind: 'yaml',
        bom,
        eol,
        openStart: start,
        yaml: text.slice(yamlStart, pos),
        yamlStart,
        yamlEnd: pos,
        yamlLine: 2,
        closeStart: pos,
        closeLine: line,
        bodyStart,
        bodyLine: nl === -1 ? line : line + 1,
        body: text.slice(bodyStart),
        problem: null,
      };
    }
    if (nl === -1) break;
    pos = nl + 1;
    line++;
  }
  return noFrontMatter(text, bom, text.length - yamlStart > MAX_FRONT_MATTER_CHARS ? TOO_LARGE : UNCLOSED);
}

/**
 * Whether the verdict on `prefix` (the start of a longer text) could change if more text were read: true for
 * an unclosed block, a closing line whose line break is not yet seen, or a first line not yet complete.
 * Readers that see only a file's head read on while this is true (at most FRONT_MATTER_WINDOW characters).
 */
export function needsMoreText(split: FrontMatterSplit, prefix: string): boolean {
  if (prefix.length >= FRONT_MATTER_WINDOW) return false;
  // The first line decides whether there is a block and in which language, once it is complete.
  const firstLineOpen = prefix.indexOf('\n', split.openStart) === -1 && prefix.length - split.openStart <= MAX_OPEN_LINE;
  if (split.problem?.code === 'code-front-matter') return firstLineOpen && !prefix.startsWith(';;;', split.openStart);
  if (split.problem) return split.problem.code === 'unclosed';
  if (split.kind === 'yaml') return prefix.charAt(split.bodyStart - 1) !== '\n';
  return firstLineOpen;
}
