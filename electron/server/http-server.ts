/**
 * Browser mode's transport: a loopback-only HTTP server that serves the built renderer and carries the
 * contract's calls (`POST /api/call/<name>`) and events (SSE at `/api/events`). Any local program or web page
 * can reach 127.0.0.1, so every request must show the token, name our own host (no DNS rebinding) and come
 * from our own origin; nothing is ever shared cross-origin.
 *
 * The token never travels in a cookie (cookies ignore ports, so the browser would hand it to every other server
 * on 127.0.0.1). The page is opened with the token in its address (`/?token=…`, printed in the terminal, or
 * reached through the private opener file); the page moves it into the tab's sessionStorage, strips it from the
 * address bar and sends it as the `X-Pressroom-Token` header on every call and on the event stream. A reload of
 * the stripped address gets a refusal page whose one script (`/pressroom-reopen.js`) returns to `/?token=…` from
 * that tab's storage. The renderer's own script, style and font files are served to the page's own subresource
 * requests (same-origin, as the browser marks them) without the token: they are the app's public code, the
 * same bytes as in its install folder, and they hold no site data.
 */
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import fs from 'node:fs/promises';
import { type Handlers } from '../../shared/contract/contract';
import { fail, type Result, messageOf } from '../../shared/contract/errors';
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, MAX_CALL_BODY_BYTES, TOKEN_HEADER, TOKEN_QUERY } from '../../shared/contract/transport';
import { SECURITY_HEADERS } from '../../shared/security/csp';
import { type EventBus } from '../backend/event-bus';
import { invokeCall } from '../backend/invoke';
import { buildStaticMap, lookupStatic, type StaticFileMap } from './static-files';
import { REOPEN_PAGE, REOPEN_SCRIPT, REOPEN_SCRIPT_PATH } from './reopen-page';
import { createToken, tokensEqual } from './token';

/** How often an idle event stream gets a comment line, so proxies and browsers keep it open. */
export const SSE_HEARTBEAT_MS = 15_000;

/** What starting the server needs. `heartbeatMs` and `maxBodyBytes` exist for tests; leave them unset. */
export interface HttpServerOptions {
  handlers: Handlers;
  bus: EventBus;
  rendererDir: string;
  port?: number;
  log?: (message: string) => void;
  heartbeatMs?: number;
  maxBodyBytes?: number;
}

/** A running browser-mode server. `url` is the first address (with the token); `close` ends open streams too. */
export interface RunningHttpServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** The addresses of the page itself: a navigation cannot send a header, so these take the token from the query. */
const PAGE_PATHS = new Set(['/', '/index.html']);

/** What a browser marks a page's own script, style, font, image or worker request with (never a navigation nor a fetch). */
const SUBRESOURCE_DESTS = new Set(['script', 'style', 'font', 'image', 'worker', 'sharedworker', 'manifest']);

type Auth = 'ok' | 'missing' | 'wrong';

const NO_STORE = { 'Cache-Control': 'no-store' };

function send(res: http.ServerResponse, status: number, headers: Record<string, string | number>, body?: string | Buffer): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, headers);
  res.end(body);
}

function sendText(res: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  send(res, status, { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8', ...extra }, `${text}\n`);
}

function sendJson(res: http.ServerResponse, status: number, value: Result<unknown>, extra: Record<string, string> = {}): void {
  let body: string;
  try {
    body = JSON.stringify(value);
  } catch (error) {
    status = 500;
    body = JSON.stringify(fail('internal', `The answer could not be sent: ${messageOf(error)}`));
  }
  send(res, status, { ...NO_STORE, 'Content-Type': 'application/json; charset=utf-8', ...extra }, body);
}

/** Hides the token in a request target before it is logged: the terminal log is the only place it could land. */
function redactTarget(target: string | undefined): string {
  return String(target).slice(0, 200).replace(/([?&]token=)[^&#]*/gi, '$1…');
}

/** Reads a request body up to `max` bytes; resolves 'too-large' as soon as it would pass the bound. */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        settled = true;
        req.off('data', onData);
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks));
      settled = true;
    });
    req.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
  });
}

