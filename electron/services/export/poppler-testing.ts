/** Test support: reads a PDF back with poppler (pdftotext, pdfinfo, pdffonts, pdfimages), as a reader's tools would. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Runs one poppler tool on the PDF bytes and returns what it printed. */
function poppler(tool: string, pdf: Uint8Array, args: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-poppler-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF, pages separated by form feeds; `-layout` keeps lines as printed. */
export function pdfText(pdf: Uint8Array): string {
  return poppler('pdftotext', pdf, ['-enc', 'UTF-8']);
}

/** pdfinfo's fields (Title, Author, Pages, Page size, Tagged…) as a map; `-isodates` so dates compare. */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of poppler('pdfinfo', pdf, ['-isodates']).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1].trim()] = m[2].trim();
  }
  return out;
}

/** pdffonts' rows after the header: name, type, encoding, emb, sub, uni. */
export function pdfFonts(pdf: Uint8Array): Array<{ name: string; embedded: boolean }> {
  return poppler('pdffonts', pdf, [])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
    });
}

/** The images pdfimages lists (page, width, height, type). */
export function pdfImages(pdf: Uint8Array): Array<{ page: number; width: number; height: number }> {
  return poppler('pdfimages', pdf, ['-list'])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) };
    });
}
