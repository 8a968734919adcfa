// @vitest-environment jsdom
// The preview's sanitizer on the hostile preview post: nothing that could run or load survives, every web
// image is held back as a mark, and what an author legitimately writes (figures, footnotes, tables, styles) stays.
import { describe, expect, it } from 'vitest';
import { renderPost } from '../../../shared/render/render-post';
import { HOSTILE_REMOTE_IMAGES, hostilePreviewPost } from '../../../e2e/fixtures/hostile-preview-post';
import { sanitizeBlock } from './sanitize';
import { EMPTY_RENDER_CONTEXT, previewSiteContext } from './site-context';

const CANARY = 'http://127.0.0.1:9';
const options = { baseurl: '', embedLabel: (what: string) => `embedded: ${what}` };

function sanitizedHostile(): { root: HTMLElement; remote: number } {
  const out = renderPost({ source: hostilePreviewPost(CANARY), site: previewSiteContext(EMPTY_RENDER_CONTEXT), path: '_posts/x.md', sourceLines: true });
  const root = document.createElement('main');
  let remote = 0;
  for (const block of out.blocks!) {
    const clean = sanitizeBlock(block.html, options);
    remote += clean.remote;
    root.append(clean.fragment);
  }
  return { root, remote };
}

describe('sanitizeBlock on the hostile preview post', () => {
  const { root, remote } = sanitizedHostile();
  const all = [...root.querySelectorAll('*')];

  it('leaves no element that runs, loads, frames, submits or redirects', () => {
    const names = new Set(all.map((el) => el.localName));
    for (const tag of ['script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'source', 'form', 'input', 'button', 'image', 'use', 'foreignobject', 'animate', 'set', 'noscript', 'template']) {
      expect(names.has(tag), tag).toBe(false);
    }
  });

  it('leaves no event handler and no attribute that points at the canary, except the held-back image marks', () => {
    for (const el of all) {
      for (const attr of [...el.attributes]) {
        expect(attr.name, `${el.localName}[${attr.name}]`).not.toMatch(/^on/i);
        if (attr.value.includes('127.0.0.1')) expect(`${el.localName}[${attr.name}]`).toMatch(/^(img\[data-pr-remote\]|a\[href\])$/);
      }
      expect(el.hasAttribute('src'), `${el.localName} has src`).toBe(false);
      for (const name of ['srcset', 'style', 'background', 'poster', 'ping', 'target', 'action', 'formaction', 'xlink:href', 'srcdoc']) {
        expect(el.hasAttribute(name), `${el.localName}[${name}]`).toBe(false);
      }
    }
  });

  it('keeps only web, mail, in-page and site links; javascript:, vbscript: and data: links lose their target', () => {
    const hrefs = [...root.querySelectorAll('[href]')].map((a) => a.getAttribute('href')!);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:|#|\/)/);
    expect(hrefs).toContain(`${CANARY}/link`);
    expect(hrefs).toContain('#fn:1');
    expect(root.querySelector('#js-link')?.hasAttribute('href')).toBe(false);
  });

  it('holds back exactly the web images, and cannot be tricked by forged marks', () => {
    const marked = [...root.querySelectorAll('img[data-pr-remote]')].map((img) => new URL(img.getAttribute('data-pr-remote')!).pathname);
    expect(marked.sort()).toEqual([...HOSTILE_REMOTE_IMAGES].sort());
    expect(remote).toBe(HOSTILE_REMOTE_IMAGES.length);
    expect(root.querySelector('img[data-pr-asset*=".."]')).toBeNull();
    expect(root.querySelectorAll('img[data-pr-broken]').length).toBeGreaterThanOrEqual(4);
  });

  it('drops CSS that loads something and keeps harmless CSS for the CSSOM', () => {
    const styled = [...root.querySelectorAll('[data-pr-style]')].map((el) => el.getAttribute('data-pr-style'));
    for (const css of styled) expect(css).not.toMatch(/url|image-set/i);
    expect(root.textContent).toContain('CSS background two');
  });

  it('replaces frames, media and objects with a visible note naming where they come from', () => {
    const notes = [...root.querySelectorAll('.pr-embed')].map((el) => el.textContent);
    expect(notes).toContain('embedded: 127.0.0.1:9');
    expect(notes.length).toBeGreaterThanOrEqual(5);
  });
});

describe('sanitizeBlock on ordinary posts', () => {
  it('keeps figures, asset images, footnotes, tables and styles as written', () => {
    const html = [
      '<figure class="figure mx-auto d-block" style="width:90%"><a href="pressroom-asset:blog/x.png"><img src="pressroom-asset:blog/x.png" alt="X" class="w-100"></a><figcaption>Caption</figcaption></figure>',
      '<p>Text<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>',
      '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
      '<img src="/assets/blog/y.png" alt="Y"><img src="/blog/assets/z.png" alt="Z">',
    ].join('');
    const el = document.createElement('div');
    el.append(sanitizeBlock(html, { ...options, baseurl: '/blog' }).fragment);
    const figure = el.querySelector('figure')!;
    expect(figure.getAttribute('data-pr-style')).toBe('width:90%');
    expect(figure.className).toBe('figure mx-auto d-block');
    const imgs = [...el.querySelectorAll('img')].map((img) => [img.getAttribute('data-pr-asset-kind'), img.getAttribute('data-pr-asset')]);
    expect(imgs).toEqual([
      ['asset', 'blog/x.png'],
      ['site', 'assets/blog/y.png'],
      ['site', 'assets/z.png'],
    ]);
    expect(el.querySelector('figure a')?.hasAttribute('href')).toBe(false);
    expect(el.querySelector('a.footnote')?.getAttribute('href')).toBe('#fn:1');
    expect(el.querySelector('sup')?.id).toBe('fnref:1');
    expect(el.querySelector('td')?.textContent).toBe('1');
  });
});
