/**
 * The print options both PDF engines get (Electron's `printToPDF` and Chromium through playwright-core), made in
 * one place so the two give the same pages: paper, margins, and the header and footer with the title, the date
 * and "page X of Y" in the post's language.
 */
import type { PageSize } from '../contract/export-models';

/** Page margins in millimetres. */
export interface PageMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** What an engine needs besides the document; each engine maps it onto its own API. */
export interface PdfPrintOptions {
  pageSize: PageSize;
  margins: PageMargins;
  /** Chromium's header and footer templates (inline styles; `pageNumber`/`totalPages` spans filled in by Chromium). */
  headerTemplate: string;
  footerTemplate: string;
}

/** Metadata written into the PDF afterwards (pdf-lib), since the engines set only the title. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 tag, e.g. "de". */
  language: string;
  /** "Pressroom 0.1.0". */
  creator: string;
}

/** What the header and footer show. */
export interface PdfPageFrame {
  title: string;
  /** The post's date as the post's language writes it ('' when it has none). */
  dateText: string;
  language: string;
  pageSize: PageSize;
}

/** The options for one export (placeholder until the print-stylesheet work lands). */
export function pdfPrintOptions(frame: PdfPageFrame): PdfPrintOptions {
  return {
    pageSize: frame.pageSize,
    margins: { top: 22, right: 18, bottom: 22, left: 18 },
    headerTemplate: '<span></span>',
    footerTemplate: '<span></span>',
  };
}
