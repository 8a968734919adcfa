/**
 * Which images the preview may show, by file name and by the bytes themselves: a file must be what its name
 * says, so a renamed script or document is never handed to the preview as a picture.
 */

/** The image kinds the preview shows, by lower-case extension. */
export const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = Object.freeze({
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
  svg: 'image/svg+xml',
});

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** True when the text is an SVG document: optional BOM, XML declaration, comments and doctype, then `<svg`. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\ufeff/, '');
  const rest = head.replace(/^\s*(<\?xml[^>]*\?>\s*)?((<!--[^]*?-->|<!DOCTYPE[^>]*>)\s*)*/i, '');
  return /^<svg[\s>]/i.test(rest);
}

/** The MIME type the bytes are, among the preview's image kinds; null for anything else. */
export function sniffImage(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('ftyp'), 4) && (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8))) return 'image/avif';
  if (startsWith(bytes, ascii('BM'))) return 'image/bmp';
  if (startsWith(bytes, [0, 0, 1, 0])) return 'image/x-icon';
  if (looksLikeSvg(bytes)) return 'image/svg+xml';
  return null;
}

/** The MIME type a file name promises, or null when its extension is not an image the preview shows. */
export function imageTypeOfName(name: string): string | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? (IMAGE_EXTENSIONS[m[1].toLowerCase()] ?? null) : null;
}
