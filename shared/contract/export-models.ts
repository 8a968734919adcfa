/** What crosses the contract for exporting a post as HTML or PDF. */

/** Paper for PDF export and printing. */
export type PageSize = 'A4' | 'Letter';

/** The file formats a post exports to. */
export type ExportFormat = 'html' | 'pdf';

/**
 * Something the export left out or changed that the user should know about; `code` picks the sentence in the
 * interface's language, `detail` names the thing (an image path, a host, a link).
 */
export interface ExportWarning {
  code:
    | 'remote-image' // a web image: never fetched, left out with a visible note
    | 'missing-image' // a site image that could not be found or read
    | 'image-refused' // a file that is not a usable image (or an unsafe SVG)
    | 'embed-removed' // an iframe, video, object…: replaced by a note naming its source
    | 'relative-link' // a site link kept relative because `_config.yml` has no `url`
    | 'render-problem' // a Liquid or Markdown problem the preview also lists
    | 'tag-left-out'; // a Liquid tag Pressroom does not run ({% include %}, a plugin's): left out, not printed as code
  detail: string;
}

/** What `export.defaults` proposes for the export dialog. */
export interface ExportDefaults {
  /** The folder of the last export, else the Documents folder, else home. */
  folder: string;
  /** `<post file name>.html` / `.pdf` (the date and slug the site already uses). */
  fileName: string;
  pageSize: PageSize;
}

/** The standalone HTML of a post. */
export interface ExportHtml {
  html: string;
  title: string;
  /** The post's language (front matter `lang`, the `_i18n/<lang>/` folder, else the site's). */
  language: string;
  warnings: ExportWarning[];
}

/** What `export.write` wrote. */
export interface ExportResult {
  /** The absolute path of the file written. */
  path: string;
  bytes: number;
  /** Number of pages of a PDF; null for HTML. */
  pages: number | null;
  warnings: ExportWarning[];
}
