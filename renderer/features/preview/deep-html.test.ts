// @vitest-environment jsdom
// The preview's whole path on HTML Jekyll cannot follow, as the app runs it: the render job (as in the worker),
// the sanitizer and the block patcher. A post with 5,000 nested <div>s shows its text and a problem instead of
// an empty preview; a quote whose <cite> is never closed shows the rest of the post inside the quote, as the site would.
import { describe, expect, it } from 'vitest';
import { BlockPatcher } from './block-patcher';
import { runRenderJob } from './render-job';
import { sanitizeBlock } from './sanitize';
import { EMPTY_RENDER_CONTEXT } from '../../../shared/render/site-context';

const options = { baseurl: '', embedLabel: (what: string) => `embedded: ${what}` };

function preview(source: string) {
  const result = runRenderJob({ id: 1, source, path: '_posts/2024-01-01-x.md', context: EMPTY_RENDER_CONTEXT });
  const patcher = new BlockPatcher((html, doc) => {
    const block = doc.createElement('div');
    block.append(doc.importNode(sanitizeBlock(html, options).fragment, true));
    return block;
  });
  const article = document.createElement('article');
  patcher.patch(article, result.blocks);
  return { result, article };
}

describe('the preview on HTML Jekyll cannot follow', () => {
  it('shows a post with 5,000 nested <div>s, with the problem on its line', () => {
    const { result, article } = preview(`---\ntitle: Deep\n---\nIntro.\n\n${'<div>'.repeat(5000)}deep text${'</div>'.repeat(5000)}\n\nAfter.\n`);
    expect(result.problems.map((p) => [p.kind, p.line])).toEqual([['html-too-deep', 6]]);
    expect(article.textContent).toContain('Intro.');
    expect(article.textContent).toContain('deep text');
    expect(article.textContent).toContain('After.');
  });

  it('shows what follows an unclosed <cite> inside the quote, and names it', () => {
    const { result, article } = preview('---\ntitle: Q\n---\n<blockquote><p>\n"Quote."\n</p><cite>Jane Doe\n</blockquote>\n\n## After\n');
    expect(result.problems.map((p) => [p.kind, p.tag, p.line])).toEqual([['unclosed-html', 'cite', 6]]);
    const cite = article.querySelector('blockquote cite');
    expect(cite?.textContent).toContain('## After');
    expect(cite?.textContent).toContain('</blockquote>');
  });
});
