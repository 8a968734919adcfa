/**
 * Builds the one standalone HTML document of an export: the post rendered by the preview's pipeline, made inert
 * (no script, no handler, nothing that loads), its images embedded, its site links absolute, with the title, date
 * and authors from the front matter and the site's press contact and boilerplate at the end.
 */
import type { ExportWarning, PageSize } from '../../../shared/contract/export-models';
import type { SiteRenderContext } from '../../../shared/contract/models';
import type { PdfMetadata } from '../../../shared/export/pdf-options';
import { AppFailure } from '../../../shared/contract/errors';

/** What an export starts from. */
export interface ExportInput {
  /** The site's real root; null for a post outside any site (the CLI on a lone file). */
  root: string | null;
  /** The post's path relative to `root` (forward slashes), or its file name when there is no site. */
  path: string;
  /** The post's text: the editor's (unsaved edits included) or the file's. */
  text: string;
  /** The site's config, data, asset index and post URLs (as `site.renderContext` returns them). */
  context: SiteRenderContext;
  pageSize: PageSize;
  /** "Pressroom 0.1.0", for the generator meta and the PDF's creator. */
  generator: string;
}

/** The built document and what the PDF step and the user need to know about it. */
export interface ExportDocument {
  html: string;
  title: string;
  /** The post's language (front matter `lang`, the `_i18n/<lang>/` folder, else the site's default, else "en"). */
  language: string;
  /** The post's date as its language writes it ("21 September 2022", "21. September 2022"); '' when none. */
  dateText: string;
  metadata: PdfMetadata;
  warnings: ExportWarning[];
}

/** Builds the export document of a post (placeholder until the export-document work lands). */
export async function buildExportDocument(input: ExportInput): Promise<ExportDocument> {
  throw new AppFailure('not-supported', `Export of ${input.path} is not built yet.`);
}
