/**
 * Serves the renderer to the Electron window as `app://pressroom/<path>`. Files are looked up in a map made
 * once at start (never by joining a request path to a folder), and every answer carries the strict CSP.
 * The request → response logic takes no Electron objects, so it is tested directly.
 */
import fs from 'node:fs';
import { SECURITY_HEADERS } from '../../shared/security/csp';
import { buildStaticMap, lookupStatic, type StaticFileMap } from '../server/static-files';
import { APP_HOST, APP_SCHEME } from './ipc';
import { messageOf } from '../../shared/contract/errors';

/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The privileges the app scheme needs (registered before `ready`): a standard, secure origin that can fetch. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** A request as far as the handler cares. */
export interface AppRequest {
  url: string;
  method: string;
}

/** A response as plain data; `toWebResponse` turns it into what `protocol.handle` returns. */
export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/** The part of Electron's `protocol` module this file uses, so tests can pass a fake. */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

const MISSING_BUILD_MESSAGE = 'Pressroom cannot find its window files. Run "npm run build" and start it again.\n';

function textResponse(status: number, message: string, extra: Record<string, string> = {}): AppResponse {
  return {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
    body: new TextEncoder().encode(message),
  };
}

/** A path whose last segment has no dot is a page of the single-page app, not a file: it gets index.html. */
function looksLikeAppRoute(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/**
 * Creates the handler for `app://` requests over a precomputed file map. Only GET and HEAD on the app's
 * host are answered; unknown paths are 404, and nothing outside the map can ever be read.
 */
export function createAppRequestHandler(
  files: StaticFileMap,
  readFile: (filePath: string) => Promise<Uint8Array> = (p) => fs.promises.readFile(p),
): (request: AppRequest) => Promise<AppResponse> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad request.\n');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(404, 'Not found.\n');
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed.\n', { Allow: 'GET, HEAD' });
    try {
      decodeURIComponent(url.pathname);
    } catch {
      return textResponse(400, 'Bad request.\n');
    }
    let file = lookupStatic(files, url.pathname);
    if (!file && looksLikeAppRoute(url.pathname)) file = files.get('/index.html');
    if (!file) {
      if (files.size === 0) return textResponse(404, MISSING_BUILD_MESSAGE);
      return textResponse(404, 'Not found.\n');
    }
    let body: Uint8Array;
    try {
      body = await readFile(file.filePath);
    } catch {
      return textResponse(404, 'Not found.\n');
    }
    return {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': file.contentType,
        'Content-Length': String(body.byteLength),
        'Cache-Control': 'no-cache',
      },
      body: method === 'HEAD' ? null : body,
    };
  };
}

/** Lists the built renderer once; a missing build gives an empty map, so the window shows how to fix it. */
export function loadRendererFiles(rendererDir: string): StaticFileMap {
  try {
    return buildStaticMap(rendererDir);
  } catch (error) {
    const reason = messageOf(error);
    console.error(`pressroom: cannot list the renderer files in ${rendererDir} (run "npm run build"): ${reason}`);
    return new Map();
  }
}

/** Turns plain response data into a web `Response` for `protocol.handle`. */
export function toWebResponse(response: AppResponse): Response {
  const body = response.body === null ? null : new Uint8Array(response.body);
  return new Response(body, { status: response.status, headers: response.headers });
}

/** Registers the `app:` scheme's handler (after `ready`); the scheme itself is made privileged in main.ts. */
export function registerAppProtocol(protocol: ProtocolLike, files: StaticFileMap): void {
  const handle = createAppRequestHandler(files);
  protocol.handle(APP_SCHEME, async (request) => toWebResponse(await handle({ url: request.url, method: request.method })));
}
