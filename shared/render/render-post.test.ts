// renderPost as an author meets it: Liquid tags in a post, problems instead of crashes, limits that stop
// runaway templates, and Markdown rendered as on the Jekyll site.
import { describe, expect, it } from 'vitest';
import { LIQUID_LIMITS } from './jekyll-liquid';
import { renderPost, type SiteContext } from './render-post';

const site: SiteContext = {
  config: { title: 'Press', baseurl: '/blog', url: 'https://press.example.org', permalink: 'date' },
  data: { team: [{ name: 'Zoe', role: 'press' }, { name: 'Adam', role: 'cto' }] },
  assetUrl: (path) => ({ 'x.png': '/assets/x-1a2b.png', 'img/logo.svg': '/assets/img/logo-9f.svg' })[path] ?? null,
  postUrl: (name) => (name === '2022-09-21-release3' ? '/release/2022/09/21/release3.html' : null),
};

function post(body: string, front = 'title: "Release 4"\ncategory: release\n'): string {
  return `---\n${front}---\n${body}`;
}

const render = (body: string, front?: string) => renderPost({ source: post(body, front), site, path: '_posts/2023-03-22-release4.md' });

describe('Liquid tags', () => {
  // The `<img>` the asset tag writes (attributes, processor arguments, alt) is tested in liquid-asset-tag.test.ts.

  it('gives only the URL for {% asset path @path %}, as used in links', () => {
    const { html } = render(`<a href="{% asset "x.png" @path %}">full size</a>\n`);
    expect(html).toContain('<a href="/assets/x-1a2b.png">full size</a>');
  });

  it('reports the file line of each of many missing assets in a long post', () => {
    const body = Array.from({ length: 300 }, (_, i) => `Paragraph ${i}.\n\n{% asset gone-${i}.png %}\n`).join('\n');
    const { problems } = render(body);
    // Front matter takes lines 1-4; each paragraph takes 4 lines, its tag is on the third.
    expect(problems.map((p) => p.line)).toEqual(Array.from({ length: 300 }, (_, i) => 5 + 4 * i + 2));
  });

  it('shows a missing asset as a marked placeholder and reports its file line', () => {
    const { html, problems } = render(`Intro.\n\n{% asset 'gone.png' class="w-100" %}\n`);
    expect(html).toContain('<span class="pr-missing">gone.png</span>');
    // Front matter takes lines 1-4, so the tag is on line 7 of the file.
    expect(problems).toEqual([{ kind: 'missing-asset', message: 'Asset not found: gone.png', line: 7 }]);
  });

  it('resolves {% post_url %} and reports an unknown post', () => {
    expect(render(`[R3]({% post_url 2022-09-21-release3 %})`).html).toContain('<a href="/release/2022/09/21/release3.html">R3</a>');
    const missing = render(`[old]({% post_url 2001-01-01-nothing %})`);
    expect(missing.problems[0]).toMatchObject({ kind: 'missing-post', line: 5 });
    expect(missing.html).toContain('href="#pr-missing-post:2001-01-01-nothing"');
  });

  it('keeps {% raw %} content literally', () => {
    expect(render(`{% raw %}{{ page.title }} and {% asset x.png %}{% endraw %}`).html).toContain('<p>{{ page.title }} and {% asset x.png %}</p>');
  });

  it('shows {% include %} and unknown tags as escaped placeholders instead of failing', () => {
    const { html, problems } = render(`{% include figure.html src="a<b>" %}\n\nText {% youtube abc123 %} more.\n`);
    expect(html).toContain('<span class="pr-liquid-placeholder">{% include figure.html src=&quot;a&lt;b&gt;&quot; %}</span>');
    expect(html).toContain('Text <span class="pr-liquid-placeholder">{% youtube abc123 %}</span> more.');
    expect(problems).toEqual([]);
  });

  it('runs control flow with else, elsif and when as Liquid does', () => {
    const body = '{% if page.title == "x" %}A{% elsif page.category %}B{% else %}C{% endif %} {% case page.category %}{% when "release" %}R{% else %}O{% endcase %} {% for t in page.tags %}{{ t }}{% else %}none{% endfor %}';
    expect(render(body).html).toContain('<p>B R none</p>');
  });

  it('runs Liquid inside code blocks, as Jekyll does', () => {
    const { html } = render('```\ntitle: {{ page.title }}\n```\n\n`{{ site.title }}`\n');
    expect(html).toContain('<code>title: Release 4\n</code>');
    expect(html).toContain('<code class="language-plaintext highlighter-rouge">Press</code>');
  });

  it('gives page and site the values Jekyll would', () => {
    const { html } = render('{{ page.url }} {{ page.url | relative_url }} {{ "/x/" | absolute_url }} {{ page.date | date_to_string }} {{ site.data.team | where: "role", "cto" | map: "name" | first }}\n');
    expect(html).toContain('/release/2023/03/22/release4.html /blog/release/2023/03/22/release4.html https://press.example.org/blog/x/ 22 Mar 2023 Adam');
  });

  it('supports the common Jekyll filters', () => {
    const { html } = render('{{ "Über uns & Co" | slugify }} {{ site.data.team | sort: "name" | map: "name" | join: "," }} {{ "<a>" | xml_escape }}\n\n<div>{{ "*x*" | markdownify }}</div>\n');
    expect(html).toContain('über-uns-co Adam,Zoe &lt;a&gt;');
    expect(html).toContain('<div><p><em>x</em></p>');
    expect(render('`{{ site.data.team | jsonify }}`').html).toContain('[{"name":"Zoe","role":"press"}');
  });
});