/** Starts the browser-mode server on 127.0.0.1 (port 0 = a free one) with a fresh token. */
export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const heartbeatMs = opts.heartbeatMs ?? SSE_HEARTBEAT_MS;
  const maxBody = opts.maxBodyBytes ?? MAX_CALL_BODY_BYTES;
  const files: StaticFileMap = buildStaticMap(opts.rendererDir);
  const token = createToken();
  const streams = new Set<http.ServerResponse>();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  /** The token header (never a cookie); sent twice it is refused, so a proxy cannot smuggle a second one in. */
  function headerAuth(req: http.IncomingMessage): Auth {
    const presented = req.headers[TOKEN_HEADER.toLowerCase()];
    if (presented === undefined) return 'missing';
    return tokensEqual(token, presented) ? 'ok' : 'wrong';
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'POST') return sendText(res, 405, 'Calls are POST requests.', { Allow: 'POST' });
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== 'application/json') return sendJson(res, 415, fail('invalid-arguments', 'A call must be sent as application/json.'));
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = fail('too-large', `The call is larger than ${maxBody} bytes.`);
    if (declared > maxBody) return sendJson(res, 413, tooLarge, { Connection: 'close' });
    const body = await readBody(req, maxBody);
    if (body === 'too-large') return sendJson(res, 413, tooLarge, { Connection: 'close' });
    let args: unknown;
    try {
      args = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, fail('invalid-arguments', 'The call arguments are not valid JSON.'));
    }
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice(HTTP_CALL_PREFIX.length));
    } catch {
      name = pathname.slice(HTTP_CALL_PREFIX.length);
    }
    const result = await invokeCall(opts.handlers, name, args, (m, e) => log(`${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    sendJson(res, 200, result);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET') return sendText(res, 405, 'The event stream is a GET request.', { Allow: 'GET' });
    res.writeHead(200, { ...NO_STORE, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = opts.bus.subscribe((message) => {
      let data: string;
      try {
        data = JSON.stringify(message.payload ?? null);
      } catch (error) {
        log(`pressroom: event ${String(message.name)} could not be sent: ${String(error)}`);
        return;
      }
      res.write(`event: ${String(message.name).replace(/[\r\n]/g, '')}\ndata: ${data}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const cleanup = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    res.on('close', cleanup);
    res.on('error', cleanup);
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    const file = lookupStatic(files, pathname);
    if (!file) return sendText(res, 404, 'Not found.');
    let content: Buffer;
    try {
      content = await fs.readFile(file.filePath);
    } catch {
      return sendText(res, 404, 'Not found.');
    }
    const headers = { ...NO_STORE, 'Content-Type': file.contentType, 'Content-Length': content.length };
    send(res, 200, headers, req.method === 'HEAD' ? undefined : content);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    // The Host must name us: a page whose own domain was re-pointed at 127.0.0.1 (DNS rebinding) names its domain.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) return sendText(res, 403, 'Forbidden: wrong Host.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return sendText(res, 403, 'Forbidden: foreign origin.');
    const target = req.url ?? '';
    // Only origin-form targets (`/path?query`); absolute-form (`http://evil/`) and `*` name nothing here.
    const q = target.indexOf('?');
    const pathname = !target.startsWith('/') ? '' : q === -1 ? target : target.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : target.slice(q + 1));
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    const pageWithToken = isRead && PAGE_PATHS.has(pathname) && query.has(TOKEN_QUERY);
    const fetchSite = req.headers['sec-fetch-site'];
    // 'same-site' is refused too: another server on localhost (any port) is the same site as us. The one
    // cross-site request let through is a top-level navigation to the page's address with the token in it: the
    // private opener file (a file:// page) leads there, and only whoever saw the token can make it.
    const openerNavigation = pageWithToken && req.headers['sec-fetch-mode'] === 'navigate' && req.headers['sec-fetch-dest'] === 'document';
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none' && !(fetchSite === 'cross-site' && openerNavigation)) {
      return sendText(res, 403, 'Forbidden: cross-site request.');
    }
    if (req.method === 'OPTIONS') return sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD, POST' });
    if (!pathname) return sendText(res, 404, 'Not found.');
    // The reopen script is the same public bytes for everyone and carries nothing of the app or the site.
    if (pathname === REOPEN_SCRIPT_PATH && isRead) return send(res, 200, { ...NO_STORE, 'Content-Type': 'text/javascript; charset=utf-8' }, req.method === 'HEAD' ? undefined : REOPEN_SCRIPT);

    let auth = headerAuth(req);
    if (auth === 'missing' && pageWithToken) auth = tokensEqual(token, query.get(TOKEN_QUERY)) ? 'ok' : 'wrong';
    const ownSubresource = fetchSite === 'same-origin' && SUBRESOURCE_DESTS.has(String(req.headers['sec-fetch-dest']));
    if (auth === 'missing' && ownSubresource && isRead && !PAGE_PATHS.has(pathname) && !pathname.startsWith('/api/')) auth = 'ok';
    if (auth === 'missing' && isRead && PAGE_PATHS.has(pathname)) {
      return send(res, 401, { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' }, req.method === 'HEAD' ? undefined : REOPEN_PAGE);
    }
    if (auth === 'missing') return sendText(res, 401, 'Pressroom: open the address printed in the terminal where Pressroom started (it carries the token).');
    if (auth === 'wrong' && pageWithToken) return sendText(res, 403, 'Forbidden: this address has a wrong or old token (a restarted Pressroom has a new one); open the address printed in the terminal.');
    if (auth === 'wrong') return sendText(res, 403, 'Pressroom: this tab holds an old token; open the address printed in the terminal again.');

    if (pathname.startsWith(HTTP_CALL_PREFIX)) return handleCall(req, res, pathname);
    if (pathname === HTTP_CALL_PREFIX.slice(0, -1)) return sendText(res, 405, 'Calls are POST requests to /api/call/<name>.', { Allow: 'POST' });
    if (pathname === HTTP_EVENTS_PATH) return handleEvents(req, res);
    if (pathname.startsWith('/api/')) return sendText(res, 404, 'Not found.');
    return handleStatic(req, res, pathname);
  }

  // requireHostHeader off: a missing Host then gets our own 403 with the security headers, not node's bare 400.
  const server = http.createServer({ requireHostHeader: false }, (req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    handle(req, res).catch((error: unknown) => {
      log(`pressroom: request ${req.method} ${redactTarget(req.url)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The server failed to answer.'));
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: opts.port ?? 0, host: '127.0.0.1' }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  server.on('error', (error) => log(`pressroom: server error: ${String(error)}`));

  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?${TOKEN_QUERY}=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
