/** The `export.*` calls: the post as standalone HTML (for printing) and written as HTML or PDF outside the site. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AreaHandlers } from '../../../shared/contract/contract';
import type { PageSize } from '../../../shared/contract/export-models';
import { readDocument } from '../../services/documents';
import { buildExportDocument, createChromiumPdfEngine, type ExportDocument, exportPost, type PdfEngine } from '../../services/export';
import { resolveInside } from '../../services/paths';
import type { CallContext } from './call-context';
import { siteRenderContext } from './site-calls';

/** True when `dir` is a folder that exists now. */
async function isFolder(dir: string): Promise<boolean> {
  if (!dir || !path.isAbsolute(dir)) return false;
  return (await fs.stat(dir).catch(() => null))?.isDirectory() ?? false;
}

/** Creates the export calls; the PDF engine is the host's, else the machine's Chromium, made on the first PDF. */
export function createExportCalls(ctx: CallContext): AreaHandlers<'export'> {
  let ownEngine: PdfEngine | null = null;
  const engine = (): PdfEngine => ctx.pdfEngine ?? (ownEngine ??= createChromiumPdfEngine());

  /** Builds the export document of a post of an open site, from the editor's text when given, else the file. */
  async function documentOf(site: string, rel: string, text: string | null | undefined, pageSize: PageSize): Promise<{ doc: ExportDocument; root: string; source: string }> {
    const { root, opened } = ctx.sites.require(site);
    const source = await resolveInside(root, rel);
    const postText = typeof text === 'string' ? text : (await readDocument(root, rel)).text;
    const context = await siteRenderContext(root, opened);
    const generator = `${ctx.info.name} ${ctx.info.version}`;
    const doc = await buildExportDocument({ root, path: rel, text: postText, context, pageSize, generator });
    return { doc, root, source };
  }

  return {
    'export.defaults': async ({ site, path: rel, format }) => {
      const { root } = ctx.sites.require(site);
      await resolveInside(root, rel);
      const settings = await ctx.appState.getSettings();
      let folder = ctx.info.homeDir;
      for (const candidate of [settings.exportFolder, ctx.info.documentsDir]) {
        if (await isFolder(candidate)) {
          folder = candidate;
          break;
        }
      }
      const base = path.posix.basename(rel).replace(/\.[^.]*$/, '') || 'export';
      return { folder, fileName: `${base}.${format}`, pageSize: settings.exportPageSize };
    },

    'export.html': async ({ site, path: rel, text, pageSize }) => {
      const size = pageSize ?? (await ctx.appState.getSettings()).exportPageSize;
      const { doc } = await documentOf(site, rel, text, size);
      return { html: doc.html, title: doc.title, language: doc.language, warnings: doc.warnings };
    },

    'export.write': async ({ site, path: rel, text, format, pageSize, destination, replace }) => {
      const { doc, root, source } = await documentOf(site, rel, text, pageSize);
      const result = await exportPost({ doc, format, destination, replace: replace ?? false, root, sourcePath: source, engine: format === 'pdf' ? engine() : undefined, pageSize });
      try {
        await ctx.appState.updateSettings({ exportFolder: path.dirname(result.path), exportPageSize: pageSize });
      } catch (error) {
        // The file is written; failing to remember the folder must not report the export as failed.
        console.error('pressroom: could not remember the export folder', error);
      }
      return result;
    },
  };
}
