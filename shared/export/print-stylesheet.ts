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
 *
 * Light only: an exported file should look the same for every reader, whatever their system's colour scheme.
 * No `url()`, `@import` or web font: the file opens offline and the PDF embeds the fonts the machine has.
 */
import type { PageSize } from '../contract/export-models';
import { PAGE_MARGINS_MM } from './pdf-options';

/** Body text: Charter where the system has it, else the nearest good serif (this is what the PDF embeds). */
const SERIF = "Charter, 'Bitstream Charter', 'Source Serif 4', 'Source Serif Pro', Georgia, Cambria, 'DejaVu Serif', serif";
/** Headings, the meta line, captions and notes. */
const SANS = "'Helvetica Neue', Helvetica, Arial, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif";
const MONO = "ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace";

/** The stylesheet every export carries (screen and print; the paper size comes from `exportStyles`). */
export const PRINT_STYLESHEET = `
.pr-export {
  margin: 0;
  padding: 2.5rem 1.25rem 4rem;
  background: #f4f4f1;
  color: #1c1f26;
  color-scheme: light;
  font: 17px/1.6 ${SERIF};
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.pr-export .pr-export-article {
  box-sizing: border-box;
  max-width: 44em;
  margin: 0 auto;
  padding: 3em 3.5em 3.5em;
  background: #ffffff;
  border: 1px solid #e2e2dc;
  border-radius: 3px;
  box-shadow: 0 1px 3px rgba(20, 24, 32, 0.06);
  overflow-wrap: break-word;
  hyphens: auto;
  -webkit-hyphens: auto;
  orphans: 3;
  widows: 3;
}
.pr-export .pr-export-article > :first-child { margin-top: 0; }

/* The release's head: title, date and authors, hero image. */
.pr-export .pr-export-header { margin: 0 0 2em; padding-bottom: 1.2em; border-bottom: 2px solid #1c1f26; }
.pr-export .pr-export-title {
  margin: 0 0 0.45em;
  font: 700 1.85em/1.2 ${SANS};
  letter-spacing: -0.01em;
  hyphens: manual;
  -webkit-hyphens: manual;
  text-wrap: balance;
  border: 0;
  padding: 0;
}
.pr-export .pr-export-meta { margin: 0; color: #5b6270; font: 0.82em/1.45 ${SANS}; }
.pr-export .pr-export-authors::before { content: '\\00b7'; margin: 0 0.45em 0 0.15em; }
.pr-export .pr-export-meta > .pr-export-authors:first-child::before { content: none; }
.pr-export .pr-export-header figure { margin: 1.4em 0 0; text-align: center; }
/* Never enlarged (a small logo stays sharp), never cropped. */
.pr-export .pr-export-header figure img { display: block; margin: 0 auto; max-width: 100%; height: auto; max-height: 11cm; object-fit: contain; border-radius: 2px; }

/* Headings: sans, kept with what follows. */
.pr-export h1, .pr-export h2, .pr-export h3, .pr-export h4, .pr-export h5, .pr-export h6 {
  font-family: ${SANS};
  font-weight: 700;
  line-height: 1.25;
  color: #14171d;
  hyphens: manual;
  -webkit-hyphens: manual;
  break-after: avoid;
  page-break-after: avoid;
  break-inside: avoid;
  page-break-inside: avoid;
}
.pr-export h1 { font-size: 1.6em; margin: 1.6em 0 0.5em; }
.pr-export h2 { font-size: 1.25em; margin: 1.7em 0 0.5em; }
.pr-export h3 { font-size: 1.08em; margin: 1.5em 0 0.4em; }
.pr-export h4, .pr-export h5, .pr-export h6 { font-size: 1em; margin: 1.3em 0 0.3em; }
.pr-export .pr-export-body > :first-child { margin-top: 0; }

.pr-export p, .pr-export ul, .pr-export ol, .pr-export dl, .pr-export table, .pr-export pre,
.pr-export figure { margin: 0 0 1em; }
.pr-export ul, .pr-export ol { padding-left: 1.6em; }
.pr-export li + li { margin-top: 0.25em; }
.pr-export dt { font-weight: 700; }
.pr-export dd { margin: 0 0 0.5em 1.6em; }
.pr-export strong, .pr-export b { font-weight: 700; }

.pr-export a { color: #1d4fb8; text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 2px; text-decoration-color: rgba(29, 79, 184, 0.45); }
.pr-export a:not([href]) { color: inherit; text-decoration: none; }

/* Images fit the page: never wider than the text, never taller than a page. */
.pr-export img { max-width: 100%; height: auto; }
.pr-export figure {
  margin: 1.6em auto;
  text-align: center;
  break-inside: avoid;
  page-break-inside: avoid;
}
.pr-export figure img { display: block; margin: 0 auto; max-height: 60vh; object-fit: contain; }
.pr-export figure a { text-decoration: none; }
.pr-export figcaption, .pr-export .figure-caption {
  margin-top: 0.6em;
  color: #5b6270;
  font: 0.78em/1.4 ${SANS};
  hyphens: manual;
  -webkit-hyphens: manual;
}

/* Bootstrap helpers press sites use in posts. */
.pr-export .mx-auto { margin-left: auto !important; margin-right: auto !important; }
.pr-export .d-block { display: block !important; }
.pr-export .w-100 { width: 100% !important; }
.pr-export .text-center { text-align: center; }
.pr-export .img-fluid { max-width: 100%; height: auto; }

/* Quotes as the preview shows them: a rule on the left, the speaker below. */
.pr-export blockquote {
  margin: 1.5em 0;
  padding: 0.15em 0 0.15em 1.1em;
  border-left: 3px solid #2e5bd0;
  font-style: italic;
  break-inside: avoid;
  page-break-inside: avoid;
}
.pr-export blockquote p { margin: 0 0 0.5em; }
.pr-export blockquote > :last-child { margin-bottom: 0; }
.pr-export blockquote cite, .pr-export blockquote footer {
  display: block;
  margin-top: 0.5em;
  color: #5b6270;
  font: normal 0.8em/1.4 ${SANS};
  hyphens: manual;
  -webkit-hyphens: manual;
}
.pr-export blockquote cite::before, .pr-export blockquote footer::before { content: '\\2014\\00a0'; }

/* Code and tables. */
.pr-export code, .pr-export kbd, .pr-export samp, .pr-export pre { font-family: ${MONO}; font-size: 0.84em; }
.pr-export code { background: #f1f2f4; padding: 0.1em 0.3em; border-radius: 3px; hyphens: none; -webkit-hyphens: none; }
.pr-export pre {
  background: #f5f6f8;
  border: 1px solid #e4e6ea;
  padding: 0.8em 1em;
  border-radius: 4px;
  line-height: 1.45;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  hyphens: none;
  -webkit-hyphens: none;
  break-inside: avoid;
  page-break-inside: avoid;
}
.pr-export pre code { background: none; padding: 0; font-size: 1em; }
.pr-export figure.highlight { text-align: left; }
.pr-export table { border-collapse: collapse; width: 100%; font: 0.8em/1.4 ${SANS}; }
.pr-export th, .pr-export td { border-bottom: 1px solid #dcdfe4; padding: 0.45em 0.7em; text-align: left; vertical-align: top; }
.pr-export thead th { border-bottom: 2px solid #1c1f26; font-weight: 700; }
.pr-export thead { display: table-header-group; }
.pr-export tr { break-inside: avoid; page-break-inside: avoid; }

.pr-export hr { border: 0; border-top: 1px solid #dcdfe4; margin: 2em 0; }
.pr-export sup, .pr-export sub { line-height: 0; }
.pr-export abbr[title] { text-decoration: underline dotted; }
.pr-export mark { background: #fdf3dc; color: inherit; }

/* Footnotes: small, at the end, under a short rule. */
.pr-export a.footnote { text-decoration: none; padding: 0 0.1em; }
.pr-export .footnotes {
  margin-top: 2.5em;
  padding-top: 0.8em;
  border-top: 1px solid #c9cdd4;
  color: #454b57;
  font-size: 0.8em;
  line-height: 1.45;
}
.pr-export .footnotes ol { padding-left: 1.4em; margin: 0; }
.pr-export .footnotes p { margin: 0 0 0.4em; }
.pr-export a.reversefootnote { text-decoration: none; }

/* Where a web image or a frame was: a note, never the thing. */
.pr-export .pr-export-note {
  display: inline-block;
  max-width: 100%;
  box-sizing: border-box;
  padding: 0.45em 0.8em;
  border: 1px dashed #a3a9b4;
  border-radius: 3px;
  color: #5b6270;
  font: normal 0.75em/1.4 ${SANS};
  text-align: left;
}

/* The closing block: boilerplate and press contact, as every release ends. */
.pr-export .pr-export-end {
  margin-top: 2.5em;
  padding-top: 1em;
  border-top: 2px solid #1c1f26;
  font-size: 0.88em;
  line-height: 1.5;
}
.pr-export .pr-export-end section { break-inside: avoid; page-break-inside: avoid; }
.pr-export .pr-export-end section + section { margin-top: 1.4em; }
.pr-export .pr-export-end-heading,
.pr-export .pr-export-end h1, .pr-export .pr-export-end h2, .pr-export .pr-export-end h3 {
  margin: 0 0 0.4em;
  color: #5b6270;
  font: 700 0.78em/1.3 ${SANS};
  letter-spacing: 0.08em;
  text-transform: uppercase;
  border: 0;
  padding: 0;
}
.pr-export .pr-export-end p { margin: 0 0 0.6em; }

@media screen and (max-width: 640px) {
  .pr-export { padding: 0; }
  .pr-export .pr-export-article { padding: 1.5em 1.1em 2.5em; border: 0; border-radius: 0; box-shadow: none; }
  .pr-export .pr-export-title { font-size: 1.5em; }
}

@media print {
  .pr-export { padding: 0; background: none; font-size: 10.5pt; line-height: 1.5; }
  .pr-export .pr-export-article { max-width: none; margin: 0; padding: 0; border: 0; border-radius: 0; box-shadow: none; background: none; }
  .pr-export .pr-export-title { font-size: 20pt; }
  .pr-export .pr-export-header figure img { max-height: 7cm; }
  .pr-export figure img { max-height: 16cm; }
  /* The way back from a footnote is a link for the screen; on paper it is a stray arrow. */
  .pr-export a.reversefootnote { display: none; }
  /* Links stay coloured and underlined (the PDF keeps them clickable); no address after them: long addresses in
     running text would wreck the paragraphs of a release, and a release names its sources in the text. */
  .pr-export a { color: #1d4fb8; text-decoration-color: rgba(29, 79, 184, 0.55); }
}
`;

/** The stylesheet plus the `@page` rule of one paper size, as the exported document's `<style>` carries it. */
export function exportStyles(pageSize: PageSize): string {
  const m = PAGE_MARGINS_MM;
  return `${PRINT_STYLESHEET}\n@page { size: ${pageSize === 'Letter' ? 'letter' : 'A4'}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }\n`;
}
