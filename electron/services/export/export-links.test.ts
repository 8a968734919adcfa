// Site links in an exported release point at the published site, as a reader far from the site needs them.
import { describe, expect, it } from 'vitest';
import { exportLinkResolver } from './export-links';

describe('exportLinkResolver', () => {
  it('puts url and baseurl before a site path, once', () => {
    const link = exportLinkResolver({ url: 'https://example.org/', baseurl: '/blog/' }, '/2024/01/02/post/');
    expect(link('/about/')).toEqual({ href: 'https://example.org/blog/about/' });
    expect(link('/blog/2023/x/')).toEqual({ href: 'https://example.org/blog/2023/x/' });
    expect(link('/blogger/')).toEqual({ href: 'https://example.org/blog/blogger/' });
    expect(link('../other/')).toEqual({ href: 'https://example.org/blog/2024/01/02/other/' });
    expect(link('?q=1')).toEqual({ href: 'https://example.org/blog/2024/01/02/post/?q=1' });
  });
  it('keeps a link relative with a warning when the site has no usable url', () => {
    for (const url of [undefined, '', 'javascript:alert(1)', 'not a url']) {
      expect(exportLinkResolver({ url }, '/x/')('/about/')).toEqual({ href: '/about/', warning: { code: 'relative-link', detail: '/about/' } });
    }
  });
});
