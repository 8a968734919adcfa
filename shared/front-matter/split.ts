/**
 * Finds a post's front matter the way Jekyll does (a `---` line at the very start, closed by the next `---`
 * or `...` line) and reports exact offsets and lines, so edits can splice the block without touching the body.
 * Pure and evaluating nothing: a block in another language (`---js`, `;;;`) is reported, never read.
 */

/** Largest front-matter block we read or edit; a post's head is far smaller, a bigger block is an attack or a mistake. */
export const MAX_FRONT_MATTER_CHARS = 1024 * 1024;

/** Languages gray-matter and similar tools would evaluate as code after the opening `---`. */
export const CODE_LANGUAGES = ['js', 'javascript', 'coffee', 'coffeescript', 'cson'] as const;

/** Why a block could not be split into YAML and body; the text itself is never changed. */
export interface SplitProblem {
  code: 'unclosed' | 'code-front-matter' | 'too-large';
  message: string;
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

/** Counts line breaks in `text` before `end`, plus one: the one-based line of an offset. */
export function lineOfOffset(text: string, offset: number, from = 0): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n', from); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

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

/**
 * Splits `text` into front matter and body; never throws. A `;;;` or `---<language>` opening yields a
 * `code-front-matter` problem, an opening without a closing line `unclosed`, a block over 1 MB `too-large`;
 * in each case `kind` is 'invalid' and the whole text counts as body.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const bom = text.charCodeAt(0) === 0xfeff;
  const start = bom ? 1 : 0;
  const head = text.slice(start, start + 4096);
  if (head.startsWith(';;;')) {
    return noFrontMatter(text, bom, { code: 'code-front-matter', message: 'Front matter between ;;; lines is JavaScript; code front matter is never run.', line: 1 });
  }
  if (!head.startsWith('---') || head.charAt(3) === '-') return noFrontMatter(text, bom);
  const open = OPEN_LINE.exec(head);
  if (!open) return noFrontMatter(text, bom);
  const language = open[2].trim();
  if (!isYamlLanguage(language)) {
    const shown = language.slice(0, 40);
    const isCode = (CODE_LANGUAGES as readonly string[]).includes(language.toLowerCase());
    const message = isCode ? `Front matter in ${shown} is code; code front matter is never run.` : `Front matter in ${shown} is not YAML and is never read.`;
    return noFrontMatter(text, bom, { code: 'code-front-matter', message, line: 1 });
  }
  if (open[3] === '') return noFrontMatter(text, bom, unclosed());
  const eol = open[3] === '\r\n' ? '\r\n' : '\n';
  const yamlStart = start + open[0].length;
  // Walk the lines of the block; the cost is the block's length, or the limit when it never closes.
  let pos = yamlStart;
  let line = 2;
  while (pos < text.length) {
    if (pos - yamlStart > MAX_FRONT_MATTER_CHARS) {
      return noFrontMatter(text, bom, { code: 'too-large', message: `The front matter is larger than ${MAX_FRONT_MATTER_CHARS / 1024 / 1024} MB.`, line: 1 });
    }
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const content = text.charCodeAt(lineEnd - 1) === 13 ? text.slice(pos, lineEnd - 1) : text.slice(pos, lineEnd);
    if (/^(?:---|\.\.\.)[ \t]*$/.test(content)) {
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
  return noFrontMatter(text, bom, unclosed());

  function unclosed(): SplitProblem {
    return { code: 'unclosed', message: 'The front matter that starts on line 1 has no closing --- line, so the whole post would be read as front matter.', line: 1 };
  }
}
