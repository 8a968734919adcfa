import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { checkSvg } from './svg-safety';

const wrap = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs} width="10" height="10">${inner}</svg>`;

function refusal(svg: string): string {
  try {
    checkSvg(Buffer.from(svg), 'drawing.svg');
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).error.code).toBe('refused');
    return (error as AppFailure).error.message;
  }
  throw new Error(`expected a refusal of ${svg}`);
}

describe('checkSvg', () => {
  it('passes a plain drawing unchanged, with gradients, fragment links and Inkscape metadata', () => {
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Created with Inkscape (http://www.inkscape.org/) -->\n' +
      wrap(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>' +
          '<sodipodi:namedview id="n" inkscape:zoom="1"/><metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format></cc:Work></rdf:RDF></metadata>' +
          '<rect width="10" height="10" fill="url(#g)" style="fill:url( \'#g\' )"/><use xlink:href="#g"/><use href="#g"/>' +
          '<image href="data:image/png;base64,iVBORw0KGgo="/><text>Notes on the drawing</text>',
        ' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"',
      );
    const out = checkSvg(Buffer.from(svg), 'ok.svg');
    expect(out.text).toBe(svg);
    expect(out.notes.join(' ')).toContain('no scripts');
  });

  it('refuses scripts, also hidden in CDATA or with a namespace prefix', () => {
    expect(refusal(wrap('<script>alert(1)</script>'))).toContain('contains a script');
    expect(refusal(wrap('<svg:script>alert(1)</svg:script>'))).toContain('script');
    expect(refusal(wrap('<SCRIPT xlink:href="#x"/>'))).toContain('script');
  });

  it('refuses event handler attributes', () => {
    expect(refusal(wrap('<rect onclick="alert(1)"/>'))).toContain('event handler');
    expect(refusal(wrap('', ' onload="alert(1)"'))).toContain('event handler');
    expect(refusal(wrap('<animate onbegin ="x()"/>'))).toContain('event handler');
  });

  it('refuses javascript: links, also encoded with character references or split by control characters', () => {
    expect(refusal(wrap('<a href="javascript:alert(1)"><rect/></a>'))).toMatch(/javascript|links to/);
    expect(refusal(wrap('<a xlink:href="jav&#x61;script:alert(1)"><rect/></a>'))).toMatch(/javascript|links to/);
    expect(refusal(wrap('<set attributeName="href" to="java\tscript:alert(1)"/>'))).toContain('javascript');
  });

  it('refuses references to other files: href, xlink:href, url(…), @import, stylesheets', () => {
    expect(refusal(wrap('<image href="https://evil.example/track.png"/>'))).toContain('https://evil.example');
    expect(refusal(wrap('<use xlink:href="other.svg#a"/>'))).toContain('other.svg');
    expect(refusal(wrap('<rect fill="url(https://evil.example/p.svg#x)"/>'))).toContain('url(');
    expect(refusal(wrap('<style>@import "https://evil.example/a.css";</style>'))).toContain('@import');
    expect(refusal(wrap('<style>rect { fill: url(/etc/passwd) }</style>'))).toContain('url(');
    expect(refusal(`<?xml-stylesheet href="https://evil.example/a.css"?>${wrap('')}`)).toContain('processing instruction');
    expect(refusal(wrap('<image href="file:///etc/passwd"/>'))).toContain('file:///etc/passwd');
  });

  it('refuses foreignObject, DOCTYPE and entities, and elements a drawing does not have', () => {
    expect(refusal(wrap('<foreignObject><iframe src="x"/></foreignObject>'))).toContain('foreignObject');
    expect(refusal(`<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${wrap('<text>&x;</text>')}`)).toContain('DOCTYPE');
    expect(refusal(wrap('<iframe/>'))).toContain('<iframe>');
    expect(refusal(wrap('<html:embed xmlns:html="http://www.w3.org/1999/xhtml"/>'))).toContain('html:embed');
  });

  it('removes the plain DOCTYPE line drawing programs write, with a note, and keeps the rest as it was', () => {
    const body = wrap('<rect width="10" height="10"/>');
    const svg = `<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 24.0.0 -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${body}`;
    const out = checkSvg(Buffer.from(svg), 'ai.svg');
    expect(out.text).toBe(`<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 24.0.0 -->\n\n${body}`);
    expect(out.notes.join(' ')).toContain('DOCTYPE line was removed');
    // A second DOCTYPE, or one with an internal subset, is still refused.
    expect(refusal(`<!DOCTYPE svg PUBLIC "x" "y"><!DOCTYPE svg>${body}`)).toContain('DOCTYPE');
    expect(refusal(`<!DOCTYPE svg [ <!ENTITY a "b"> ]>${body}`)).toContain('DOCTYPE');
  });

  it('reads hostile text in one pass (many unclosed comments or CDATA sections do not hang it)', () => {
    for (const filler of ['<!--'.repeat(500_000), '<![CDATA['.repeat(200_000), `${'a'.repeat(2_000_000)}href`]) {
      expect(checkSvg(Buffer.from(wrap(`<text>${filler}</text>`)), 'big.svg').text).toContain(filler.slice(0, 20));
    }
  }, 10_000);

  it('refuses text that is not UTF-8', () => {
    try {
      checkSvg(Buffer.from([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe, 0x3e]), 'bad.svg');
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as AppFailure).error.message).toContain('not valid UTF-8');
    }
  });
});
