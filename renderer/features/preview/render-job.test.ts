// One preview render: the post's heading block from its front matter, blocks with lines, post_url from the site's
// list, and a crash in the pipeline turned into a visible problem instead of an empty preview.
import { describe, expect, it } from 'vitest';
import { headerBlock, runRenderJob } from './render-job';
import { EMPTY_RENDER_CONTEXT } from '../../../shared/render/site-context';

const context = { ...EMPTY_RENDER_CONTEXT, config: { title: 'News' }, posts: [{ name: '2024-01-02-older', url: '/2024/01/02/older/' }] };

describe('runRenderJob', () => {
  it('heads the article with title, date and author, then the body blocks with their lines', () => {
    const source = '---\ntitle: "Launch <day>"\nauthor: [Ada, Grace]\n---\n# Hello {{ site.title }}\n\n[Older]({% post_url 2024-01-02-older %})\n';
    const r = runRenderJob({ id: 7, source, path: '_posts/2024-03-04-launch.md', context });
    expect(r.id).toBe(7);
    expect(r.blocks[0]).toEqual({ line: 1, html: '<header class="pr-post-header"><h1 class="pr-post-title">Launch &lt;day&gt;</h1><p class="pr-post-meta">2024-03-04 · Ada, Grace</p></header>\n' });
    expect(r.blocks.slice(1).map((b) => b.line)).toEqual([5, 7]);
    expect(r.blocks[1].html).toContain('Hello News');
    expect(r.blocks[2].html).toContain('href="/2024/01/02/older/"');
    expect(r.problems).toEqual([]);
  });

  it('uses the previous context when a request says "same as before" (the worker protocol)', () => {
    runRenderJob({ id: 1, source: 'x', path: 'a.md', context });
    const r = runRenderJob({ id: 2, source: '{{ site.title }}', path: 'a.md', context: null });
    expect(r.blocks[0].html).toContain('News');
  });

  it('reports broken Liquid as a problem with its line and still shows the text', () => {
    const r = runRenderJob({ id: 3, source: '---\ntitle: T\n---\nText\n\n{% endif %}\n', path: 'a.md', context });
    expect(r.problems[0]).toMatchObject({ kind: 'liquid-syntax' });
    expect(r.blocks.map((b) => b.html).join('')).toContain('Text');
  });

  it('has no heading block for a post without title, date or author', () => {
    expect(headerBlock({}, 'notes.md')).toBeNull();
  });
});
