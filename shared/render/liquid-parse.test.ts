import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { parseLiquid } from './liquid-parse';

const engine = new Liquid({ parseLimit: 1_000 });
const both = (text: string, scope: Record<string, unknown> = {}) => ({
  theirs: engine.parseAndRenderSync(text, scope),
  ours: engine.renderSync(parseLiquid(engine, text), scope),
});

describe('parseLiquid', () => {
  it('gives the templates liquidjs gives: whitespace control, raw, comments, nested blocks', () => {
    const text = 'a {{ x }} b {%- if x -%} c {% endif %}  {{- y -}}\n{% raw %}{{ kept }}{% endraw %}{% comment %}gone{% endcomment %}' +
      '{% for i in (1..3) %}{% if i > 1 %}{{ i }}{% endif %}{% endfor %}{% capture z %}q{% endcapture %}{{ z }} tail {';
    const { theirs, ours } = both(text, { x: 1, y: 2 });
    expect(ours).toBe(theirs);
    expect(ours).toContain('{{ kept }}');
  });

  it('reports an unclosed tag as liquidjs does', () => {
    expect(() => parseLiquid(engine, 'text {% if x %} never closed')).toThrow(/not closed/);
    expect(() => parseLiquid(engine, 'text {{ x')).toThrow(/not closed/);
  });

  it('keeps the parse length limit', () => {
    expect(() => parseLiquid(engine, 'x'.repeat(1_001))).toThrow(/parse length limit exceeded/);
  });

  it('parses a post with tens of thousands of tags, as a long post has', () => {
    const big = new Liquid({ parseLimit: 10_000_000 });
    const text = 'Text with {{ n }} and {% if n %}a condition{% endif %}.\n'.repeat(10_000);
    expect(big.renderSync(parseLiquid(big, text), { n: 1 })).toBe('Text with 1 and a condition.\n'.repeat(10_000));
    // Only outputs, no tags: the search for the next `{%` finds none once, not once per output.
    expect(big.renderSync(parseLiquid(big, '{{ n }} '.repeat(30_000)), { n: 2 })).toBe('2 '.repeat(30_000));
  });
});
