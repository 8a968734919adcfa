// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pdfPrintOptions, PAGE_MARGINS_MM } from './pdf-options';
import { exportStyles, PRINT_STYLESHEET } from './print-stylesheet';

/** The part of jsdom's CSS object model this test reads (shared/ compiles without DOM types). */
interface CssRule {
  type: number;
  cssRules?: ArrayLike<CssRule>;
}
interface StyleElement {
  textContent: string;
  sheet: { cssRules: ArrayLike<CssRule> };
}
interface CssDocument {
  head: { appendChild(node: StyleElement): void };
  createElement(tag: 'style'): StyleElement;
}

/** A rule's prelude: a selector list, or an at-rule's head. */
interface Prelude {
  text: string;
  /** The at-rules it sits in ('@media print', …). */
  inside: string[];
}

/** Every prelude of a stylesheet, found by braces (comments removed; the sheet has no strings with braces). */
function preludes(css: string): Prelude[] {
  const src = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Prelude[] = [];
  const stack: Array<{ text: string; nested: boolean }> = [];
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '{') {
      const text = src.slice(start, i).trim();
      const parent = stack[stack.length - 1];
      if (!parent || parent.nested) out.push({ text, inside: stack.map((s) => s.text) });
      stack.push({ text, nested: /^@(media|supports|layer)\b/.test(text) });
      start = i + 1;
    } else if (c === '}') {
      stack.pop();
      start = i + 1;
    } else if (c === ';' && (stack.length === 0 || stack[stack.length - 1].nested)) {
      // An at-rule without a block (`@import …;`) at this level.
      const text = src.slice(start, i).trim();
      if (text.startsWith('@')) out.push({ text, inside: stack.map((s) => s.text) });
      start = i + 1;
    }
  }
  expect(stack, 'braces are balanced').toEqual([]);
  return out;
}

/** Splits a selector list at its top-level commas (not those inside `:not(…)` or `[…]`). */
function selectorList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

const rules = preludes(exportStyles('A4'));
const selectors = rules.filter((r) => !r.text.startsWith('@')).flatMap((r) => selectorList(r.text));

describe('the print stylesheet', () => {
  it('styles only the export: every selector starts at .pr-export, so the app can adopt it for printing', () => {
    expect(selectors.length).toBeGreaterThan(60);
    for (const sel of selectors) expect(sel, sel).toMatch(/^\.pr-export(?=$|[\s.:[>+~])/);
    // `.pr-export-title` alone would not be scoped: it must sit under `.pr-export`.
    for (const sel of selectors) expect(sel, sel).not.toMatch(/^\.pr-export-/);
  });

  it('never restyles the page it is adopted into (no html, body, :root or universal selector of its own)', () => {
    for (const sel of selectors) {
      expect(sel, sel).not.toMatch(/(^|[\s>+~(,])(html|body|:root)\b/i);
      expect(sel, sel).not.toMatch(/(^|[\s>+~])\*/);
    }
  });

  it('has at-rules only for print, narrow screens and the page', () => {
    const at = rules.filter((r) => r.text.startsWith('@')).map((r) => r.text);
    for (const a of at) expect(a).toMatch(/^@(media (print|screen and \(max-width: \d+px\))|page)$/);
    expect(at.filter((a) => a.startsWith('@page'))).toEqual(['@page']);
  });

  it('opens offline and looks the same for everyone: no url(), @import, web font or dark scheme', () => {
    const css = exportStyles('Letter');
    expect(css).not.toMatch(/url\s*\(/i);
    expect(css).not.toMatch(/@import|@font-face|@namespace/i);
    expect(css).not.toMatch(/prefers-color-scheme/i);
    expect(css).not.toMatch(/image-set|expression\s*\(|javascript:/i);
    // It sits inside the document's <style>: nothing in it may close that element.
    expect(css).not.toMatch(/<\/?style|<!--|-->/i);
  });

  it('keeps what belongs together on one page and headings with what follows', () => {
    const declarations = (selector: string) => {
      const m = new RegExp(`(^|[},])\\s*[^{}]*${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^{}]*\\{([^}]*)\\}`, 'g');
      return [...PRINT_STYLESHEET.matchAll(m)].map((x) => x[2]).join(';');
    };
    for (const sel of ['.pr-export figure', '.pr-export blockquote', '.pr-export tr', '.pr-export pre']) {
      expect(declarations(sel), sel).toMatch(/break-inside: avoid/);
    }
    expect(declarations('.pr-export h2')).toMatch(/break-after: avoid/);
    expect(declarations('.pr-export .pr-export-article')).toMatch(/orphans: 3;[\s\S]*widows: 3;/);
    expect(declarations('.pr-export .pr-export-article')).toMatch(/hyphens: auto/);
    expect(declarations('.pr-export img')).toMatch(/max-width: 100%/);
  });

  it('is valid CSS: a real parser keeps every rule', () => {
    const doc = (globalThis as unknown as { document: CssDocument }).document;
    const style = doc.createElement('style');
    style.textContent = exportStyles('A4');
    doc.head.appendChild(style);
    let styleRules = 0;
    const walk = (list: ArrayLike<CssRule>) => {
      for (const rule of Array.from(list)) {
        if (rule.type === 1) styleRules++; // CSSRule.STYLE_RULE
        if (rule.type === 4 && rule.cssRules) walk(rule.cssRules); // CSSRule.MEDIA_RULE
      }
    };
    walk(style.sheet.cssRules);
    expect(styleRules).toBe(rules.filter((r) => !r.text.startsWith('@')).length);
  });
});

describe('exportStyles', () => {
  it('prints on the paper chosen, with the margins the PDF engines use', () => {
    const m = PAGE_MARGINS_MM;
    const margin = `margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;`;
    expect(exportStyles('A4')).toContain(`@page { size: A4; ${margin} }`);
    expect(exportStyles('Letter')).toContain(`@page { size: letter; ${margin} }`);
    for (const pageSize of ['A4', 'Letter'] as const) {
      const o = pdfPrintOptions({ title: 't', dateText: '', language: 'en', pageSize });
      expect(exportStyles(pageSize)).toContain(`margin: ${o.margins.top}mm ${o.margins.right}mm ${o.margins.bottom}mm ${o.margins.left}mm;`);
    }
    expect(exportStyles('A4').startsWith(PRINT_STYLESHEET)).toBe(true);
  });
});
