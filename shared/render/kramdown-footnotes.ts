/**
 * Footnote collection in linear time. markdown-it-footnote's own `footnote_tail` copies the whole token list
 * once per footnote (quadratic on long posts); this does the same job with one pass. Inline footnotes do not
 * exist in kramdown, so only referenced definitions are handled.
 */
import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
import { endsLazyText } from './kramdown-list';

type BlockRule = (state: StateBlock, start: number, end: number, silent: boolean) => boolean;

/** How many footnote definitions each block state is inside. */
const definitionDepth = new WeakMap<StateBlock, number>();

interface FootnoteEnv {
  footnotes?: unknown;
}

/**
 * Numbers the references as kramdown's converter meets them: the body first, then the content of each listed
 * footnote in turn (a footnote cited only inside another comes after all cited in the body; one cited only in
 * a definition that a later one with the same name replaced is not listed). Sets each reference's number and
 * repeat count; returns the footnotes in order with their reference counts.
 */
function numberAsKramdown(body: Token[], bodies: Map<string, Token[]>): Array<{ label: string; count: number }> {
  const order: Array<{ label: string; count: number }> = [];
  const byLabel = new Map<string, { id: number; note: { label: string; count: number } }>();
  const visit = (tokens: Token[]) => {
    for (const t of tokens) {
      for (const c of t.type === 'inline' ? (t.children ?? []) : []) {
        if (c.type !== 'footnote_ref') continue;
        const label = (c.meta as { label?: string }).label;
        if (label === undefined) continue;
        let seen = byLabel.get(label);
        if (!seen) {
          seen = { id: order.length, note: { label, count: 0 } };
          byLabel.set(label, seen);
          order.push(seen.note);
        }
        c.meta = { ...(c.meta as object), id: seen.id, subId: seen.note.count++ };
      }
    }
  };
  visit(body);
  for (let i = 0; i < order.length; i++) visit(bodies.get(order[i].label) ?? []);
  return order;
}

function footnoteTail(state: StateCore): void {
  const env = state.env as FootnoteEnv;
  if (!env.footnotes) return;
  const kept: Token[] = [];
  const bodies = new Map<string, Token[]>();
  let current: Token[] | null = null;
  let label = '';
  for (const t of state.tokens) {
    if (t.type === 'footnote_reference_open') {
      current = [];
      label = (t.meta as { label: string }).label;
    } else if (t.type === 'footnote_reference_close') {
      bodies.set(label, current ?? []);
      current = null;
    } else if (current) current.push(t);
    else kept.push(t);
  }
  const order = numberAsKramdown(kept, bodies);
  if (order.length) {
    kept.push(new state.Token('footnote_block_open', '', 1));
    order.forEach(({ label: name, count }, id) => {
      const open = new state.Token('footnote_open', '', 1);
      open.meta = { id, label: name };
      kept.push(open);
      const body = bodies.get(name) ?? [];
      const lastParagraph = body.length && body[body.length - 1].type === 'paragraph_close' ? body[body.length - 1] : null;
      for (let i = 0; i < body.length - (lastParagraph ? 1 : 0); i++) kept.push(body[i]);
      for (let sub = 0; sub < count; sub++) {
        const anchor = new state.Token('footnote_anchor', '', 0);
        anchor.meta = { id, subId: sub, label: name };
        kept.push(anchor);
      }
      if (lastParagraph) kept.push(lastParagraph);
      kept.push(new state.Token('footnote_close', '', -1));
    });
    kept.push(new state.Token('footnote_block_close', '', -1));
  }
  state.tokens = kept;
}

/**
 * Where kramdown's footnote definition ends: its first line, then any number of runs of (a blank line,)
 * lines indented four or more and lazy lines after them. A line directly after the first one that is not
 * indented is not part of the note.
 */
function definitionEnd(state: StateBlock, start: number, end: number): number {
  let last = start + 1;
  for (;;) {
    let l = last;
    while (l < end && state.isEmpty(l)) l++;
    if (l >= end || state.sCount[l] - state.blkIndent < 4) return last;
    while (l < end && !state.isEmpty(l) && state.sCount[l] - state.blkIndent >= 4) l++;
    while (l < end && !state.isEmpty(l) && !endsLazyText(state, l)) l++;
    last = l;
  }
}

/**
 * Replaces markdown-it-footnote's tail rule (installed by the plugin) with the linear one, and lets a footnote
 * definition start only where a paragraph does not continue: in kramdown `[^x]: …` right after a paragraph line
 * is more text of that paragraph.
 */
export function linearFootnoteTail(md: MarkdownIt): void {
  md.core.ruler.at('footnote_tail', footnoteTail);
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule }> }).__rules__;
  const def = rules.find((r) => r.name === 'footnote_def');
  if (!def) return;
  const original = def.fn;
  def.fn = (state, start, end, silent) => {
    // Only the paragraph of another definition ends there (kramdown reads a definition's first line alone).
    const depth = definitionDepth.get(state) ?? 0;
    if (silent && state.parentType === 'paragraph' && depth === 0) return false;
    if (silent) return original(state, start, end, silent);
    definitionDepth.set(state, depth + 1);
    try {
      return original(state, start, definitionEnd(state, start, end), silent);
    } finally {
      definitionDepth.set(state, depth);
    }
  };
}
