// The exported HTML of the real SCS releases as a reader opens it: one file with the title, the date in the post's
// language, the authors, the hero and figures as embedded pictures, captions, quotes and the footnote, nothing that
// loads from elsewhere, and the site's press contact and boilerplate in the post's language at the end.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { JSDOM, type TestDocument } from 'jsdom';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { exportStyles } from '../../../shared/export/print-stylesheet';
import { EMPTY_RENDER_CONTEXT } from '../../../shared/render/site-context';
import { buildExportDocument, EXPORT_CSP } from './export-document';
import { copySite, exportSitePost, REPO_ROOT } from './export-site-testing';

const EN_POST = '_i18n/en/_posts/2022/2022-09-21-all-good-things-come-in-threes.md';
const DE_POST = '_i18n/de/_posts/2023/2023-03-22-release-4.md';
const made: string[] = [];

async function scsSite(): Promise<string> {
  const { base, root } = await copySite('e2e/fixtures/scs-site');
  made.push(base);
  return root;
}

afterEach(async () => {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

function parse(html: string): TestDocument {
  return new JSDOM(html).window.document;
}

async function dataUrlSize(url: string): Promise<{ width: number; height: number; format: string }> {
  const m = /^data:image\/[a-z+]+;base64,(.*)$/.exec(url);
  expect(m).not.toBeNull();
  const meta = await sharp(Buffer.from(m![1], 'base64')).metadata();
  return { width: meta.width!, height: meta.height!, format: meta.format! };
}

describe('buildExportDocument on the SCS releases', () => {
  it('exports the seed release with its hero, figure, caption, quotes and footnote, all in one file', async () => {
    const root = await scsSite();
    const seed = await fs.readFile(path.join(REPO_ROOT, '../shared/seed/2022-09-21-all-good-things-come-in-threes.md'), 'utf8');
    const doc = await exportSitePost(root, EN_POST, seed);
    const page = parse(doc.html);

    expect(doc.html.startsWith('<!doctype html>')).toBe(true);
    expect(page.documentElement.lang).toBe('en');
    expect(page.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(EXPORT_CSP);
    expect(EXPORT_CSP).toContain("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:");
    expect(page.querySelector('meta[name="referrer"]')?.getAttribute('content')).toBe('no-referrer');
    expect(page.title).toBe('Sovereign Cloud Stack: All good things come in threes');
    expect(page.querySelector('meta[name="author"]')?.getAttribute('content')).toBe('Sovereign Cloud Stack');
    expect(page.querySelector('meta[name="generator"]')?.getAttribute('content')).toBe('Pressroom test');
    expect(page.querySelector('meta[name="keywords"]')?.getAttribute('content')).toBe('release');
    expect(page.querySelectorAll('style')).toHaveLength(1);
    expect(page.querySelector('style')!.textContent).toBe(`\n${exportStyles('A4')}\n`);

    expect(page.body.className).toBe('pr-export');
    expect(page.querySelector('article.pr-export-article')?.getAttribute('lang')).toBe('en');
    expect(page.querySelector('h1.pr-export-title')?.textContent).toBe('Sovereign Cloud Stack: All good things come in threes');
    expect(page.querySelector('.pr-export-meta time')?.getAttribute('datetime')).toBe('2022-09-21');
    expect(page.querySelector('.pr-export-meta time')?.textContent).toBe('21 September 2022');
    expect(page.querySelector('.pr-export-authors')?.textContent).toBe('Sovereign Cloud Stack');

    // The hero (front matter `image: blog/r3.jpg`, a jekyll-assets path) and the `{% asset %}` figure, embedded.
    const hero = page.querySelector('.pr-export-header figure.pr-export-hero img')!;
    expect(await dataUrlSize(hero.getAttribute('src')!)).toEqual({ width: 640, height: 320, format: 'jpeg' });
    const figure = page.querySelector('.pr-export-body figure.figure')!;
    expect(await dataUrlSize(figure.querySelector('img')!.getAttribute('src')!)).toEqual({ width: 480, height: 270, format: 'png' });
    expect(figure.querySelector('img')!.className).toBe('figure-img w-100');
    expect(figure.querySelector('figcaption')?.textContent).toMatch(/\S/);
    for (const img of page.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^data:image\//);

    const quotes = page.querySelectorAll('.pr-export-body blockquote');
    expect(quotes.length).toBe(3);
    expect(quotes[0].querySelector('cite')?.textContent).toContain('Peter Ganten');
    const noteRef = page.querySelector('sup#fnref\\:1 a')!;
    expect(noteRef.getAttribute('href')).toBe('#fn:1');
    const notes = page.querySelector('.pr-export-body > div.footnotes')!;
    expect(notes.querySelector('li#fn\\:1')?.textContent).toContain('Deutsche Verwaltungscloud-Strategie: Rahmenwerk der Zielarchitektur');
    expect(page.querySelector('.pr-export-body')!.lastElementChild).toBe(notes);
    expect(page.querySelector('a[href="https://www.gaia-x.eu/"]')?.textContent).toBe('Gaia-X');
    // Both languages of the body survive (the post quotes in German).
    expect(page.body.textContent).toContain('Dritter Public-Cloud-Provider öffnet seine Pforten');

    expect(doc.title).toBe('Sovereign Cloud Stack: All good things come in threes');
    expect(doc.language).toBe('en');
    expect(doc.dateText).toBe('21 September 2022');
    expect(doc.metadata).toMatchObject({ title: doc.title, author: 'Sovereign Cloud Stack', keywords: ['release'], language: 'en', creator: 'Pressroom test' });
    expect(doc.metadata.subject).toMatch(/^The Sovereign Cloud Stack project, funded by the German Federal Ministry/);
    expect(doc.metadata.subject.length).toBeLessThanOrEqual(201);
    expect(doc.warnings).toEqual([]);
    expect(doc.html).not.toMatch(/pressroom-asset:|<script|url\(|\bsrcset=/i);
  });

  it('writes the date of a post under _i18n/de/ in German and its site-path hero through the asset index', async () => {
    const root = await scsSite();
    const doc = await exportSitePost(root, DE_POST);
    const page = parse(doc.html);
    expect(doc.language).toBe('de');
    expect(doc.dateText).toBe('22. März 2023');
    expect(page.documentElement.lang).toBe('de');
    expect(page.querySelector('.pr-export-meta time')?.textContent).toBe('22. März 2023');
    // `image: /assets/img/SCS_logo.png` is a site path, as the preview shows it.
    expect(await dataUrlSize(page.querySelector('.pr-export-hero img')!.getAttribute('src')!)).toMatchObject({ width: 80, height: 80 });
    expect(page.querySelector('figcaption')?.textContent).toBe('Die Architektur');
    expect(page.querySelector('figure.figure')?.getAttribute('style')).toBe('width:90%');
    expect(doc.warnings).toEqual([]);
  });

  it('adds the press contact and boilerplate of .pressroom.yml in the post language, under headings in that language', async () => {
    const root = await scsSite();
    await fs.writeFile(
      path.join(root, '.pressroom.yml'),
      [
        'export:',
        '  boilerplate:',
        '    en: "Sovereign Cloud Stack is a **network** of providers. <script>alert(1)</script>"',
        '    de: "Sovereign Cloud Stack ist ein **Netzwerk** von Anbietern."',
        '  contact: |',
        '    ## Media',
        '    Jane Doe, [press@scs.community](mailto:press@scs.community) ![logo](/assets/img/SCS_logo.png)',
      ].join('\n'),
    );
    const en = parse((await exportSitePost(root, EN_POST)).html);
    const enEnd = en.querySelector('article > footer.pr-export-end')!;
    expect(enEnd.querySelector('section.pr-export-boilerplate h2.pr-export-end-heading')?.textContent).toBe('About Sovereign Cloud Stack');
    expect(enEnd.querySelector('section.pr-export-boilerplate strong')?.textContent).toBe('network');
    expect(enEnd.querySelector('script')).toBeNull();
    // A text that brings its own heading keeps it instead of ours; its picture is embedded like the post's.
    const contact = enEnd.querySelector('section.pr-export-contact')!;
    expect(contact.querySelector('.pr-export-end-heading')).toBeNull();
    expect(contact.querySelector('h2')?.textContent).toBe('Media');
    expect(contact.querySelector('a')?.getAttribute('href')).toBe('mailto:press@scs.community');
    expect(contact.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    const de = parse((await exportSitePost(root, DE_POST)).html);
    expect(de.querySelector('.pr-export-boilerplate h2')?.textContent).toBe('Über Sovereign Cloud Stack');
    expect(de.querySelector('.pr-export-boilerplate p')?.textContent).toBe('Sovereign Cloud Stack ist ein Netzwerk von Anbietern.');
  });

  it('names a bad export block in a warning and still exports', async () => {
    const root = await scsSite();
    await fs.writeFile(path.join(root, '.pressroom.yml'), 'export:\n  boilerplate: [1, 2]\n  contact:\n    en: 42\n');
    const doc = await exportSitePost(root, EN_POST);
    expect(parse(doc.html).querySelector('.pr-export-end')).toBeNull();
    expect(doc.warnings.map((w) => w.detail)).toEqual([
      '.pressroom.yml: export.boilerplate should be Markdown text or a map of languages to Markdown text; it was left out.',
      '.pressroom.yml: export.contact.en should be Markdown text; it was left out.',
    ]);
    await fs.writeFile(path.join(root, '.pressroom.yml'), 'export: [oops\n');
    const broken = await exportSitePost(root, EN_POST);
    expect(broken.warnings).toHaveLength(1);
    expect(broken.warnings[0]).toMatchObject({ code: 'render-problem' });
    expect(broken.warnings[0].detail).toContain('the export has no press contact or boilerplate');
  });

  it('makes site links absolute from url and baseurl, and warns when the site has no url', async () => {
    const root = await scsSite();
    await fs.mkdir(path.join(root, '_posts'));
    await fs.writeFile(path.join(root, '_posts/2022-01-05-other.md'), '---\ntitle: Other\n---\nOther.\n');
    const post = `---\ntitle: Links\ndate: 2023-01-02\n---\n[post]({% post_url 2022-01-05-other %}), [page](/about/), [here](#top), [mail](mailto:a@b.c), [file](file:///etc/passwd), [js](javascript:alert(1))\n`;
    const doc = await exportSitePost(root, '_posts/2023-01-02-links.md', post);
    const links = [...parse(doc.html).querySelectorAll('.pr-export-body a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['post', 'https://scs.community/2022/01/05/other/'],
      ['page', 'https://scs.community/about/'],
      ['here', '#top'],
      ['mail', 'mailto:a@b.c'],
      ['file', null],
      ['js', null],
    ]);
    expect(doc.warnings).toEqual([]);

    await fs.writeFile(path.join(root, '_config.yml'), (await fs.readFile(path.join(root, '_config.yml'), 'utf8')).replace(/^url:.*$/m, ''));
    const relative = await exportSitePost(root, '_posts/2023-01-02-links.md', post);
    expect(parse(relative.html).querySelector('.pr-export-body a')?.getAttribute('href')).toBe('/2022/01/05/other/');
    expect(relative.warnings).toEqual([
      { code: 'relative-link', detail: '/2022/01/05/other/' },
      { code: 'relative-link', detail: '/about/' },
    ]);
  });
});

describe('buildExportDocument with images', () => {
  it('scales a 20-megapixel photo down to print size and reads an image used twice once', async () => {
    const root = await scsSite();
    await sharp({ create: { width: 5472, height: 3648, channels: 3, background: { r: 40, g: 90, b: 160 } } })
      .jpeg({ quality: 90 })
      .toFile(path.join(root, '_assets/images/big.jpg'));
    await sharp({ create: { width: 4000, height: 1000, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
      .png()
      .toFile(path.join(root, '_assets/images/wide.png'));
    const post = `---\ntitle: Big\n---\n{% asset big.jpg alt="big" %}\n\n![again](/assets/big.jpg)\n\n{% asset wide.png %}\n\n![gone](/assets/nothing.png) ![gone](/assets/nothing.png)\n`;
    const doc = await exportSitePost(root, '_posts/2023-01-01-big.md', post);
    const page = parse(doc.html);
    const imgs = [...page.querySelectorAll('.pr-export-body img')];
    expect(imgs).toHaveLength(3);
    expect(await dataUrlSize(imgs[0].getAttribute('src')!)).toEqual({ width: 2000, height: 1333, format: 'jpeg' });
    expect(imgs[1].getAttribute('src')).toBe(imgs[0].getAttribute('src'));
    expect(imgs[1].getAttribute('alt')).toBe('again');
    expect(await dataUrlSize(imgs[2].getAttribute('src')!)).toEqual({ width: 2000, height: 500, format: 'png' });
    expect(imgs[0].getAttribute('src')!.length).toBeLessThan(400_000);
    // A missing picture is its alternative text as a note, and one warning however often it is used.
    expect([...page.querySelectorAll('.pr-export-note')].map((n) => n.textContent)).toEqual(['gone', 'gone']);
    expect(doc.warnings).toEqual([{ code: 'missing-image', detail: 'assets/nothing.png' }]);
  });

  it('refuses a file that is not the picture its name says', async () => {
    const root = await scsSite();
    await fs.writeFile(path.join(root, '_assets/images/fake.png'), '%PDF-1.4 not a picture');
    const doc = await exportSitePost(root, '_posts/2023-01-01-fake.md', '---\ntitle: Fake\n---\n{% asset fake.png alt="fake chart" %}\n');
    expect(parse(doc.html).querySelector('.pr-export-note')?.textContent).toBe('fake chart');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0].code).toBe('image-refused');
  });
});

describe('buildExportDocument without a site', () => {
  it('exports a lone file: its text and web links, each left-out picture named once', async () => {
    const text = '---\ntitle: Alone\nlang: de\ndate: 2024-05-01\n---\nText with [a link](https://example.org/) and a [site link](/x/).\n\n![logo](/assets/logo.png) ![web](https://cdn.example.org/a.png) ![web](https://cdn.example.org/a.png)\n';
    const doc = await buildExportDocument({ root: null, path: 'alone.md', text, context: EMPTY_RENDER_CONTEXT, pageSize: 'Letter', generator: 'g' });
    const page = parse(doc.html);
    expect(page.querySelector('h1')?.textContent).toBe('Alone');
    expect(page.querySelector('time')?.textContent).toBe('1. Mai 2024');
    expect(page.querySelector('style')!.textContent).toBe(`\n${exportStyles('Letter')}\n`);
    expect([...page.querySelectorAll('.pr-export-note')].map((n) => n.textContent)).toEqual([
      'logo',
      '[Bild von cdn.example.org nicht enthalten]',
      '[Bild von cdn.example.org nicht enthalten]',
    ]);
    expect(doc.warnings).toEqual([
      { code: 'relative-link', detail: '/x/' },
      { code: 'missing-image', detail: 'assets/logo.png' },
      { code: 'remote-image', detail: 'https://cdn.example.org/a.png' },
    ]);
  });
});
