// @vitest-environment jsdom
// The preview's stylesheet spaces blocks without sibling combinators on `.pr-block`: with one, Chromium restyles
// the whole article (every element of a long post) each time a changed block is inserted, on every keystroke.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.join(__dirname, 'preview-frame.css'), 'utf8').replace(/\/\*[^]*?\*\//g, '');

describe('preview frame stylesheet', () => {
  it('never selects a block by its sibling', () => {
    expect(css).not.toMatch(/\.pr-block\s*[+~]/);
    expect(css).toContain('.pr-block:not(:first-child) > :first-child');
  });

  it('selects the same blocks as "a block after a block" would, since the article holds only blocks', () => {
    document.body.innerHTML = '<main id="pr-article"><div class="pr-block"><h2>a</h2></div><div class="pr-block"><p>b</p></div><div class="pr-block"><h2>c</h2></div></main>';
    const blocks = [...document.querySelectorAll('#pr-article > .pr-block')];
    expect(blocks.map((b) => b.matches('.pr-block:not(:first-child)'))).toEqual(blocks.map((b) => b.matches('.pr-block + .pr-block')));
    expect(blocks.map((b) => b.matches('.pr-block:not(:first-child)'))).toEqual([false, true, true]);
  });
});
