/**
 * The preview frame's own document: a srcdoc shell with a Content-Security-Policy of its own (nothing but our
 * stylesheet and images we made; web images only after the user allowed them), no referrer, and an empty
 * article the app fills by DOM patching. The frame is sandboxed without scripts, so nothing in it ever runs.
 */

/** The `sandbox` of the preview frame: same origin so the app can patch its DOM; no scripts, forms, popups or navigation of the app. */
export const FRAME_SANDBOX = 'allow-same-origin';

/** The frame's Content-Security-Policy; `remote` adds web images (http/https) for a post the user allowed. */
export function frameCsp(styleOrigin: string | null, remote: boolean): string {
  const styles = ["'self'", ...(styleOrigin ? [styleOrigin] : [])].join(' ');
  return [
    "default-src 'none'",
    `img-src blob: data:${remote ? ' https: http:' : ''}`,
    `style-src ${styles}`,
    "font-src 'none'",
    "media-src 'none'",
    "connect-src 'none'",
    "script-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "worker-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The srcdoc of the frame: policy, no referrer, the stylesheet (an absolute URL of the app), an empty article. */
export function frameShell(opts: { stylesheet: string; remote: boolean; lang: string; theme: string }): string {
  let origin: string | null;
  try {
    const o = new URL(opts.stylesheet).origin;
    origin = o && o !== 'null' ? o : null;
  } catch {
    origin = null;
  }
  return [
    '<!doctype html>',
    `<html lang="${escapeAttr(opts.lang)}" data-theme="${escapeAttr(opts.theme)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(frameCsp(origin, opts.remote))}">`,
    '<meta name="referrer" content="no-referrer">',
    `<link rel="stylesheet" href="${escapeAttr(opts.stylesheet)}">`,
    '</head>',
    '<body><main class="pr-article" id="pr-article"></main></body>',
    '</html>',
  ].join('\n');
}
