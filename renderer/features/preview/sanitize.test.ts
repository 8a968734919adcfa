// @vitest-environment jsdom
// The preview's sanitizer on the hostile preview post: nothing that could run or load survives, every web
// image is held back as a mark, and what an author legitimately writes (figures, footnotes, tables, styles) stays.
import { describe, expect, it } from 'vitest';
import { renderPost } from '../../../shared/render/render-post';
import { HOSTILE_REMOTE_IMAGES, hostilePreviewPost } from '../../../e2e/fixtures/hostile-preview-post';
import { sanitizeBlock } from './sanitize';
import { EMPTY_RENDER_CONTEXT, previewSiteContext } from '../../../shared/render/site-context';

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
    // `{% asset ../../../../etc/passwd.png %}` no longer reaches the sanitizer: the asset resolver refuses a climbing
    // path, so it is a missing-asset placeholder, and the forged marks remain broken images.
    expect([...root.querySelectorAll('.pr-missing')].map((el) => el.textContent)).toContain('../../../../etc/passwd.png');
    expect(root.querySelectorAll('img[data-pr-broken]').length).toBeGreaterThanOrEqual(3);
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

// The link policy as the preview applies it: a post's links and images go through the real renderer and the real
// sanitizer. Without the policy in the sanitizer, DOMPurify alone would keep `//host`, `ftp:`, `tel:`, `sms:`,
// `callto:`, `xmpp:`, `matrix:` and `cid:` targets (its default allow list), so these tests fail.
describe('sanitizeBlock applies the link policy to a post', () => {
  const EVIL = 'evil.example';
  const otherSchemes = [`ftp://${EVIL}/f`, `sftp://${EVIL}/f`, `smb://${EVIL}/share`, `sms:+49${EVIL}`, `callto:${EVIL}`, `skype:${EVIL}?call`, `xmpp:x@${EVIL}`, `matrix:u/x:${EVIL}`, `cid:x@${EVIL}`, `irc://${EVIL}/c`, `ms-settings:${EVIL}`, `intent://${EVIL}#Intent;end`, `file://${EVIL}/share/x`];
  const networkPaths = [`//${EVIL}/page`, `/\\${EVIL}/page`, `\\\\${EVIL}\\share`, ` //${EVIL}/spaced`, `\t//${EVIL}/tab`];
  const post = [
    '---',
    'title: Links',
    '---',
    '',
    'Markdown links: ' + [...networkPaths.slice(0, 1), ...otherSchemes].map((u, i) => `[md${i}](${u})`).join(', ') + '.',
    '',
    `Contact: [press@example.org](mailto:press@example.org), [+49 30 1234](tel:+49301234), <a href="TEL:+49-30-9999" title="Hotline">hotline</a>, [web](https://example.org/about), [in page](#contact), [site](/2024/01/01/other.html).`,
    '',
    '<p>' + [...networkPaths, ...otherSchemes].map((u, i) => `<a class="raw" href="${u.replace(/"/g, '&quot;')}">raw${i}</a>`).join(' ') + '</p>',
    '',
    `<p><img src="ftp://${EVIL}/x.png" alt="ftp image"> <img src="/x.png" srcset="//${EVIL}/x2.png 2x, ftp://${EVIL}/x3.png 3x" alt="srcset"> <img src="//${EVIL}/remote.png" alt="network image"></p>`,
    '',
    `<picture><source srcset="//${EVIL}/p.webp"><img src="/p.png" alt="picture"></picture>`,
    '',
    `<form action="//${EVIL}/submit"><button formaction="ftp://${EVIL}/b">send</button><input type="image" src="//${EVIL}/i.png"></form>`,
    '',
    `<map name="m"><area href="//${EVIL}/area" shape="rect" coords="0,0,1,1"></map>`,
    '',
    `<blockquote cite="ftp://${EVIL}/q"><p>quoted <q cite="//${EVIL}/q2">inline</q></p></blockquote>`,
    '',
    `<svg><a href="//${EVIL}/svg" xlink:href="ftp://${EVIL}/svgx"><text>svg link</text></a></svg>`,
    '',
    `<p><a href="https://example.org/x" ping="//${EVIL}/ping">web with ping</a> <object data="ftp://${EVIL}/o"></object> <video poster="//${EVIL}/poster.png"></video></p>`,
    '',
    '<p id="contact">Contact section</p>',
  ].join('\n');

  function sanitized(): HTMLElement {
    const out = renderPost({ source: post, site: previewSiteContext(EMPTY_RENDER_CONTEXT), path: '_posts/2024-01-01-links.md', sourceLines: true });
    const root = document.createElement('main');
    for (const block of out.blocks!) root.append(sanitizeBlock(block.html, options).fragment);
    return root;
  }
  const root = sanitized();
  const anchors = [...root.querySelectorAll('a')];

  it('names the other site nowhere, except a web image held back until the user allows it', () => {
    for (const el of root.querySelectorAll('*')) {
      for (const attr of [...el.attributes]) {
        if (!attr.value.includes(EVIL)) continue;
        const where = `${el.localName}[${attr.name}=${JSON.stringify(attr.value)}]`;
        // A network-path image is held back as a mark (shown only after consent, over https); a blocked image
        // source is kept only as the inert text of the "Image not available" note.
        expect(where).toMatch(/^img\[(data-pr-remote="https:\/\/evil\.example\/remote\.png"|data-pr-broken=)/);
      }
    }
    expect(root.querySelector('img[data-pr-remote]')?.getAttribute('data-pr-remote')).toBe(`https://${EVIL}/remote.png`);
  });

  it('takes the target off network-path and other-scheme links but keeps their text', () => {
    for (const i of [...networkPaths, ...otherSchemes].keys()) {
      const a = anchors.find((el) => el.textContent === `raw${i}`);
      expect(a, `raw${i}`).toBeDefined();
      expect(a!.hasAttribute('href'), `raw${i} ${[...networkPaths, ...otherSchemes][i]}`).toBe(false);
    }
    // Markdown links: markdown-it drops some schemes itself (file:); the rest reach the sanitizer as links.
    for (const i of [networkPaths[0], ...otherSchemes].keys()) {
      const a = anchors.find((el) => el.textContent === `md${i}`);
      if (a) expect(a.hasAttribute('href'), `md${i}`).toBe(false);
      else expect(root.textContent, `md${i}`).toContain(`md${i}`);
    }
  });

  it('keeps web, mail, in-page and site links, and shows a phone link inert with its number as a tooltip', () => {
    const href = (text: string) => anchors.find((a) => a.textContent === text)?.getAttribute('href') ?? null;
    expect(href('press@example.org')).toBe('mailto:press@example.org');
    expect(href('web')).toBe('https://example.org/about');
    expect(href('in page')).toBe('#contact');
    expect(href('site')).toBe('/2024/01/01/other.html');
    const phone = anchors.find((a) => a.textContent === '+49 30 1234')!;
    expect(phone.hasAttribute('href')).toBe(false);
    expect(phone.getAttribute('title')).toBe('tel:+49301234');
    const hotline = anchors.find((a) => a.textContent === 'hotline')!;
    expect(hotline.hasAttribute('href')).toBe(false);
    expect(hotline.getAttribute('title')).toBe('Hotline');
    for (const a of root.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:|#|\/(?![/\\]))/i);
  });

  it('removes srcset, form actions, image inputs, areas, pings and cite targets, and holds other-scheme images as broken', () => {
    for (const sel of ['[srcset]', 'source', 'form', '[action]', '[formaction]', 'input', 'area', '[ping]', '[cite]', 'object', 'video', '[poster]', 'svg a[href]', '[xlink\\:href]']) {
      expect(root.querySelector(sel), sel).toBeNull();
    }
    const ftpImage = [...root.querySelectorAll('img')].find((img) => img.alt === 'ftp image')!;
    expect(ftpImage.getAttribute('data-pr-broken')).toBe(`ftp://${EVIL}/x.png`);
    expect(ftpImage.hasAttribute('data-pr-remote')).toBe(false);
    expect(root.textContent).toContain('quoted');
  });
});
