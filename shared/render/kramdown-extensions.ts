/**
 * kramdown syntax markdown-it has no counterpart for: abbreviations (`*[SCS]: Sovereign Cloud Stack`, every
 * later "SCS" becomes `<abbr>`), and the block extensions `{::comment}`, `{::nomarkdown}` and `{::options /}`.
 */
import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
import { escapeHtml } from '../util/escape-html';

const ABBR_DEF = /^\*\[(.+?)\]:(.*)$/;
const EXT_START = /^\{::(\w+)(?:\s(?:\\\}|[^}])*?)?(\/)?\}[ \t]*$/;


function line(state: StateBlock, l: number): string {
  return state.src.slice(state.bMarks[l] + state.tShift[l], state.eMarks[l]);
}

function abbrDefinition(state: StateBlock, startLine: number, _end: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const m = ABBR_DEF.exec(line(state, startLine));
  if (!m) return false;
  if (silent) return true;
  const env = state.env as { kramdownAbbrevs?: Map<string, string> };
  (env.kramdownAbbrevs ??= new Map()).set(m[1], m[2].trim());
  state.line = startLine + 1;
  return true;
}

function blockExtension(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const m = EXT_START.exec(line(state, startLine));
  if (!m || !['comment', 'nomarkdown', 'options'].includes(m[1])) return false;
  const name = m[1];
  let last = startLine + 1;
  if (!m[2]) {
    const stop = new RegExp(`^\\{:/(${name})?\\}[ \\t]*$`);
    while (last < endLine && !stop.test(line(state, last))) last++;
    if (last >= endLine) return false;
  }
  if (silent) return true;
  if (!m[2]) {
    const body = state.getLines(startLine + 1, last, state.blkIndent, true);
    if (name === 'comment') state.push('html_block', '', 0).content = `<!-- ${body.replace(/\n$/, '')} -->\n`;
    if (name === 'nomarkdown') state.push('html_block', '', 0).content = body;
    last++;
  }
  state.line = m[2] ? startLine + 1 : last;
  return true;
}

/** kramdown's replace_abbreviations on plain text (after typography): longest names first, word-bounded. */
function abbreviations(state: StateCore): void {
  const defs = (state.env as { kramdownAbbrevs?: Map<string, string> }).kramdownAbbrevs;
  if (!defs?.size) return;
  const names = [...defs.keys()].sort((a, b) => b.length - a.length);
  const union = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const re = new RegExp(`(?<=^|\\W)(${union})(?!\\w)`, 'gm');
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    for (const t of block.children) {
      if (t.type !== 'text' || !re.test(t.content)) {
        out.push(t);
        continue;
      }
      re.lastIndex = 0;
      let at = 0;
      for (const m of t.content.matchAll(re)) {
        const text = new state.Token('text', '', 0);
        text.content = t.content.slice(at, m.index);
        const abbr = new state.Token('html_inline', '', 0);
        const title = defs.get(m[1]) ?? '';
        abbr.content = `<abbr${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(m[1])}</abbr>`;
        out.push(text, abbr);
        at = m.index + m[1].length;
      }
      const rest = new state.Token('text', '', 0);
      rest.content = t.content.slice(at);
      out.push(rest);
    }
    block.children = out;
  }
}

/** Installs abbreviations and block extensions. */
export function kramdownExtensionsPlugin(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'kramdown_abbr', abbrDefinition);
  md.block.ruler.before('paragraph', 'kramdown_extension', blockExtension, { alt: ['paragraph'] });
  md.core.ruler.after('kramdown_header_ids', 'kramdown_abbreviations', abbreviations);
}
