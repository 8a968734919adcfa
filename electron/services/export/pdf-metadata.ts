/**
 * Writes the metadata neither engine sets (author, subject, keywords, language, creator, producer) into a printed
 * PDF with pdf-lib, keeping what the engine wrote (tags, outline, links, the creation date).
 */
import { PDFDocument } from 'pdf-lib';
import type { PdfMetadata } from '../../../shared/export/pdf-options';

/** The finished PDF and its number of pages (the export result shows it). */
export interface StampedPdf {
  bytes: Uint8Array;
  pages: number;
}

/** Sets the document information and language of `pdf`; `producer` names the app and engine, e.g. "Pressroom 0.1.0 (Chromium 156.0)". */
export async function stampPdfMetadata(pdf: Uint8Array, meta: PdfMetadata, producer: string): Promise<StampedPdf> {
  // updateMetadata: false keeps the engine's creation date instead of pdf-lib's "now" and its own producer.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords.length > 0) doc.setKeywords(meta.keywords);
  if (meta.language) doc.setLanguage(meta.language);
  doc.setCreator(meta.creator);
  doc.setProducer(producer);
  const bytes = await doc.save({ updateFieldAppearances: false });
  return { bytes, pages: doc.getPageCount() };
}
