import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { type ChromiumPdfEngine, createChromiumPdfEngine } from './chromium-pdf-engine';
import type { ExportDocument } from './export-document';
import { exportPost, type ExportPostInput } from './export-post';
import { pdfInfo, pdfText } from './poppler-testing';

// Built by hand (`as`: it fits the document type before and after the builder's extra fields landed).
const DOC = {
  html: '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Neue Version</title></head><body><h1>Neue Version</h1><p>Grüße aus Berlin.</p></body></html>',
  title: 'Neue Version',
  language: 'de',
  dateText: '21. September 2022',
  metadata: { title: 'Neue Version', author: 'Anna Müller', subject: 'Kurz gesagt', keywords: ['Release'], language: 'de', creator: 'Pressroom 0.1.0' },
  date: '2022-09-21',
  authors: ['Anna Müller'],
  warnings: [{ code: 'remote-image', detail: 'https://example.com/a.png' }],
} as ExportDocument;

let tmp: string;
let site: string;
let out: string;
let source: string;
let engine: ChromiumPdfEngine;

beforeAll(() => {
  engine = createChromiumPdfEngine({ idleMs: 0 });
});
afterAll(async () => {
  await engine.dispose();
});
beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-export-post-')));
  site = path.join(tmp, 'site');
  out = path.join(tmp, 'out');
  await fs.mkdir(path.join(site, '_posts'), { recursive: true });
  await fs.mkdir(out);
  source = path.join(site, '_posts/2022-09-21-release.md');
  await fs.writeFile(source, '---\ntitle: Neue Version\n---\nGrüße aus Berlin.\n');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function input(over: Partial<ExportPostInput>): ExportPostInput {
  return { doc: DOC, format: 'html', destination: path.join(out, 'release.html'), root: site, sourcePath: source, engine, pageSize: 'A4', ...over };
}

async function failure(p: Promise<unknown>): Promise<AppFailure> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

describe('exportPost', () => {
  it('writes the HTML document as it is, with its warnings', async () => {
    const result = await exportPost(input({}));
    expect(result).toEqual({ path: path.join(out, 'release.html'), bytes: Buffer.byteLength(DOC.html), pages: null, warnings: DOC.warnings });
    expect(await fs.readFile(path.join(out, 'release.html'), 'utf8')).toBe(DOC.html);
    expect(await fs.readdir(out)).toEqual(['release.html']);
  });

  it('prints the PDF with its metadata and page count', async () => {
    const result = await exportPost(input({ format: 'pdf', destination: path.join(out, 'release.pdf'), pageSize: 'Letter' }));
    const pdf = await fs.readFile(path.join(out, 'release.pdf'));
    expect(result.pages).toBe(1);
    expect(result.bytes).toBe(pdf.length);
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Neue Version');
    expect(info.Author).toBe('Anna Müller');
    expect(info['Page size']).toContain('(letter)');
    expect(info.Producer).toMatch(/^Pressroom 0\.1\.0 \(Chromium \d+\./);
    expect(pdfText(pdf)).toContain('Grüße aus Berlin.');
  });

  it('refuses a folder inside the site, also through a symlink, and says why', async () => {
    const inside = await failure(exportPost(input({ destination: path.join(site, 'release.html') })));
    expect(inside.error.code).toBe('refused');
    expect(inside.message).toContain('Choose a folder outside the site: an export there would show up as a change to commit.');
    await fs.symlink(path.join(site, '_posts'), path.join(tmp, 'posts-link'));
    expect((await failure(exportPost(input({ destination: path.join(tmp, 'posts-link', 'x.html') })))).error.code).toBe('refused');
    await fs.symlink(path.join(site, 'elsewhere.html'), path.join(out, 'dangling.html'));
    expect((await failure(exportPost(input({ destination: path.join(out, 'dangling.html'), replace: true })))).error.code).toBe('refused');
    expect(await fs.readdir(site)).toEqual(['_posts']);
  });

  it('never writes over the post itself, even where writing inside the site is allowed (the command line)', async () => {
    const before = await fs.readFile(source, 'utf8');
    const own = await failure(exportPost(input({ destination: source, replace: true, allowInsideSite: true })));
    expect(own.error.code).toBe('refused');
    await fs.symlink(source, path.join(out, 'link.html'));
    expect((await failure(exportPost(input({ destination: path.join(out, 'link.html'), replace: true })))).error.code).toBe('refused');
    expect(await fs.readFile(source, 'utf8')).toBe(before);
    const ok = await exportPost(input({ destination: path.join(site, 'release.html'), allowInsideSite: true }));
    expect(ok.path).toBe(path.join(site, 'release.html'));
  });

  it('keeps an existing file unless told to replace it', async () => {
    const target = path.join(out, 'release.html');
    await fs.writeFile(target, 'older export');
    const exists = await failure(exportPost(input({})));
    expect(exists.error.code).toBe('exists');
    expect(await fs.readFile(target, 'utf8')).toBe('older export');
    await exportPost(input({ replace: true }));
    expect(await fs.readFile(target, 'utf8')).toBe(DOC.html);
  });

  it('needs an absolute path to a folder that exists', async () => {
    expect((await failure(exportPost(input({ destination: 'release.html' })))).error.code).toBe('refused');
    const missing = await failure(exportPost(input({ destination: path.join(tmp, 'nope', 'release.html') })));
    expect(missing.error.code).toBe('not-found');
    expect(missing.message).toContain(path.join(tmp, 'nope'));
  });
});