describe('problems instead of exceptions', () => {
  it('leaves the text as written and reports the line of a Liquid syntax error', () => {
    const { html, problems } = render('First line.\n\nSecond {% if page.title %} never closed.\n');
    expect(html).toContain('Second {% if page.title %} never closed.');
    expect(problems).toHaveLength(1);
    // Front matter is lines 1-4; the tag is on line 7 of the file.
    expect(problems[0]).toMatchObject({ kind: 'liquid-syntax', line: 7 });
  });

  it('reports an unterminated output tag without throwing', () => {
    const { html, problems } = render('Hello {{ page.title\n');
    expect(html).toContain('Hello {{ page.title');
    expect(problems[0].kind).toBe('liquid-syntax');
  });

  it('reports broken front matter and still renders the body', () => {
    const { html, problems, frontMatter } = renderPost({ source: '---\ntitle: "unclosed\nfoo: [\n---\nBody *text*.\n', site });
    expect(html).toContain('<p>Body <em>text</em>.</p>');
    expect(frontMatter).toEqual({});
    expect(problems[0].kind).toBe('front-matter');
  });

  it('reads YAML 1.1 front matter as Jekyll does', () => {
    const { frontMatter, html } = renderPost({ source: '---\ntitle: Hi\npublished: no\ndate: 2022-09-21\n---\n{{ page.date | date_to_string }}', site });
    expect(frontMatter.published).toBe(false);
    expect(frontMatter.date).toBeInstanceOf(Date);
    expect(html).toContain('21 Sep 2022');
    // Jekyll also reads the common "2022-09-21 00:30:00 +0200" form (kept on its own day), which YAML itself leaves a string.
    expect(renderPost({ source: '---\ndate: 2022-09-21 00:30:00 +0200\n---\n{{ page.date | date_to_string }}', site }).html).toContain('21 Sep 2022');
  });
});

// The limits' errors show they fired; the runner's test timeout (30 s, vitest.config.ts) is the hang guard.
describe('limits', () => {
  it('stops a loop that would run for ages instead of hanging', () => {
    const { problems, html } = render('{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}');
    expect(problems[0].kind).toBe('liquid-error');
    expect(html).toContain('{% for i in (1..100000000) %}');
  });

  it('stops a template that builds a huge string', () => {
    const { problems } = render('{% assign s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}');
    expect(problems[0].kind).toBe('liquid-error');
  });

  it('refuses a template too large to parse', () => {
    // Past the limit (the largest post the editor opens); in a code block, so the Markdown step stays quick.
    const line = '{{ page.title }}\n';
    const { problems } = render(`\`\`\`\n${line.repeat(Math.ceil(LIQUID_LIMITS.parseLimit / line.length) + 1)}\`\`\`\n`);
    expect(problems[0]).toMatchObject({ kind: 'liquid-error' });
  });

  it('runs the Liquid of a long post with thousands of outputs and no tags', () => {
    const { problems, html } = render('{{ page.title }} '.repeat(30_000));
    expect(problems).toEqual([]);
    expect(html.startsWith('<p>Release 4 Release 4 ')).toBe(true);
  });
});
