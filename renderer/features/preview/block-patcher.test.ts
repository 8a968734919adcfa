// @vitest-environment jsdom
// Patching the preview block by block: unchanged blocks keep their very elements (images stay loaded), only
// changed blocks are built, order and lines follow the text.
import { describe, expect, it } from 'vitest';
import { BlockPatcher } from './block-patcher';

function setup() {
  const built: string[] = [];
  const patcher = new BlockPatcher((html, doc) => {
    built.push(html);
    const el = doc.createElement('div');
    el.textContent = html;
    return el;
  });
  const root = document.createElement('main');
  return { patcher, root, built };
}

describe('BlockPatcher', () => {
  it('builds only new blocks and keeps the elements of unchanged ones', () => {
    const { patcher, root, built } = setup();
    patcher.patch(root, [{ line: 1, html: 'a' }, { line: 3, html: 'b' }, { line: 5, html: 'c' }]);
    const [a, b, c] = [...root.children];
    built.length = 0;
    patcher.patch(root, [{ line: 1, html: 'a' }, { line: 3, html: 'b2' }, { line: 6, html: 'c' }]);
    expect(built).toEqual(['b2']);
    expect(root.children[0]).toBe(a);
    expect(root.children[2]).toBe(c);
    expect(root.children[1]).not.toBe(b);
    expect([...root.children].map((el) => el.getAttribute('data-pr-line'))).toEqual(['1', '3', '6']);
  });

  it('follows insertions, deletions, moves and duplicates', () => {
    const { patcher, root } = setup();
    patcher.patch(root, ['x', 'y', 'x', 'z'].map((html, i) => ({ line: i + 1, html })));
    const first = [...root.children];
    patcher.patch(root, ['z', 'x', 'new', 'x'].map((html, i) => ({ line: i + 1, html })));
    expect([...root.children].map((el) => el.textContent)).toEqual(['z', 'x', 'new', 'x']);
    expect(root.children[0]).toBe(first[3]);
    expect(first).toContain(root.children[1]);
    expect(first).toContain(root.children[3]);
    patcher.patch(root, []);
    expect(root.children.length).toBe(0);
  });

  it('drops what else is in the article and marks moved blocks with their new line', () => {
    const { patcher, root } = setup();
    patcher.patch(root, [{ line: 1, html: 'a' }, { line: 2, html: 'b' }]);
    root.append(document.createElement('aside'));
    patcher.patch(root, [{ line: 1, html: 'new' }, { line: 4, html: 'a' }, { line: 5, html: 'b' }]);
    expect([...root.children].map((el) => `${el.textContent}@${el.getAttribute('data-pr-line')}`)).toEqual(['new@1', 'a@4', 'b@5']);
    expect(patcher.elements).toEqual([...root.children]);
  });
});
