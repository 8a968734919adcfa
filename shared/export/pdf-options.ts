/**
 * The print options both PDF engines get (Electron's `printToPDF` and Chromium through playwright-core), made in
 * one place so the two give the same pages: paper, margins, and the header and footer with the title, the date
 * and "page X of Y" in the post's language.
 */
import type { PageSize } from '../contract/export-models';
import { escapeHtml } from '../util/escape-html';
import { exportWords } from './export-words';

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

/**
 * The page margins of every export, in millimetres: the PDF engines and the stylesheet's `@page` rule both read
 * them, so printing from the browser and the PDF give the same pages. Top and bottom leave room for the header
 * and footer Chromium draws inside the margin.
 */
export const PAGE_MARGINS_MM: Readonly<PageMargins> = Object.freeze({ top: 24, right: 22, bottom: 22, left: 22 });

/** Inline styles only: Chromium renders the templates apart from the document (no stylesheet, tiny default font). */
const FRAME_STYLE = [
  'box-sizing:border-box',
  'width:100%',
  `padding:0 ${PAGE_MARGINS_MM.right}mm 0 ${PAGE_MARGINS_MM.left}mm`,
].join(';');

/** The line of words inside the frame (the frame's padding lines it up with the text). */
const LINE_STYLE = [
  'display:flex',
  'align-items:baseline',
  'font-family:Helvetica Neue,Helvetica,Arial,Liberation Sans,DejaVu Sans,sans-serif',
  'font-size:8.5px',
  'line-height:1.3',
  'color:#6b7280',
  '-webkit-print-color-adjust:exact',
  'print-color-adjust:exact',
].join(';');

/** The header: the title on the left (one line, cut with an ellipsis), the date on the right. */
function headerTemplate(frame: PdfPageFrame): string {
  const title = `<span style="flex:1 1 auto;min-width:0;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${escapeHtml(frame.title)}</span>`;
  const date = frame.dateText ? `<span style="flex:none;margin-left:6mm;white-space:nowrap">${escapeHtml(frame.dateText)}</span>` : '';
  // A hairline under it separates the running head from the text, as in a printed release.
  return `<div style="${FRAME_STYLE};padding-top:10mm"><div style="${LINE_STYLE};padding-bottom:1.6mm;border-bottom:0.5px solid #cfd3da">${title}${date}</div></div>`;
}

/** The footer: "Page X of Y" in the post's language, centred. */
function footerTemplate(frame: PdfPageFrame): string {
  const w = exportWords(frame.language).pageOf;
  const text = `${escapeHtml(w.before)}<span class="pageNumber"></span>${escapeHtml(w.between)}<span class="totalPages"></span>${escapeHtml(w.after)}`;
  // One span around the words: as loose text in the flex box, the spaces around the numbers would be trimmed.
  return `<div style="${FRAME_STYLE};padding-bottom:9mm"><div style="${LINE_STYLE};justify-content:center"><span style="white-space:pre">${text}</span></div></div>`;
}

/** The options for one export: the same paper, margins, header and footer for both engines. */
export function pdfPrintOptions(frame: PdfPageFrame): PdfPrintOptions {
  return {
    pageSize: frame.pageSize,
    margins: { ...PAGE_MARGINS_MM },
    headerTemplate: headerTemplate(frame),
    footerTemplate: footerTemplate(frame),
  };
}
