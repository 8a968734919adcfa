// What URLs in a post may become in the preview: the decisions a user notices (a link that opens the browser,
// an image that shows, a path that climbs out shown as broken), including the spellings attackers use.
import { describe, expect, it } from 'vitest';
import { assetCandidates, classifyImageSource, classifyLink, isRiskyCss } from './url-policy';

describe('classifyLink', () => {
  it('lets web and mail links ask the link gate, in-page anchors scroll, site paths stay inert', () => {
    expect(classifyLink('https://example.org/x')).toBe('external');
    expect(classifyLink(' HTTP://example.org')).toBe('external');
    expect(classifyLink('mailto:press@example.org')).toBe('external');
    expect(classifyLink('#fn:1')).toBe('anchor');
    expect(classifyLink('/2024/01/01/post.html')).toBe('relative');
  });

  it('shows a tel: link as a phone number that is never dialled from the preview', () => {
    expect(classifyLink('tel:+49-30-1234')).toBe('phone');
    expect(classifyLink(' TEL:+49301234')).toBe('phone');
  });

  it('blocks network paths and other schemes a press release might carry (ftp:, sms:, callto:)', () => {
    for (const href of ['ftp://example.org/f', 'sms:+4930', 'callto:x', 'skype:x?call', '\\\\server\\share', ' //example.org']) {
      expect(classifyLink(href), JSON.stringify(href)).toBe('blocked');
    }
  });

  it('blocks script, data and unknown schemes however they are spelled', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0001javascript:x', 'vbscript:msgbox', 'data:text/html,x', 'blob:http://x/1', 'file:///etc/passwd', '//evil.example/x', '/\\evil.example', 'pressroom-asset:x.png']) {
      expect(classifyLink(href), JSON.stringify(href)).toBe('blocked');
    }
  });
});

describe('classifyImageSource', () => {
  it('resolves asset marks and site paths, taking off the baseurl', () => {
    expect(classifyImageSource('pressroom-asset:blog/x.png')).toEqual({ kind: 'asset', path: 'blog/x.png' });
    expect(classifyImageSource('/assets/blog/x.png')).toEqual({ kind: 'site', path: 'assets/blog/x.png' });
    expect(classifyImageSource('/news/assets/x.png?v=2', '/news/')).toEqual({ kind: 'site', path: 'assets/x.png' });
  });

  it('holds web images back and refuses other schemes, climbing paths and non-images', () => {
    expect(classifyImageSource('https://cdn.example/x.png')).toEqual({ kind: 'remote', url: 'https://cdn.example/x.png' });
    expect(classifyImageSource('//cdn.example/x.png')).toEqual({ kind: 'remote', url: 'https://cdn.example/x.png' });
    expect(classifyImageSource('data:image/png;base64,AAAA')).toEqual({ kind: 'blocked', reason: 'scheme' });
    expect(classifyImageSource('javascript:alert(1)')).toEqual({ kind: 'blocked', reason: 'scheme' });
    expect(classifyImageSource('../../../etc/passwd.png')).toEqual({ kind: 'blocked', reason: 'outside' });
    expect(classifyImageSource('/assets/%2e%2e/%2e%2e/%2e%2e/x.png')).toEqual({ kind: 'blocked', reason: 'outside' });
    expect(classifyImageSource('pressroom-asset:../../x.png')).toEqual({ kind: 'blocked', reason: 'outside' });
    expect(classifyImageSource('/_config.yml')).toEqual({ kind: 'blocked', reason: 'not-image' });
  });
});

describe('assetCandidates', () => {
  const index = { folders: ['_assets', '_assets/images'], files: ['_assets/images/blog/x.png'] };

  it('reads a {% asset %} image by exactly the file it resolved to, and /assets/ paths also through the asset index', () => {
    expect(assetCandidates({ kind: 'asset', path: '_assets/images/blog/x.png' }, index)).toEqual(['_assets/images/blog/x.png']);
    expect(assetCandidates({ kind: 'site', path: 'assets/blog/x.png' }, index)).toEqual(['assets/blog/x.png', '_assets/images/blog/x.png']);
    expect(assetCandidates({ kind: 'site', path: 'assets/blog/gone.png' }, index)).toEqual(['assets/blog/gone.png']);
    expect(assetCandidates({ kind: 'site', path: 'img/x.png' }, index)).toEqual(['img/x.png']);
  });
});

describe('isRiskyCss', () => {
  it('refuses CSS that could load or hide something and keeps plain layout', () => {
    expect(isRiskyCss('width:90%; margin: 0 auto')).toBe(false);
    for (const css of ['background:url(http://x)', 'background: URL (x)', 'background-image:image-set("x" 1x)', '@import "x"', 'x:expression(alert(1))', 'behavior:url(x.htc)', 'content:"\\75rl(x)"']) {
      expect(isRiskyCss(css), css).toBe(true);
    }
  });
});
