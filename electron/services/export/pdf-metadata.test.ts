import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumPdfEngine, createChromiumPdfEngine } from './chromium-pdf-engine';
import { stampPdfMetadata } from './pdf-metadata';
import { pdfInfo, pdfText } from './poppler-testing';

const OPTIONS = { pageSize: 'A4' as const, margins: { top: 20, right: 15, bottom: 20, left: 15 }, headerTemplate: '<span></span>', footerTemplate: '<span></span>' };
let engine: ChromiumPdfEngine;
let printed: Uint8Array;

beforeAll(async () => {
  engine = createChromiumPdfEngine({ idleMs: 0 });
  const body = `<h1>Übersicht</h1><h2>Erster Teil</h2><p>Grüße aus München.</p><p><a href="https://example.org/">Ein Link</a></p><div style="break-before:page"><h2>Zweiter Teil</h2></div>`;
  printed = await engine.print(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Chromium title</title></head><body>${body}</body></html>`, OPTIONS);
});
afterAll(async () => {
  await engine.dispose();
});

describe('stampPdfMetadata', () => {
  it('writes title, author, subject, keywords, language, creator and producer that pdfinfo reads back, keeping the creation date and tags', async () => {
    const before = pdfInfo(printed);
    const { bytes, pages } = await stampPdfMetadata(
      printed,
      { title: 'Neue Version: schneller, sicherer', author: 'Anna Müller, Jon Doe', subject: 'Die Kurzfassung der Meldung.', keywords: ['Release', 'Sicherheit'], language: 'de', creator: 'Pressroom 0.1.0' },
      'Pressroom 0.1.0 (Chromium 156.0.8078.114)',
    );
    const info = pdfInfo(bytes);
    expect(pages).toBe(2);
    expect(info.Pages).toBe('2');
    expect(info.Title).toBe('Neue Version: schneller, sicherer');
    expect(info.Author).toBe('Anna Müller, Jon Doe');
    expect(info.Subject).toBe('Die Kurzfassung der Meldung.');
    expect(info.Keywords).toBe('Release Sicherheit');
    expect(info.Creator).toBe('Pressroom 0.1.0');
    expect(info.Producer).toBe('Pressroom 0.1.0 (Chromium 156.0.8078.114)');
    expect(info.CreationDate).toBe(before.CreationDate);
    expect(info.Tagged).toBe('yes');
    const text = pdfText(bytes);
    expect(text).toContain('Grüße aus München.');
    expect(text).toContain('Zweiter Teil');
    // The language is in the catalogue (/Lang), where screen readers look for it.
    const reread = await PDFDocument.load(bytes);
    expect(String(reread.catalog.get(PDFName.of('Lang')))).toBe('(de)');
  });

  it('leaves out empty fields rather than writing blanks', async () => {
    const { bytes } = await stampPdfMetadata(printed, { title: 'Only a title', author: '', subject: '', keywords: [], language: '', creator: 'Pressroom 0.1.0' }, 'Pressroom');
    const info = pdfInfo(bytes);
    expect(info.Title).toBe('Only a title');
    expect(info.Author).toBeUndefined();
    expect(info.Keywords).toBeUndefined();
  });
});
