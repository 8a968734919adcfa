/** What turns an exported document into PDF bytes: Electron's printToPDF in the app, a system Chromium elsewhere. */
import type { PdfPrintOptions } from '../../../shared/export/pdf-options';

/** A PDF engine; the document is complete and self-contained (images as data: URLs), so it needs no request. */
export interface PdfEngine {
  /** Prints `html` to PDF with `options`; never lets the document load anything, never runs script. */
  print(html: string, options: PdfPrintOptions): Promise<Uint8Array>;
  /** Lets go of what the engine keeps running (a browser, a hidden window). */
  dispose(): Promise<void>;
}
