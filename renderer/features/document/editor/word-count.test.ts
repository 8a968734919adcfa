import { describe, expect, it } from 'vitest';
import { countWords } from './word-count';

describe('countWords', () => {
  it('counts the body only: front matter is not read by anyone', () => {
    const text = '---\nlayout: post\ntitle: "Five words in the title"\n---\nThree words here.\n';
    expect(countWords(text).words).toBe(3);
  });

  it('counts an unclosed front matter as text, since Jekyll publishes it as text', () => {
    expect(countWords('---\ntitle: x\nbody words').words).toBe(4);
  });

  it('ignores Markdown markup: headings, emphasis, lists, quotes, tables and rules', () => {
    const text = [
      '## Highlights',
      '',
      '- **GPU instances**: pass-through',
      '1. _first_ item',
      '> quoted words',
      '',
      '| Path | Downtime |',
      '|------|----------|',
      '| a|b |',
      '',
      '---',
    ].join('\n');
    // Highlights, GPU, instances:, pass-through, first, item, quoted, words, Path, Downtime, a, b
    expect(countWords(text).words).toBe(12);
  });

  it('skips HTML tags, Liquid tags and URLs, but keeps the words between them', () => {
    const text = [
      '<figure class="figure mx-auto d-block" style="width:90%">',
      '  <a href="{% asset blog/kestrel-1-1.jpg @path %}">',
      '    {% asset blog/kestrel-1-1.jpg class="figure-img w-100" alt="Upgrade timeline" %}',
      '  </a>',
      '  <figcaption>Rolling upgrade</figcaption>',
      '</figure>',
      'Read {{ page.title }} at https://example.org/a/b or <https://example.org>.',
      'See [the guide](https://example.org/guide "Guide") and ![a screenshot](shot.png).',
    ].join('\n');
    // Rolling upgrade / Read at or . / See the guide and .
    expect(countWords(text).words).toBe(2 + 3 + 4);
  });

  it('counts a German compound or hyphenated word as one word', () => {
    expect(countWords('Die Produktivbetriebsfreigabe der Cloud-Plattform.').words).toBe(4);
  });

  it('does not count code blocks, footnote markers or reference definitions', () => {
    const text = 'Some text.[^1]\n\n```yaml\nkey: value\nother: thing\n```\n\n[^1]: A note.\n[guide]: https://example.org\n';
    expect(countWords(text).words).toBe(4);
  });

  it('estimates reading time at about 200 words a minute, rounded up', () => {
    expect(countWords('').minutes).toBe(0);
    expect(countWords('word').minutes).toBe(1);
    expect(countWords(Array(200).fill('word').join(' ')).minutes).toBe(1);
    expect(countWords(Array(401).fill('word').join(' ')).minutes).toBe(3);
  });

  it('reads CRLF text the same as LF text', () => {
    expect(countWords('---\r\ntitle: x\r\n---\r\nOne two\r\n```\r\ncode\r\n```\r\n')).toEqual({ words: 2, minutes: 1 });
  });
});
