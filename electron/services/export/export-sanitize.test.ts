// The export sanitizer's rules one by one, as a reader of the exported file meets them: harmless styling stays,
// anything that could load goes, a frame becomes a note naming its site, links keep their text.
import { describe, expect, it } from 'vitest';
import type { ExportWarning } from '../../../shared/contract/export-models';
import { type ImageSlot, sanitizeForExport } from './export-sanitize';

function clean(html: string): { html: string; slots: ImageSlot[]; warnings: ExportWarning[] } {
  const slots: ImageSlot[] = [];
  const warnings: ExportWarning[] = [];
  const out = sanitizeForExport(html, { baseurl: '/blog', siteLink: (href) => ({ href: `https://example.org${href}` }), embedNote: (what) => `[${what}]` }, slots, warnings);
  return { html: out, slots, warnings };
}

describe('sanitizeForExport', () => {
  it('keeps harmless inline styles and drops any that could load or hide a trick', () => {
    expect(clean('<p style="color: red; text-align: center">a</p>').html).toBe('<p style="color:red;text-align:center">a</p>');
    expect(clean('<p style="background: url(x.png)">a</p>').html).toBe('<p>a</p>');
    expect(clean('<p style="background: u\\72l(x.png)">a</p>').html).toBe('<p>a</p>');
    expect(clean('<p style="background: &#x75;rl(x.png)">a</p>').html).toBe('<p>a</p>');
    expect(clean('<td title="url(x)" data-x="1">a</td>').html).toBe('<td>a</td>');
  });

  it('leaves out the Liquid tags the preview marks but does not run, so a reader never sees {% include %} as text', () => {
    const out = clean('<p>Before <span class="pr-liquid-placeholder">{% include contact.html lang=&quot;de&quot; %}</span> after</p>');
    expect(out.html).toBe('<p>Before  after</p>');
    expect(out.warnings).toEqual([{ code: 'tag-left-out', detail: '{% include contact.html lang="de" %}' }]);
  });

  it('removes the export’s own classes from an author’s markup, so notes cannot be forged', () => {
    expect(clean('<span class="pr-export-note lead">x</span>').html).toBe('<span class="lead">x</span>');
  });

  it('turns frames, videos and objects into a note naming where they came from', () => {
    expect(clean('<object data="https://a.org/x.swf">one<b>two</b>three</object>').html).toBe('<span class="pr-export-note">[a.org]<b>two</b></span>');
    const out = clean('<p>Watch <iframe src="https://www.youtube.com/embed/x">fallback</iframe> <video src="/v.mp4"></video></p>');
    expect(out.html).toBe('<p>Watch <span class="pr-export-note">[www.youtube.com]</span> <span class="pr-export-note">[video]</span></p>');
    expect(out.warnings).toEqual([
      { code: 'embed-removed', detail: 'https://www.youtube.com/embed/x' },
      { code: 'embed-removed', detail: '/v.mp4' },
    ]);
  });

  it('keeps web, mail, phone and in-page links, makes site links absolute and takes every other href away', () => {
    const out = clean('<a href="https://a.org">w</a><a href="mailto:x@y.z">m</a><a href="tel:+4930123">t</a><a href="#fn:1">f</a><a href="/about/">s</a><a href="//evil.org/x">n</a><a href="data:text/html,x">d</a>');
    expect(out.html).toBe('<a href="https://a.org">w</a><a href="mailto:x@y.z">m</a><a href="tel:+4930123">t</a><a href="#fn:1">f</a><a href="https://example.org/about/">s</a><a>n</a><a>d</a>');
  });

  it('keeps a quote’s source only as a web address', () => {
    expect(clean('<blockquote cite="https://a.org/q">q</blockquote><q cite="javascript:x">r</q>').html).toBe('<blockquote cite="https://a.org/q">q</blockquote><q>r</q>');
  });

  it('numbers every picture as a slot that only the export fills, with baseurl taken off site paths', () => {
    const out = clean('<img src="/blog/assets/a.png" alt="A" srcset="x 2x" onerror="x" data-pr-img="7"><img src="https://cdn.org/b.png">');
    expect(out.html).toBe('<img data-pr-img="0" alt="A" /><img data-pr-img="1" />');
    expect(out.slots.map((s) => s.source)).toEqual([
      { kind: 'site', path: 'assets/a.png' },
      { kind: 'remote', url: 'https://cdn.org/b.png' },
    ]);
    expect(clean('<p data-pr-img="0">x</p><span data-pr-note="0">y</span>').html).toBe('<p>x</p><span>y</span>');
  });
});
