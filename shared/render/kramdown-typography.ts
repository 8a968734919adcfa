/**
 * kramdown's smart quotes and typographic symbols (parser/kramdown/smart_quotes.rb, typographic_symbol.rb),
 * replayed on runs of plain text so the output matches Jekyll's character for character.
 *
 * kramdown scans a paragraph's source left to right; a quote may take the one character before it as context
 * unless another span parser consumed that character first. Here a "run" is the text between two non-text
 * inline tokens (emphasis, links, code, entities, escapes), which is exactly where kramdown's scanner restarts.
 * With Jekyll's `entity_output: as_char` the results are characters, not entities.
 */

const LSQUO = '\u2018';
const RSQUO = '\u2019';
const LDQUO = '\u201c';
const RDQUO = '\u201d';
const NBSP = '\u00a0';

// Ruby's \s and \w are ASCII-only; its \b is Unicode-aware.
const S = '[ \\t\\r\\n\\f\\v]';
const NS = '[^ \\t\\r\\n\\f\\v]';
const UWORD = '[\\p{L}\\p{M}\\p{Nd}\\p{Pc}]';
const PUNCT = '[!"#$%\'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]';
const CLOSE = '[^ \\\\\\t\\r\\n\\[{(\\-]';

type Subst = number | 'lquote1' | 'rquote1' | 'lquote2' | 'rquote2' | 'ldquo' | 'lsquo' | 'rsquo';

// The rules in kramdown's order; each is tried sticky at the scan position.
const RULES: Array<[RegExp, Subst[]]> = [
  [new RegExp(`(["'])(?=[_*]{1,2}${NS})`, 'uy'), ['lquote1']],
  [new RegExp(`(["'])(?=${PUNCT}(?!\\.\\.)(?!${UWORD}))`, 'uy'), ['rquote1']],
  [new RegExp(`(${S}?)"'(?=\\w)`, 'uy'), [1, 'ldquo', 'lsquo']],
  [new RegExp(`(${S}?)'"(?=\\w)`, 'uy'), [1, 'lsquo', 'ldquo']],
  [new RegExp(`(${S}?)'(?=\\d\\ds)`, 'uy'), [1, 'rsquo']],
  [new RegExp(`(${S})(['"])(?=\\w)`, 'uy'), [1, 'lquote2']],
  [new RegExp(`(${CLOSE})(['"])`, 'uy'), [1, 'rquote2']],
  [new RegExp(`(["'])(?=${S}|s(?!${UWORD})|$)`, 'uy'), ['rquote1']],
  [/([^]?)'/uy, [1, 'lsquo']],
  [/([^]?)"/uy, [1, 'ldquo']],
];

const TYPO_RE = /---|--|\.\.\.|\\<<|\\>>|<< | >>|<<|>>/y;
const TYPO: Record<string, string[]> = {
  '---': ['\u2014', '', ''],
  '--': ['\u2013', ''],
  '...': ['\u2026', '', ''],
  '\\<<': ['', '<', '<'],
  '\\>>': ['', '>', '>'],
  '<< ': ['\u00ab', '', NBSP],
  ' >>': [NBSP, '\u00bb', ''],
  '<<': ['\u00ab', ''],
  '>>': ['\u00bb', ''],
};

// Characters whose own kramdown span parser runs before smart quotes and swallows them when it fails.
const CONSUMERS = new Set(['*', '_', '`', '[']);

function quoteChar(kind: Subst, quote: string): string {
  switch (kind) {
    case 'lquote1':
    case 'lquote2':
      return quote === '"' ? LDQUO : LSQUO;
    case 'rquote1':
    case 'rquote2':
      return quote === '"' ? RDQUO : RSQUO;
    case 'ldquo':
      return LDQUO;
    case 'lsquo':
      return LSQUO;
    case 'rsquo':
      return RSQUO;
    default:
      return '';
  }
}

const isQuote = (c: string | undefined): boolean => c === '"' || c === "'";

/**
 * Returns one replacement string per character of `run` (empty when swallowed), so callers can map the result
 * back onto the tokens the run was built from. `after` is the source that follows the run (lookahead only).
 */
export function kramdownTypography(run: string, after: string): string[] {
  // One slot per UTF-16 unit, so indexes match the string's.
  const out: string[] = new Array<string>(run.length);
  for (let i = 0; i < run.length; i++) out[i] = run[i];
  const s = run + after;
  const n = run.length;
  let pos = 0;
  while (pos < n) {
    let q = pos;
    let kind: 'quote' | 'typo' | null = null;
    for (; q < n; q++) {
      const c = run[q];
      if (isQuote(c) || (c !== '\\' && q + 1 < n && isQuote(run[q + 1]))) {
        kind = 'quote';
        break;
      }
      if (c === '-' || c === '.' || c === '<' || c === '>' || c === '\\' || c === ' ') {
        TYPO_RE.lastIndex = q;
        const m = TYPO_RE.exec(run);
        if (m) {
          kind = 'typo';
          break;
        }
      }
    }
    if (!kind) break;
    if (kind === 'quote' && !isQuote(run[q]) && CONSUMERS.has(run[q])) {
      pos = q + 1;
      continue;
    }
    if (kind === 'quote') {
      let applied = false;
      for (const [re, substs] of RULES) {
        re.lastIndex = q;
        const m = re.exec(s);
        if (!m || q + m[0].length > n) continue;
        let at = q;
        for (const sub of substs) {
          if (typeof sub === 'number') {
            at += m[sub].length;
          } else {
            const group = sub === 'lquote1' || sub === 'rquote1' ? 1 : 2;
            const quote = sub.endsWith('1') || sub.endsWith('2') ? m[group] : '';
            out[at] = quoteChar(sub, quote);
            at += 1;
          }
        }
        pos = q + m[0].length;
        applied = true;
        break;
      }
      if (!applied) pos = q + 1;
    } else {
      TYPO_RE.lastIndex = q;
      const m = TYPO_RE.exec(run)!;
      const repl = TYPO[m[0]];
      for (let k = 0; k < repl.length; k++) out[q + k] = repl[k];
      pos = q + m[0].length;
    }
  }
  return out;
}
