// Renaming style attributes before parsing, so the strict CSP is not reported on every styled element while
// the sanitizer still sees (and checks) the CSS; text and raw-text elements are left alone.
import { describe, expect, it } from 'vitest';
import { renameStyleAttributes } from './style-attributes';

describe('renameStyleAttributes', () => {
  it('renames style on start tags in every quoting', () => {
    expect(renameStyleAttributes('<p style="a:b">x</p>')).toBe('<p data-pr-css="a:b">x</p>');
    expect(renameStyleAttributes("<p class=x STYLE='a:b' id=y>")).toBe("<p class=x data-pr-css='a:b' id=y>");
    expect(renameStyleAttributes('<img alt="style=x" style=a:b/>')).toBe('<img alt="style=x" data-pr-css=a:b/>');
  });

  it('leaves text, comments, end tags and raw text as written', () => {
    const text = 'a style="x" b <!-- <p style="x"> --> </p style="x"> <script>"<p style=1>"</script><textarea><b style=1></textarea>';
    expect(renameStyleAttributes(text)).toBe(text);
  });

  it('finds style after quoted values that contain > and after raw text ends', () => {
    expect(renameStyleAttributes('<a title="1 > 0" style="c">')).toBe('<a title="1 > 0" data-pr-css="c">');
    expect(renameStyleAttributes('<style>p{}</style><p style="d">')).toBe('<style>p{}</style><p data-pr-css="d">');
  });
});
