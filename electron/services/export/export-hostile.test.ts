// A hostile post exported as a reader would get it: nothing in the file can run or load (no script, handler,
// frame, form, meta, base, link, url(), file: link), no request leaves while it is built (a canary server on
// 127.0.0.1 sees nothing), Liquid and image paths cannot read outside the site, and the text around the payloads
// is all still there.
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PREVIEW_PATH, hostilePreviewPost } from '../../../e2e/fixtures/hostile-preview-post';
import { copySite, exportSitePost } from './export-site-testing';

const made: string[] = [];
let server: http.Server;
let canary: string;
let host: string;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('canary');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  canary = `http://${host}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(async () => {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

async function hostileSite(): Promise<{ base: string; root: string }> {
  const site = await copySite('e2e/fixtures/hostile-site');
  made.push(site.base);
  return site;
}

describe('exporting hostile content', () => {
  it('leaves nothing that runs or loads, asks the network for nothing, and keeps the text', async () => {
    const { root } = await hostileSite();
    const doc = await exportSitePost(root, HOSTILE_PREVIEW_PATH, hostilePreviewPost(canary));
    expect(requests).toEqual([]);
    const html = doc.html;
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<form|<base|<link|<video|<audio|<svg|<math|<input|<button/i);
    expect(html).not.toMatch(/url\s*\(/i);
    expect(html).not.toMatch(/file:|javascript:|vbscript:|srcset=|srcdoc=|pressroom-asset:/i);
    expect(html.match(/<style/g)).toHaveLength(1);

    const page = new JSDOM(html).window.document;
    expect(page.body.querySelectorAll('meta, link, base, style, script, form')).toHaveLength(0);
    const metas = [...page.querySelectorAll('meta')].map((m) => m.getAttribute('name') ?? m.getAttribute('http-equiv') ?? 'charset');
    expect(metas).toEqual(['charset', 'Content-Security-Policy', 'referrer', 'viewport', 'description', 'keywords', 'generator']);
    expect(page.querySelector('style')!.textContent).not.toContain(host);
    for (const el of page.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        expect(attr.name, `${el.localName}[${attr.name}]`).not.toMatch(/^on/i);
        if (attr.value.includes(host)) expect([el.localName, attr.name, attr.value.startsWith('http://')]).toEqual(['a', 'href', true]);
        if (attr.name === 'src') expect(attr.value).toMatch(/^data:image\//);
      }
    }
    expect(page.querySelector('#web-link')?.getAttribute('href')).toBe(`${canary}/link`);
    expect(page.querySelector('#web-link')?.hasAttribute('ping')).toBe(false);
    expect(page.querySelector('#js-link')?.hasAttribute('href')).toBe(false);
    expect(page.querySelector('#js-link')?.textContent).toBe('javascript anchor');
    // The hostile site has no `url`: its site link stays as written, and the user hears of it.
    expect(page.querySelector('#site-link')?.getAttribute('href')).toBe('/2024/01/01/other.html');

    const text = page.body.textContent!;
    for (const kept of [
      'The first paragraph is harmless.',
      'CSS background',
      'CSS background two',
      'image-set',
      'cell',
      'hover me',
      'javascript anchor',
      'tab-obfuscated',
      'web link',
      'site link',
      'Paragraph 40 of the tail',
      'The note at the end.',
    ]) {
      expect(text).toContain(kept);
    }
    expect(text).not.toContain('__pwned');
    // Web images and frames are named where they were, never fetched.
    const notes = [...page.querySelectorAll('.pr-export-note')].map((n) => n.textContent);
    expect(notes).toContain(`[Image from ${host} not included]`);
    expect(notes).toContain(`[Embedded content from ${host} not included]`);
    const codes = new Set(doc.warnings.map((w) => w.code));
    expect(codes).toEqual(new Set(['remote-image', 'embed-removed', 'image-refused', 'missing-image', 'relative-link', 'render-problem']));
    // The SVG asset with a script is refused by its content, not shown.
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: 'image-refused', detail: expect.stringContaining('evil.svg') }));
  });

  it('reads nothing outside the site through Liquid, asset paths, image paths or links in the asset folder', async () => {
    const { base, root } = await hostileSite();
    const secret = 'SECRET-OUTSIDE-THE-SITE';
    await fs.writeFile(path.join(base, 'secret.txt'), secret);
    await sharp({ create: { width: 33, height: 33, channels: 3, background: '#f00' } }).png().toFile(path.join(base, 'secret.png'));
    await fs.symlink(path.join(base, 'secret.png'), path.join(root, '_assets/images/leak.png'));
    const post = [
      '---',
      'title: Climbing',
      'image: ../../secret.png',
      '---',
      'Before. {% include ../../secret.txt %} {% include_relative ../../../secret.txt %} {% include ../../../../../etc/passwd %}',
      '',
      '{% asset ../../secret.png %} {% asset ../../../../etc/passwd.png %} {% asset leak.png alt="leak" %}',
      '',
      '<img src="/../../secret.png" alt="climb"> <img src="/_assets/images/../../../secret.png" alt="climb2"> ![md](../../../secret.png)',
      '',
      'After.',
    ].join('\n');
    const doc = await exportSitePost(root, '_posts/2024-03-02-climb.md', post);
    expect(doc.html).not.toContain(secret);
    expect(doc.html).not.toContain('root:x:0');
    const page = new JSDOM(doc.html).window.document;
    expect(page.querySelectorAll('img')).toHaveLength(0);
    expect(page.body.textContent).toContain('Before.');
    expect(page.body.textContent).toContain('After.');
    expect(doc.warnings.filter((w) => w.code === 'missing-image' || w.code === 'image-refused').length).toBeGreaterThanOrEqual(4);
  });
});
