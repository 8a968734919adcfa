/** Types shared by the rendering pipeline (preview and export both call renderPost). */
import type { ProblemWords } from '../front-matter/problem-words';

/** What a post can see of its site while rendering, supplied by the caller (no file access in shared/). */
export interface SiteContext {
  /** `_config.yml` as data; becomes Liquid's `site` (with `data`). */
  config: Record<string, unknown>;
  /** `_data` as data: `site.data`. */
  data?: Record<string, unknown>;
  /** Resolves a `{% asset %}` path to a URL; null when the asset does not exist. */
  assetUrl(path: string): string | null;
  /** Resolves a `{% post_url %}` name to a URL, in the page's language when given (`_i18n/<lang>/`); null when no such post exists. */
  postUrl(name: string, language?: string | null): string | null;
}

/** Something the author should know about the render; the HTML is still produced. */
export interface RenderProblem {
  /**
   * `unclosed-html`: an element is never closed, so kramdown puts the rest of its block (often the rest of the
   * post) inside it. `html-too-deep`: HTML nested deeper than Jekyll's kramdown can follow.
   */
  kind: 'front-matter' | 'liquid-syntax' | 'liquid-error' | 'missing-asset' | 'missing-post' | 'unclosed-html' | 'html-too-deep';
  /** In English, for the command line; the app words the HTML kinds itself from `tag` and `line`. */
  message: string;
  /** One-based line in the whole file (front matter included). */
  line?: number;
  /** For the HTML kinds: the element's name, as written (`cite`). */
  tag?: string;
  /** For `html-too-deep`: the nesting level reached (one past the limit). */
  depth?: number;
  /** For `front-matter`: what is wrong as data, so the app words it in its language (see problem-words.ts). */
  words?: ProblemWords;
  /** For `front-matter`: the YAML parser's own text, shown only as a detail. */
  detail?: string;
}

/** Input of renderPost: the whole file, and optionally its site-relative path (for page.url, page.date). */
export interface RenderInput {
  source: string;
  site: SiteContext;
  path?: string;
  /**
   * For the preview: mark each top-level block with `data-pr-line` (its one-based line in the whole file) and
   * return the blocks one by one in `blocks`. Off for export and the golden tests.
   */
  sourceLines?: boolean;
}

/** One top-level block of the output, for patching the preview block by block. */
export interface RenderBlock {
  /** One-based line of the whole file (front matter included) the block starts on. */
  line: number;
  /** The block's HTML without the `data-pr-line` mark, so an unchanged block has the same text wherever it moves. */
  html: string;
}

/** Output of renderPost. */
export interface RenderOutput {
  html: string;
  frontMatter: Record<string, unknown>;
  problems: RenderProblem[];
  /** Only with `sourceLines`: the top-level blocks of `html` in order. */
  blocks?: RenderBlock[];
}
