/**
 * Writes an export document as an HTML or PDF file where the user chose: never over the post itself, never into
 * the site (it would show up as a change to commit), an existing file only when the user said to replace it,
 * and atomically, so a failed export leaves whatever was there before.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportFormat, ExportResult, PageSize } from '../../../shared/contract/export-models';
import { AppFailure } from '../../../shared/contract/errors';
import { pdfPrintOptions } from '../../../shared/export/pdf-options';
import { atomicWrite } from '../documents';
import { isInside } from '../paths';
import type { ExportDocument } from './export-document';
import type { PdfEngine } from './pdf-engine';
import { stampPdfMetadata } from './pdf-metadata';

/** What one export needs. */
export interface ExportPostInput {
  doc: ExportDocument;
  format: ExportFormat;
  /** The absolute path of the file to write. */
  destination: string;
  /** Write over an existing file (the user confirmed). */
  replace?: boolean;
  /** The site's root; null for a post outside any site. */
  root: string | null;
  /** The post's absolute path, which an export never overwrites. */
  sourcePath: string;
  /** Prints the PDF; only needed for `format: 'pdf'`. */
  engine?: PdfEngine;
  pageSize: PageSize;
  /** The command line writes where it is told, also inside the site (never over the source); the app never does. */
  allowInsideSite?: boolean;
}

/** The real path of `p`, or null when it does not exist (a dangling link included). */
async function realOrNull(p: string): Promise<string | null> {
  return fs.realpath(p).catch(() => null);
}

/** Where the file goes, checked: returns the path to write (the user's spelling, in its real folder). */
async function checkedTarget(input: ExportPostInput): Promise<{ target: string; exists: boolean }> {
  const { destination } = input;
  if (!path.isAbsolute(destination)) throw new AppFailure('refused', `Choose the export file with its full path, not ${destination}.`, { path: destination });
  const dir = path.dirname(destination);
  const realDir = await realOrNull(dir);
  const dirStat = realDir ? await fs.stat(realDir).catch(() => null) : null;
  if (!realDir || !dirStat?.isDirectory()) throw new AppFailure('not-found', `The folder ${dir} does not exist.`, { path: dir });
  const target = path.join(realDir, path.basename(destination));
  const link = await fs.lstat(target).catch(() => null);
  const realTarget = link ? await realOrNull(target) : target;
  if (link && realTarget === null) throw new AppFailure('refused', `${destination} is a link to a file that does not exist; choose another name.`, { path: destination });
  const finalTarget = realTarget ?? target;
  const finalStat = link ? await fs.stat(finalTarget).catch(() => null) : null;
  if (link && !finalStat?.isFile()) throw new AppFailure('refused', `${destination} is not a file; choose another name.`, { path: destination });
  const realSource = (await realOrNull(input.sourcePath)) ?? path.resolve(input.sourcePath);
  if (finalTarget === realSource) throw new AppFailure('refused', `${destination} is the post itself; choose another file name.`, { path: destination });
  const realRoot = input.root ? await realOrNull(input.root) : null;
  if (realRoot && !input.allowInsideSite && (isInside(realRoot, realDir) || isInside(realRoot, finalTarget))) {
    throw new AppFailure('refused', `${destination} is inside the site. Choose a folder outside the site: an export there would show up as a change to commit.`, { path: destination });
  }
  return { target, exists: link !== null };
}

/** A PDF engine that can tell which browser printed (both of ours can), for the PDF's producer field. */
type VersionedEngine = PdfEngine & { browserVersion?: () => string };

/** Prints the document and writes the metadata; returns the PDF and its page count. */
async function printPdf(doc: ExportDocument, engine: VersionedEngine, pageSize: PageSize): Promise<{ bytes: Uint8Array; pages: number }> {
  const options = pdfPrintOptions({ title: doc.title, dateText: doc.dateText, language: doc.language, pageSize });
  const printed = await engine.print(doc.html, options);
  const version = engine.browserVersion?.() ?? '';
  const producer = version ? `${doc.metadata.creator} (Chromium ${version})` : doc.metadata.creator;
  return stampPdfMetadata(printed, doc.metadata, producer);
}

/** Exports `doc` to `destination` as HTML or PDF and says what was written. */
export async function exportPost(input: ExportPostInput): Promise<ExportResult> {
  const { target, exists } = await checkedTarget(input);
  if (exists && !input.replace) throw new AppFailure('exists', `${input.destination} already exists.`, { path: input.destination });
  let data: Uint8Array | string;
  let pages: number | null = null;
  if (input.format === 'pdf') {
    if (!input.engine) throw new AppFailure('no-pdf-engine', 'PDF export is not available here.');
    const pdf = await printPdf(input.doc, input.engine, input.pageSize);
    data = pdf.bytes;
    pages = pdf.pages;
  } else {
    data = input.doc.html;
  }
  await atomicWrite(target, data, {
    // A file that appeared while the PDF printed is not overwritten unless the user asked for that.
    beforeRename: async () => {
      if (input.replace) return;
      if (await fs.lstat(target).then(() => true, () => false)) throw new AppFailure('exists', `${input.destination} already exists.`, { path: input.destination });
    },
  });
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return { path: path.resolve(input.destination), bytes, pages, warnings: input.doc.warnings };
}
