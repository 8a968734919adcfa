// HTML that swallows the rest of a post, as an author meets it: the preview and `pressroom render` name the
// element that is never closed and the file line it opens on; a post nested thousands of elements deep
// renders (with a problem) instead of overflowing the stack.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITE } from './fixtures/fixture-site';
import { MAX_HTML_DEPTH } from './kramdown-html-scan';
import { MAX_UNCLOSED_PROBLEMS } from './html-problems';
import { renderPost } from './render-post';
import type { RenderProblem } from './render-types';

const site = { config: {}, assetUrl: () => null, postUrl: () => null };

/** A post with three lines of front matter; its body starts on line 4. */
function render(body: string, sourceLines = false) {
  return renderPost({ source: `---\ntitle: Quote\n---\n${body}`, site, path: '_posts/2024-01-01-q.md', sourceLines });
}

const htmlProblems = (problems: RenderProblem[]) => problems.filter((p) => p.kind === 'unclosed-html' || p.kind === 'html-too-deep');

const QUOTE = `Intro.

<blockquote><p>
"A quote -- with words."
</p><cite>Jane Doe, CEO
</blockquote>

## Next heading
`;

describe('an element that is never closed', () => {
  it('names the <cite> of a quote and the file line it opens on, front matter included (preview and export alike)', () => {
    for (const sourceLines of [false, true]) {
      const { problems } = render(QUOTE, sourceLines);
      expect(htmlProblems(problems)).toEqual([
        { kind: 'unclosed-html', tag: 'cite', line: 8, message: '<cite> opened on line 8 is never closed; everything after it is inside it' },
      ]);
    }
  });

  it('renders the rest of the post inside the <cite>, as Jekyll does (the </blockquote> it swallowed is text)', () => {
    const { html } = render(QUOTE);
    expect(html).toContain('&lt;/blockquote&gt;');
    expect(html).toContain('## Next heading');
    expect(html.trimEnd().endsWith('</cite></blockquote>')).toBe(true);
  });

  it('finds the line in the file as written when Liquid removed lines before it', () => {
    const body = `{% comment %}\none\ntwo\nthree\n{% endcomment %}\n${QUOTE}`;
    // The comment takes body lines 1-5 (file lines 4-8); the quote's <cite> moves from line 8 to line 13.
    expect(htmlProblems(render(body).problems).map((p) => p.line)).toEqual([13]);
    expect(htmlProblems(render(body, true).problems).map((p) => p.line)).toEqual([13]);
  });

  it('names the inner element that swallowed the closing tags, not the ones around it', () => {
    expect(htmlProblems(render(`<div class="box"><span>open span\n</div>\n\nTail.\n`).problems).map((p) => [p.tag, p.line])).toEqual([['span', 4]]);
    const figure = render(`<section>\n<figure>\n<figcaption>Caption\n</figure>\n</section>\n\nTail.\n`);
    expect(htmlProblems(figure.problems).map((p) => [p.tag, p.line])).toEqual([['figcaption', 6]]);
  });

  it('names an element that simply ends with the post', () => {
    const { problems } = render(`Intro.\n\n<figure>\n<img src="a.png">\n<figcaption>Caption</figcaption>\n\nMore text.\n`);
    expect(htmlProblems(problems).map((p) => [p.tag, p.line])).toEqual([['figure', 6]]);
  });

  it('finds an unclosed element inside Markdown inside HTML (markdown="1") on its own line', () => {
    const { problems } = render(`<div markdown="1">\n## Inside\n\nText.\n\n<aside>\nnot closed\n\n</div>\n`);
    expect(htmlProblems(problems).map((p) => [p.tag, p.line])).toEqual([['aside', 9]]);
  });

  it('finds an unclosed element inside a list item and a blockquote', () => {
    const { problems } = render(`- item\n\n  <div>\n  never closed\n\n> <span>x\n> <section>\n> open\n`);
    expect(htmlProblems(problems).map((p) => [p.tag, p.line])).toEqual([
      ['div', 6],
      ['section', 10],
    ]);
  });

  it('says nothing about HTML that is closed: none of the post fixtures has a problem', () => {
    const dir = join(__dirname, 'fixtures', 'posts');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const { problems } = renderPost({ source: readFileSync(join(dir, name), 'utf8'), site: FIXTURE_SITE, path: `_posts/${name}` });
      expect(htmlProblems(problems), name).toEqual([]);
    }
  });

  it('names at most a few of thousands of unclosed elements', () => {
    const { problems } = render('<div>\n'.repeat(20_000));
    const unclosed = problems.filter((p) => p.kind === 'unclosed-html');
    expect(unclosed).toHaveLength(MAX_UNCLOSED_PROBLEMS);
    expect(unclosed[0]).toMatchObject({ tag: 'div', line: 4 });
  });
});

describe('HTML nested thousands deep', () => {
  const deep = (n: number) => `Intro.\n\n${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}\n\nAfter.\n`;

  it('renders 5,000 nested <div>s, in the preview and for export, keeping the text and the first 1,000 levels, and says Jekyll cannot', () => {
    for (const sourceLines of [false, true]) {
      const { html, problems } = render(deep(5_000), sourceLines);
      expect(html.split('<div').length - 1).toBe(MAX_HTML_DEPTH);
      expect(html.split('</div>').length - 1).toBe(MAX_HTML_DEPTH);
      expect(html).toContain('deep');
      expect(html).toMatch(/<p[^>]*>After\.<\/p>\n$/);
      expect(problems).toEqual([
        {
          kind: 'html-too-deep',
          tag: 'div',
          line: 6,
          depth: MAX_HTML_DEPTH + 1,
          message: `<div> on line 6 is nested more than 1,000 elements deep; Jekyll stops on HTML nested this deeply ("stack level too deep"), and the preview leaves out the tags deeper down`,
        },
      ]);
    }
  });

  it('says nothing below the depth Jekyll follows, and leaves every tag in', () => {
    const { html, problems } = render(deep(MAX_HTML_DEPTH));
    expect(problems).toEqual([]);
    expect(html.split('</div>').length - 1).toBe(MAX_HTML_DEPTH);
  });

  it('leaves out the deeper tags of an unclosed deep nest too, closing only the ones it kept', () => {
    const { html } = render(`${'<div>'.repeat(1_500)}open`);
    expect(html.split('<div').length - 1).toBe(MAX_HTML_DEPTH);
    expect(html.split('</div>').length - 1).toBe(MAX_HTML_DEPTH);
  });

  it('says 5,000 nested {% if %} tags are too deep for Liquid, and still shows the post', () => {
    const { html, problems } = render(`Intro.\n\n${'{% if true %}'.repeat(5_000)}deep${'{% endif %}'.repeat(5_000)}\n`);
    expect(problems.map((p) => p.message)).toEqual(['Liquid tags are nested too deeply to run; the post is shown without running Liquid']);
    expect(html).toContain('<p>Intro.</p>');
  });

  it('keeps 5,000 nested markdown="1" blocks from overflowing the stack: past the limit their Markdown stays text', () => {
    const body = `${'<div markdown="1">\n'.repeat(5_000)}*deep*\n${'</div>\n'.repeat(5_000)}`;
    const { html, problems } = render(body);
    expect(html).toContain('*deep*');
    expect(problems.map((p) => p.kind)).toEqual(['html-too-deep']);
    expect(problems[0].message).toMatch(/Markdown inside it is shown as text/);
  });
});
