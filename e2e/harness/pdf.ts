/**
 * Reads an exported PDF file back with poppler, as a reader's tools would: the byte-level readers are the export
 * tests' own (`poppler-testing.ts`), here for files on disk, plus pdftoppm to look at a page.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { pdfFonts, pdfImages, pdfInfo, pdfText } from '../../electron/services/export/poppler-testing';

/** What poppler finds in one PDF file: its text, pdfinfo's fields, its images and fonts, and the page size in points. */
export interface PdfFacts {
  text: string;
  info: Record<string, string>;
  images: Array<{ page: number; width: number; height: number }>;
  fonts: Array<{ name: string; embedded: boolean }>;
  pages: number;
  /** pdfinfo's "Page size" in points (A4 is about 595 × 842, Letter 612 × 792). */
  size: { width: number; height: number };
  /** The paper pdfinfo names for that size ("A4", "letter"; '' when it names none). */
  paper: string;
}

/** Reads `file` with pdftotext, pdfinfo, pdfimages and pdffonts. */
export function readPdf(file: string): PdfFacts {
  const bytes = readFileSync(file);
  const info = pdfInfo(bytes);
  const m = /([\d.]+) x ([\d.]+) pts/.exec(info['Page size'] ?? '');
  return {
    text: pdfText(bytes),
    info,
    images: pdfImages(bytes),
    fonts: pdfFonts(bytes),
    pages: Number(info.Pages),
    size: m ? { width: Number(m[1]), height: Number(m[2]) } : { width: NaN, height: NaN },
    paper: /\(([^)]+)\)\s*$/.exec(info['Page size'] ?? '')?.[1] ?? '',
  };
}

/** The text of a PDF given as bytes (e.g. `page.pdf()`), pages separated by form feeds. */
export { pdfText };

/** Page `page` of the PDF file as a PNG at `dpi` (pdftoppm), to attach to a test and look at. */
export function pagePng(file: string, page = 1, dpi = 50): Buffer {
  return execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file], { maxBuffer: 64 * 1024 * 1024 });
}

/** The web addresses a reader can click in the PDF (its link annotations' URI actions), in page order. */
export async function pdfLinks(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const out: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const action = doc.context.lookupMaybe(annots!.get(i), PDFDict)?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString);
      if (uri) out.push(uri.decodeText());
    }
  }
  return out;
}
