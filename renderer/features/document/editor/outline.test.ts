import { describe, expect, it } from 'vitest';
import { outlineOf, plainHeadingText } from './outline';

describe('outlineOf', () => {
  it('lists ATX and setext headings with their lines, skipping the front matter', () => {
    const text = ['---', 'title: Not a heading', '# also not', '---', '# Title', '', 'Intro', '', 'Second part', '-----------', '### Deep ###', ''].join('\n');
    expect(outlineOf(text)).toEqual([
      { level: 1, text: 'Title', line: 5 },
      { level: 2, text: 'Second part', line: 9 },
      { level: 3, text: 'Deep', line: 11 },
    ]);
  });

  it('ignores lines inside code fences, even ones that look like headings', () => {
    const text = ['# Real', '```bash', '# a shell comment', '```', '~~~~', '## inside', '```', 'still inside', '~~~~', '## After'].join('\n');
    expect(outlineOf(text).map((h) => h.text)).toEqual(['Real', 'After']);
  });

  it('does not take a rule after a list or a blank line for a setext heading', () => {
    expect(outlineOf('- item\n---\n\n---\n')).toEqual([]);
  });

  it('needs a space after the hashes and at most three spaces of indent', () => {
    expect(outlineOf('#hashtag\n    # code\n#\n')).toEqual([{ level: 1, text: '', line: 3 }]);
  });

  it('reads CRLF text and an unclosed front matter as body', () => {
    expect(outlineOf('---\r\ntitle: x\r\n## Heading\r\n')).toEqual([{ level: 2, text: 'Heading', line: 3 }]);
  });
});

describe('plainHeadingText', () => {
  it('drops emphasis, code ticks, links and kramdown ids', () => {
    expect(plainHeadingText('**Bold** and `code` with [a link](http://x) {#custom-id}')).toBe('Bold and code with a link');
  });
});
