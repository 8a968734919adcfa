// @vitest-environment jsdom
// Printing prints the post alone: Ctrl/Cmd+P, the desktop menu's Print… and the Export menu's Print… fetch the
// standalone HTML of the editor's text, put it (sanitized again) into a print container with the export stylesheet,
// print, and take everything away afterwards. The browser's own print menu gets the last post printed, or a note.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportHtml } from '../../../shared/contract/export-models';
import { exportStyles } from '../../../shared/export/print-stylesheet';
import { fakeMain, settle } from '../../common/site-data/site-data-testing';
import { button, mountExport, POST, SITE } from './export-testing';
import { sanitizedBody } from './print-post';

const HOSTILE = `<!doctype html><html lang="de"><head><title>Kai</title><style>body{color:red}</style></head>
<body class="pr-export"><article class="pr-export-article" lang="de">
<h1 class="pr-export-title">Der neue Kai</h1>
<p onclick="alert(1)">Der Hafen öffnet <a href="https://example.org/kai">den Kai</a>.</p>
<script>alert(2)</script>
<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="Boote"><figcaption>Boote im Hafen</figcaption></figure>
<img src="https://tracker.example/pixel.gif" alt="pixel">
<iframe src="https://video.example/embed"></iframe>
<p style="background:url(https://x.example/a.png)">Ende.</p>
</article></body></html>`;

const EXPORT_HTML: ExportHtml = { html: HOSTILE, title: 'Der neue Kai', language: 'de', warnings: [] };

const mounted: Array<{ unmount(): Promise<void> }> = [];
let printed: Array<{ root: string | null; sheets: number; text: string }>;

beforeEach(() => {
  printed = [];
  (document as { adoptedStyleSheets: CSSStyleSheet[] }).adoptedStyleSheets = [];
  // The browser's print: what is in the page the moment it prints, then `afterprint`.
  window.print = vi.fn(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const root = document.querySelector<HTMLElement>('body > .pr-print-root');
    printed.push({ root: root?.className ?? null, sheets: document.adoptedStyleSheets.length, text: root?.textContent?.replace(/\s+/g, ' ').trim() ?? '' });
    window.dispatchEvent(new Event('afterprint'));
  });
});
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
  document.body.innerHTML = '';
});

function printingMain() {
  return fakeMain({ 'export.html': () => ({ ok: true, value: EXPORT_HTML }) });
}

const ctrlP = (init: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true, cancelable: true, ...init });

