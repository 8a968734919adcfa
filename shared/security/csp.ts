/**
 * The one strict Content-Security-Policy and the hardening headers, shared by the Electron protocol handler
 * and the browser-mode server so both transports serve the renderer under the same rules.
 */

/**
 * The renderer's policy: only its own files run, no inline script or style, no plugins, no framing by others,
 * no forms posting anywhere. `blob:` frames and workers stay allowed for the sandboxed preview; `data:`/`blob:`
 * images for pasted or generated pictures. `https:`/`http:` images: the preview's srcdoc frame inherits this
 * policy, and a post's web images must load once the user clicks "Load remote content"; until then the frame's
 * own policy (renderer/features/preview/frame-shell.ts) allows only blob:/data: images, and the app itself
 * never shows a web image.
 */
export const CONTENT_SECURITY_POLICY: string = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "child-src 'self' blob:",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Powerful browser features the editor never uses, denied so injected content cannot ask for them. */
const DENIED_FEATURES = [
  'camera',
  'microphone',
  'geolocation',
  'display-capture',
  'usb',
  'serial',
  'hid',
  'bluetooth',
  'payment',
  'midi',
  'accelerometer',
  'gyroscope',
  'magnetometer',
];

/** Headers every response carries besides the CSP: no MIME sniffing, no referrer, no cross-origin sharing. */
export const HARDENING_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': DENIED_FEATURES.map((f) => `${f}=()`).join(', '),
});

/** The CSP plus the hardening headers, ready to set on a response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  ...HARDENING_HEADERS,
});
