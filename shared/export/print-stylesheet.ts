/**
 * The one stylesheet of exported posts: the standalone HTML file (screen and print), the PDF of both engines and
 * printing from the browser in browser mode. Every rule is scoped under `.pr-export` (the exported body, or the
 * print container in the app) so the app can adopt it for printing without restyling itself.
 *
 * The document it styles (built by electron/services/export/export-document.ts):
 *
 *   <body class="pr-export">
 *    <article class="pr-export-article" lang="de">
 *     <header class="pr-export-header">
 *      <h1 class="pr-export-title">…</h1>
 *      <p class="pr-export-meta"><time datetime="2022-09-21">21. September 2022</time> <span class="pr-export-authors">…</span></p>
 *      <figure class="pr-export-hero"><img src="data:…" alt="…"></figure>            (front matter `image:`, optional)
 *     </header>
 *     <div class="pr-export-body">… the post: p, h2–h6, figure/figcaption, blockquote/cite, table, pre/code,
 *        ul/ol, dl, hr, sup.footnote-ref, div.footnotes …; a left-out web image or frame is
 *        <span class="pr-export-note">…</span> …</div>
 *     <footer class="pr-export-end">                                                    (optional)
 *      <section class="pr-export-boilerplate"><h2 class="pr-export-end-heading">…</h2>…</section>
 *      <section class="pr-export-contact"><h2 class="pr-export-end-heading">…</h2>…</section>
 *     </footer>
 *    </article>
 *   </body>
 */
import type { PageSize } from '../contract/export-models';

/** The stylesheet (placeholder until the print-stylesheet work lands). */
export const PRINT_STYLESHEET = `.pr-export { font-family: serif; }`;

/** The stylesheet plus the `@page` rule of one paper size, as the exported document's `<style>` carries it. */
export function exportStyles(pageSize: PageSize): string {
  return `${PRINT_STYLESHEET}\n@page { size: ${pageSize}; margin: 22mm 18mm; }`;
}
