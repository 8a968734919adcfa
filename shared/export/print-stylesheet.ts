/**
 * The one stylesheet of exported posts: the standalone HTML file (screen and print), the PDF of both engines and
 * printing from the browser in browser mode. Every rule is scoped under `.pr-export` (the exported body, or the
 * print container in the app) so it can be adopted by the app's document without touching the app.
 */

/** The stylesheet (placeholder until the print-stylesheet work lands). */
export const PRINT_STYLESHEET = `.pr-export { font-family: serif; }`;
