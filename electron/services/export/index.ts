/** Exporting a post as a standalone HTML file or a PDF: what other code may use of this area. */
export { buildExportDocument, type ExportDocument, type ExportInput } from './export-document';
export type { PdfEngine } from './pdf-engine';
export { EXPORT_CSP } from './export-document';
export { CHROMIUM_ENV, type ChromiumPurpose, findChromium, missingChromiumMessage, requireChromium } from './find-chromium';
export { createChromiumPdfEngine, type ChromiumPdfEngine, type ChromiumPdfEngineOptions } from './chromium-pdf-engine';
export { exportPost, type ExportPostInput } from './export-post';
export { stampPdfMetadata } from './pdf-metadata';
