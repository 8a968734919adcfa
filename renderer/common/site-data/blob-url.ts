/** Pictures from main arrive as base64; the renderer shows them as blob: URLs (never a path the page could load by itself). */

/** A blob: URL for the bytes in `base64`; whoever makes one revokes it (the site-data image resource does). */
export function toBlobUrl(base64: string, mime: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}
