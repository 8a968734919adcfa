/** The figure data that crosses the contract: an image brought into the site and the snippet that shows it. */

/** An image the user dropped, pasted or picked, kept in the app-data folder until it is imported or dropped. */
export interface StagedFigure {
  /** Names the staged file in `figure.import`. */
  id: string;
  /** The name it came with (may be unsafe; shown only). */
  originalName: string;
  /** What the content is (checked by its bytes, never by its name). */
  mime: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/svg+xml' | 'image/avif';
  width: number;
  height: number;
  bytes: number;
  /** A safe, readable file name proposed for the site (lowercase ASCII, dashes, optional date prefix). */
  fileName: string;
  /** The site-relative folder it goes to (the site's figure folder). */
  folder: string;
  /** The site path of a file with the same content already in the site, which is reused instead of a copy. */
  reuse: string | null;
  /** True when the image is wider than `maxWidth` or heavier than 1 MB: a web copy is offered. */
  large: boolean;
  maxWidth: number;
  /** What was made safe on the way in (an SVG's scripts removed, a name changed), in plain words. */
  notes: string[];
}

/** An image now in the site, and how posts name it. */
export interface ImportedFigure {
  /** Site-relative path of the file written (or reused). */
  path: string;
  /** What `{% asset %}` takes (path inside the asset source), or the site URL path where the site has no jekyll-assets. */
  reference: string;
  reused: boolean;
  /** True when the proposed name was taken by another file and a new name was chosen. */
  renamed: boolean;
  width: number;
  height: number;
  bytes: number;
  /** Site path of the kept original when the user asked to keep it beside the web copy. */
  original: string | null;
}

/** One image of the asset browser, with the posts that use it. */
export interface FigureAsset {
  /** Site-relative path of the file. */
  path: string;
  /** What a post names it with (see ImportedFigure.reference). */
  reference: string;
  bytes: number;
  width: number | null;
  height: number | null;
  /** Site-relative paths of the posts that use it. */
  usedBy: string[];
}

/** The site's images for the asset browser; `truncated` when there were more than the browser lists. */
export interface FigureBrowse {
  images: FigureAsset[];
  truncated: boolean;
}