describe('printing the post', () => {
  it('Ctrl+P prints the post alone: sanitized into a print container with the export stylesheet, removed afterwards', async () => {
    const main = printingMain();
    const { view, text } = await mountExport(main, { settings: { exportPageSize: 'Letter' } });
    mounted.push(view);
    let root: HTMLElement | null = null;
    let sheet: CSSStyleSheet | undefined;
    (window.print as ReturnType<typeof vi.fn>).mockImplementation(() => {
      root = document.querySelector('body > .pr-print-root');
      sheet = document.adoptedStyleSheets[0];
      window.dispatchEvent(new Event('afterprint'));
    });
    const key = ctrlP();
    await settle(() => void window.dispatchEvent(key));
    expect(key.defaultPrevented).toBe(true);
    expect(main.calls.find((c) => c.name === 'export.html')?.args).toEqual({ site: SITE, path: POST.path, text, pageSize: 'Letter' });
    expect(window.print).toHaveBeenCalledTimes(1);

    // What was on paper: the post, the last child of the body, in the post's language; nothing that runs or loads.
    expect(root!.className).toBe('pr-export pr-print-root');
    expect(root!.lang).toBe('de');
    expect(root!.querySelector('h1')?.textContent).toBe('Der neue Kai');
    expect(root!.textContent).toContain('Der Hafen öffnet den Kai.');
    expect(root!.textContent).toContain('Boote im Hafen');
    expect(root!.textContent).toContain('Ende.');
    expect(root!.querySelector('figure img')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(root!.querySelector('a')?.getAttribute('href')).toBe('https://example.org/kai');
    expect(root!.querySelectorAll('script, style, iframe, [onclick], [style]')).toHaveLength(0);
    expect([...root!.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['data:image/png;base64,iVBORw0KGgo=', null]);
    expect(sheet).toBeInstanceOf(CSSStyleSheet);
    // The export stylesheet of the settings' page size, the same the exported files carry.
    const expected = new CSSStyleSheet();
    expected.replaceSync(exportStyles('Letter'));
    const rules = (s: CSSStyleSheet) => [...s.cssRules].map((r) => r.cssText);
    expect(rules(sheet!)).toEqual(rules(expected));
    expect(rules(sheet!).join('\n')).toMatch(/@page/);

    // After printing: the container and the stylesheet are gone.
    expect(document.querySelector('.pr-print-root')).toBeNull();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('prints from the desktop menu’s Print… and from the Export menu, once per request', async () => {
    const main = printingMain();
    const { view } = await mountExport(main);
    mounted.push(view);
    await settle(() => main.emit('menu.command', { command: 'print' }));
    await act(async () => button('Export').click());
    const print = [...document.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent?.startsWith('Print…'))!;
    await act(async () => print.click());
    await settle();
    expect(main.count('export.html')).toBe(2);
    expect(printed.map((p) => [p.root, p.sheets])).toEqual([
      ['pr-export pr-print-root', 1],
      ['pr-export pr-print-root', 1],
    ]);
  });

  it('says in plain words when the post could not be prepared, and prints nothing', async () => {
    const main = fakeMain({ 'export.html': () => ({ ok: false, error: { code: 'not-supported', message: 'Export is not built yet.' } }) });
    const { view } = await mountExport(main);
    mounted.push(view);
    await settle(() => void window.dispatchEvent(ctrlP()));
    expect(window.print).not.toHaveBeenCalled();
    expect(document.querySelector('dialog')?.textContent).toContain('The post could not be printed.');
    expect(document.querySelector('dialog')?.textContent).toContain('Export is not built yet.');
  });

  it('leaves Ctrl+P alone inside an open dialog, when something else took it, and without an open post', async () => {
    const main = printingMain();
    const { view, rerender } = await mountExport(main);
    mounted.push(view);
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    const inDialog = ctrlP();
    await settle(() => void dialog.dispatchEvent(inDialog));
    expect(inDialog.defaultPrevented).toBe(false);
    dialog.remove();

    const taken = ctrlP();
    taken.preventDefault();
    await settle(() => void window.dispatchEvent(taken));
    await settle(() => void window.dispatchEvent(ctrlP({ shiftKey: true })));
    await rerender(null);
    const noPost = ctrlP();
    await settle(() => void window.dispatchEvent(noPost));
    expect(noPost.defaultPrevented).toBe(false);
    expect(main.count('export.html')).toBe(0);
  });

  it('gives the browser’s own print menu the last post printed, else a note on how to print the post alone', async () => {
    const main = printingMain();
    const { view, rerender } = await mountExport(main);
    mounted.push(view);
    const browserPrint = () => {
      window.dispatchEvent(new Event('beforeprint'));
      const root = document.querySelector<HTMLElement>('body > .pr-print-root');
      const seen = { className: root?.className, text: root?.textContent ?? '', sheets: document.adoptedStyleSheets.length };
      window.dispatchEvent(new Event('afterprint'));
      return seen;
    };
    // Nothing printed yet: a note, and no stylesheet.
    expect(browserPrint()).toEqual({ className: 'pr-print-root pr-print-note', text: expect.stringContaining('press Ctrl+P or choose Export › Print…'), sheets: 0 });
    expect(document.querySelector('.pr-print-root')).toBeNull();

    await settle(() => void window.dispatchEvent(ctrlP()));
    const again = browserPrint();
    expect(again.className).toBe('pr-export pr-print-root');
    expect(again.text).toContain('Der Hafen öffnet den Kai.');
    expect(again.sheets).toBe(1);
    expect(main.count('export.html')).toBe(1);
    expect(document.adoptedStyleSheets).toHaveLength(0);

    await rerender(null);
    expect(browserPrint().text).toContain('No post is open. Open a post, then press Ctrl+P to print it.');
  });

  it('keeps nothing that runs or loads from a hostile export document, and the words around it', () => {
    const { content, language } = sanitizedBody(`<html lang="fr"><head><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css"></head><body>
      <p>Avant <a href="javascript:alert(1)">lien</a> <a href="file:///etc/passwd">fichier</a></p>
      <svg><image href="https://evil.example/a.png"></image><use xlink:href="https://evil.example/s.svg#x"></use></svg>
      <video poster="https://evil.example/p.jpg" src="https://evil.example/v.mp4"></video>
      <img srcset="https://evil.example/1x.png 1x" src="data:image/png;base64,AAAA" alt="ok">
      <table background="https://evil.example/bg.png"><tr><td>cellule</td></tr></table>
      <object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e.swf">
      <form action="https://evil.example/"><input type="image" src="https://evil.example/i.png"></form>
      <p>Après</p></body></html>`);
    const box = document.createElement('div');
    box.append(content);
    expect(language).toBe('fr');
    expect(box.textContent).toContain('Avant lien fichier');
    expect(box.textContent).toContain('cellule');
    expect(box.textContent).toContain('Après');
    const loading = [...box.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^(src|srcset|poster|background|href|xlink:href|data|action)$/.test(a.name)).map((a) => `${el.nodeName}:${a.name}=${a.value}`),
    );
    expect(loading).toEqual(['IMG:src=data:image/png;base64,AAAA']);
    expect(box.querySelectorAll('meta, base, link, object, embed, form, video[src]')).toHaveLength(0);
  });

  it('prints a figure at the width its author gave it, as the PDF does, and drops a style that would load something', () => {
    const { content } = sanitizedBody(
      '<html><body><figure style="width: 90%; margin: 0 auto"><img src="data:image/png;base64,AAAA" alt="Boote"></figure><p style="background: url(https://evil.example/a.png)">Ende</p><p data-pr-print-style="background: url(https://evil.example/b.png)">Forged</p></body></html>',
    );
    const box = document.createElement('div');
    box.append(content);
    expect(box.querySelector('figure')!.style.width).toBe('90%');
    expect(box.querySelector('figure')!.style.margin).toBe('0px auto');
    for (const p of box.querySelectorAll('p')) expect(p.getAttribute('style') ?? '').not.toMatch(/url/);
    expect(box.querySelectorAll('[data-pr-print-style]')).toHaveLength(0);
  });
});
