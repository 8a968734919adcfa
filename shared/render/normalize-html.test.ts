// The comparison normalisation must hide only what a reader cannot see, and keep every real difference.
import { describe, expect, it } from 'vitest';
import { normalizeHtml } from './normalize-html';

const same = (a: string, b: string) => expect(normalizeHtml(a)).toBe(normalizeHtml(b));
const differ = (a: string, b: string) => expect(normalizeHtml(a)).not.toBe(normalizeHtml(b));

describe('normalizeHtml', () => {
  it('treats character references and characters alike', () => {
    same('<p>&ldquo;Hi&rdquo; it&#8217;s&nbsp;&amp; more</p>', '<p>“Hi” it’s\u00a0&amp; more</p>');
    same('<a href="?a=1&amp;b=2">x</a>', '<a href="?a=1&b=2">x</a>');
  });

  it('ignores attribute order, quoting and self-closing slashes', () => {
    same('<img src="a.png" alt="" class="w" />', "<img class='w' alt='' src=a.png>");
    same('<p>a<br />b</p>', '<p>a<br>b</p>');
  });

  it('ignores indentation between blocks but not spaces between words', () => {
    same('<ul>\n  <li>\n    <p>b</p>\n  </li>\n</ul>', '<ul><li><p>b</p></li></ul>');
    differ('<p><em>a</em> <em>b</em></p>', '<p><em>a</em><em>b</em></p>');
    differ('<p>a\u00a0b</p>', '<p>a b</p>');
  });

  it('keeps whitespace inside pre', () => {
    differ('<pre><code>a  b\n</code></pre>', '<pre><code>a b\n</code></pre>');
  });

  it("drops only rouge's colour spans inside highlighted code", () => {
    same('<pre class="highlight"><code><span class="kd">var</span> x</code></pre>', '<pre class="highlight"><code>var x</code></pre>');
    differ('<p><span class="kd">var</span> x</p>', '<p>var x</p>');
  });

  it('keeps differences in text, tags, classes and comments', () => {
    differ('<p>one</p>', '<p>two</p>');
    differ('<p class="a">x</p>', '<p class="b">x</p>');
    differ('<p>x</p>', '<div>x</div>');
    differ('<!-- a -->', '<!-- b -->');
  });

  it('reads an unclosed comment or a tag without its > as text, also when a fixture has thousands of them', () => {
    expect(normalizeHtml('<!-- open <p>a</p>')).toBe('&lt;!-- open<p>a</p>');
    expect(normalizeHtml('<a b c')).toBe('&lt;a b c');
    // Each used to rescan the rest of the text: this took seconds before (vitest's timeout is the guard).
    expect(normalizeHtml('<a b c d e f g h '.repeat(5_000))).toContain('&lt;a b c');
    expect(normalizeHtml('<!-- x <p>a</p>\n'.repeat(20_000))).toContain('<p>a</p>');
  });
});
