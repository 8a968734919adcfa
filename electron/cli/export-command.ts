/**
 * `pressroom export`: a post as one standalone HTML file or a PDF from a script, the same document and print
 * options as the app's export, printed by the machine's Chromium (started for the one export, then closed).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExportFormat, ExportWarning, PageSize } from '../../shared/contract/export-models';
import { AppFailure, messageOf } from '../../shared/contract/errors';
import { appRoot } from '../backend/app-paths';
import { readVersion } from '../backend/node-host';
import { defaultPageSize } from '../services/app-state';
import { buildExportDocument, createChromiumPdfEngine, exportPost } from '../services/export';
import { contextFor, EMPTY_RENDER_CONTEXT, readPostText, siteRootFor } from './render-command';

/** Where the command writes (the CLI's streams, or a test's). */
export interface ExportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The help of `pressroom export`. */
export const EXPORT_HELP = `Usage: pressroom export <file> --html <out> | --pdf <out> [--site <dir>] [--page-size A4|Letter]

Exports the post <file> as the app's export does: one self-contained HTML file (images embedded, no
script, nothing loaded from elsewhere, site links made absolute from _config.yml's url) or a PDF with
a header and footer, page numbers and the post's metadata. The PDF is printed by a Chromium, Chrome
or Edge installed on this machine (PRESSROOM_CHROMIUM names one); nothing is downloaded. What the
export left out or changed is listed on stderr as <file>: warning: <what>. An existing <out> is
replaced; the post itself never is.

Options:
  --html <out>           Write the standalone HTML to <out>.
  --pdf <out>            Write the PDF to <out>.
  --site <dir>           The Jekyll site the post belongs to; by default the nearest folder above
                         <file> that has a _config.yml.
  --page-size <size>     A4 or Letter (PDF only); by default the one used where you live.
  -h, --help             Show this help.

Exit status: 0 on success, 1 when the export failed, 2 for a bad command line.
`;

/** A command line the export does not understand (printed with the help, exit status 2). */
class Usage extends Error {}

/** What each warning says on the command line. */
const WARNING_WORDS: Record<ExportWarning['code'], string> = {
  'remote-image': 'web image left out (an export loads nothing)',
  'missing-image': 'image not found',
  'image-refused': 'not a usable image, left out',
  'embed-removed': 'embedded content replaced by a note',
  'relative-link': 'link kept relative (_config.yml has no url)',
  'render-problem': 'render problem',
  'tag-left-out': 'Liquid tag Pressroom does not run, left out',
};

/** One warning as a stderr line. */
export function warningLine(file: string, warning: ExportWarning): string {
  return `${file}: warning: ${WARNING_WORDS[warning.code]}: ${warning.detail}\n`;
}

function options(args: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, html: { type: 'string' }, pdf: { type: 'string' }, site: { type: 'string' }, 'page-size': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new Usage(messageOf(error));
  }
}

/** Runs `pressroom export …` and resolves to the exit code (0 written, 1 failed, 2 bad command line). */
export async function runExport(args: string[], io: ExportIo): Promise<number> {
  try {
    return await exportFromArgs(args, io);
  } catch (error) {
    if (error instanceof Usage) {
      io.stderr(`pressroom: ${error.message}\n\n${EXPORT_HELP}`);
      return 2;
    }
    io.stderr(`pressroom: ${error instanceof AppFailure ? error.message : messageOf(error)}\n`);
    return 1;
  }
}

async function exportFromArgs(args: string[], io: ExportIo): Promise<number> {
  const { values, positionals } = options(args);
  if (values.help) {
    io.stdout(EXPORT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new Usage(positionals.length === 0 ? 'export needs the file of a post' : `unexpected argument "${positionals[1]}"`);
  const html = typeof values.html === 'string' ? values.html : undefined;
  const pdf = typeof values.pdf === 'string' ? values.pdf : undefined;
  if ((html === undefined) === (pdf === undefined)) throw new Usage('export needs either --html <out> or --pdf <out>');
  const sizeArg = values['page-size'];
  if (sizeArg !== undefined && sizeArg !== 'A4' && sizeArg !== 'Letter') throw new Usage(`--page-size must be A4 or Letter, not "${String(sizeArg)}"`);
  const format: ExportFormat = pdf !== undefined ? 'pdf' : 'html';
  const out = path.resolve((pdf ?? html)!);
  const file = positionals[0];

  // The browser starts while the document is built: most of a PDF export's time is its start.
  const engine = format === 'pdf' ? createChromiumPdfEngine({ idleMs: 0 }) : undefined;
  engine?.prepare();
  try {
    const text = await readPostText(file);
    // After the first wait, so the browser's start is under way before the locale lookup (ICU's first load).
    const pageSize: PageSize = sizeArg ?? defaultPageSize();
    const abs = await fs.realpath(path.resolve(file));
    const given = siteRootFor(abs, typeof values.site === 'string' ? values.site : undefined);
    const root = given ? await fs.realpath(given) : null;
    const inSite = root !== null && abs.startsWith(root + path.sep);
    const context = root ? await contextFor(root, text.includes('post_url')) : EMPTY_RENDER_CONTEXT;
    const rel = inSite ? path.relative(root, abs).split(path.sep).join('/') : path.basename(abs);
    const doc = await buildExportDocument({ root: inSite ? root : null, path: rel, text, context, pageSize, generator: `Pressroom ${readVersion(appRoot())}` });
    const result = await exportPost({ doc, format, destination: out, replace: true, root, sourcePath: abs, engine, pageSize, allowInsideSite: true });
    for (const warning of result.warnings) io.stderr(warningLine(file, warning));
    io.stderr(`wrote ${result.path} (${result.pages === null ? '' : `${result.pages} ${result.pages === 1 ? 'page' : 'pages'}, `}${formatBytes(result.bytes)})\n`);
    return 0;
  } finally {
    await engine?.dispose();
  }
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
