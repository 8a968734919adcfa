import { describe, expect, it } from 'vitest';
import { PAGE_MARGINS_MM, pdfPrintOptions, type PdfPageFrame } from './pdf-options';

const frame = (over: Partial<PdfPageFrame> = {}): PdfPageFrame => ({
  title: 'Sovereign Cloud Stack: All good things come in threes',
  dateText: '21 September 2022',
  language: 'en',
  pageSize: 'A4',
  ...over,
});

/** The text a reader sees in a template (tags dropped, entities read). */
const visible = (html: string) =>
  html.replace(/<span class="pageNumber"><\/span>/g, '{n}').replace(/<span class="totalPages"><\/span>/g, '{total}')
    .replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('pdfPrintOptions', () => {
  it('puts the title left and the date right in the header, "Page X of Y" in the footer', () => {
    const o = pdfPrintOptions(frame());
    expect(visible(o.headerTemplate)).toBe('Sovereign Cloud Stack: All good things come in threes21 September 2022');
    expect(o.headerTemplate.indexOf('Sovereign')).toBeLessThan(o.headerTemplate.indexOf('21 September 2022'));
    expect(visible(o.footerTemplate)).toBe('Page {n} of {total}');
  });

  it('speaks the post language: a German release says "Seite X von Y"', () => {
    const o = pdfPrintOptions(frame({ language: 'de-DE', dateText: '21. September 2022' }));
    expect(visible(o.footerTemplate)).toBe('Seite {n} von {total}');
    expect(o.footerTemplate).toContain('Seite <span class="pageNumber"></span> von <span class="totalPages"></span>');
    expect(visible(pdfPrintOptions(frame({ language: 'fr' })).footerTemplate)).toBe('Page {n} of {total}');
  });

  it('escapes the title and date: a title with markup shows as text and runs nothing', () => {
    const o = pdfPrintOptions(frame({ title: '<script>alert(1)</script> <img src=x onerror=alert(2)> "Q&A"', dateText: '<b>today</b>' }));
    expect(o.headerTemplate).not.toMatch(/<script|<img|<b>/i);
    expect(o.headerTemplate).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; &quot;Q&amp;A&quot;');
    expect(visible(o.headerTemplate)).toBe('<script>alert(1)</script> <img src=x onerror=alert(2)> "Q&A"<b>today</b>');
  });

  it('leaves the date out when the post has none', () => {
    const o = pdfPrintOptions(frame({ dateText: '' }));
    expect(visible(o.headerTemplate)).toBe('Sovereign Cloud Stack: All good things come in threes');
  });

  it('keeps a very long title on one line, cut with an ellipsis', () => {
    const o = pdfPrintOptions(frame({ title: 'Word '.repeat(200) }));
    expect(o.headerTemplate).toMatch(/white-space:nowrap;text-overflow:ellipsis/);
    expect(o.headerTemplate).toMatch(/overflow:hidden/);
  });

  it('styles the templates inline with a readable size and colour (Chromium applies no stylesheet to them)', () => {
    for (const t of [pdfPrintOptions(frame()).headerTemplate, pdfPrintOptions(frame()).footerTemplate]) {
      expect(t).toMatch(/font-size:(8|8\.5|9)px/);
      expect(t).toContain('-webkit-print-color-adjust:exact');
      expect(t).toMatch(/font-family:[^;"]*sans-serif/);
      expect(t).not.toMatch(/<style|class="(?!pageNumber|totalPages)/);
      expect(t).not.toMatch(/url\(|<script|src=/i);
    }
  });

  it('gives every paper the same margins, with room for the header and footer', () => {
    for (const pageSize of ['A4', 'Letter'] as const) {
      const o = pdfPrintOptions(frame({ pageSize }));
      expect(o.pageSize).toBe(pageSize);
      expect(o.margins).toEqual(PAGE_MARGINS_MM);
      expect(o.margins.top).toBeGreaterThanOrEqual(18);
      expect(o.margins.bottom).toBeGreaterThanOrEqual(18);
    }
    // A caller changing its copy cannot move the margins of the next export.
    pdfPrintOptions(frame()).margins.top = 0;
    expect(pdfPrintOptions(frame()).margins.top).toBe(PAGE_MARGINS_MM.top);
  });
});
