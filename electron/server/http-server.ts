/**
 * Browser mode's transport: a loopback-only HTTP server that serves the built renderer and carries the
 * contract's calls (`POST /api/call/<name>`) and events (SSE at `/api/events`). Any local program or web page
 * can reach 127.0.0.1, so every request must show the token, name our own host (no DNS rebinding) and come
 * from our own origin; nothing is ever shared cross-origin.
 */
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import fs from 'node:fs/promises';
import { type Handlers } from '../../shared/contract/contract';
import { fail, type Result, messageOf } from '../../shared/contract/errors';
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, MAX_CALL_BODY_BYTES, TOKEN_COOKIE, TOKEN_QUERY } from '../../shared/contract/transport';
import { SECURITY_HEADERS } from '../../shared/security/csp';
import { type EventBus } from '../backend/event-bus';
import { invokeCall } from '../backend/invoke';
import { buildStaticMap, lookupStatic, type StaticFileMap } from './static-files';
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

/**
 * The cookie that keeps the token. Cookies ignore ports, so the name carries the port: two Pressroom
 * servers on one machine then never overwrite each other's cookie in the same browser.
 */
export function tokenCookieName(port: number): string {
  return `${TOKEN_COOKIE}_${port}`;
}

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

/** Reads the values of one cookie name from a Cookie header (browsers may send the same name twice). */
function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
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
  let port = 0;
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  function isAuthorized(req: http.IncomingMessage): 'ok' | 'missing' | 'wrong' {
    const presented = cookieValues(req.headers.cookie, tokenCookieName(port));
    if (presented.length === 0) return 'missing';
    return presented.some((v) => tokensEqual(token, v)) ? 'ok' : 'wrong';
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
    const fetchSite = req.headers['sec-fetch-site'];
    // 'same-site' is refused too: another server on localhost (any port) is the same site as us.
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return sendText(res, 403, 'Forbidden: cross-site request.');
    if (req.method === 'OPTIONS') return sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD, POST' });

    const target = req.url ?? '';
    // Only origin-form targets (`/path?query`); absolute-form (`http://evil/`) and `*` name nothing here.
    if (!target.startsWith('/')) return sendText(res, 404, 'Not found.');
    const q = target.indexOf('?');
    const pathname = q === -1 ? target : target.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : target.slice(q + 1));

    if ((req.method === 'GET' || req.method === 'HEAD') && query.has(TOKEN_QUERY)) {
      if (!tokensEqual(token, query.get(TOKEN_QUERY))) return sendText(res, 403, 'Forbidden: this address has a wrong token.');
      query.delete(TOKEN_QUERY);
      // Never let the redirect leave: `//host` or `/\host` would be read as another server.
      const safePath = pathname === '/' || /^\/[^/\\]/.test(pathname) ? pathname : '/';
      const rest = query.toString();
      return send(res, 302, {
        ...NO_STORE,
        Location: rest ? `${safePath}?${rest}` : safePath,
        'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Content-Length': 0,
      });
    }
    const auth = isAuthorized(req);
    if (auth === 'missing') return sendText(res, 401, 'Pressroom: open the address printed in the terminal where Pressroom started (it carries the token).');
    if (auth === 'wrong') return sendText(res, 403, 'Pressroom: this browser holds an old token; open the address printed in the terminal again.');

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
      log(`pressroom: request ${req.method} ${String(req.url).slice(0, 200)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
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
  port = (server.address() as AddressInfo).port;
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
