/**
 * The renderer's files for browser mode, listed once at start. A request path is only ever looked up in
 * this map, never joined to a folder, so no spelling of `..`, encoded or not, can reach another file.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One servable file: where it is on disk and how to label it. */
export interface StaticFile {
  filePath: string;
  contentType: string;
  size: number;
}

/** URL path (decoded, starting with `/`) → file. */
export type StaticFileMap = ReadonlyMap<string, StaticFile>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown kinds are plain bytes (and nosniff keeps them so). */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Lists every regular file under `rootDir` (symlinks are skipped so none can point outside) as a map
 * from its URL path to the file. Built once at server start.
 */
export function buildStaticMap(rootDir: string): Map<string, StaticFile> {
  const map = new Map<string, StaticFile>();
  const walk = (dir: string, urlPrefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const url = `${urlPrefix}/${entry.name}`;
      if (entry.isDirectory()) walk(full, url);
      else if (entry.isFile()) map.set(url, { filePath: full, contentType: contentTypeFor(entry.name), size: fs.statSync(full).size });
    }
  };
  walk(rootDir, '');
  return map;
}

/**
 * Finds the file for a request's path (the part before `?`, still percent-encoded). `/` is index.html.
 * Returns undefined for anything not in the map, including every traversal attempt.
 */
export function lookupStatic(map: StaticFileMap, rawPathname: string): StaticFile | undefined {
  if (rawPathname === '/') return map.get('/index.html');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return undefined;
  }
  return map.get(decoded);
}
