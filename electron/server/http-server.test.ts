import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, type Handlers } from '../../shared/contract/contract';
import { AppFailure } from '../../shared/contract/errors';
import { MAX_CALL_BODY_BYTES, TOKEN_STORAGE_KEY } from '../../shared/contract/transport';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { createEventBus, type EventBus } from '../backend/event-bus';
import { type RunningHttpServer, startHttpServer } from './http-server';
import { REOPEN_SCRIPT_PATH } from './reopen-page';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const INDEX = '<!doctype html><title>Pressroom test renderer</title><script type="module" src="./assets/app.js"></script>';
let tmp: string;
let server: RunningHttpServer;
let bus: EventBus;
let subscribers = 0;
const calls: string[] = [];
const replies: Reply[] = [];
const logged: string[] = [];

function fakeHandlers(): Handlers {
  const all: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) {
    all[name] = async () => {
      calls.push(name);
      throw new AppFailure('not-supported', `${name} is not in this fake`);
    };
  }
  all['app.info'] = async () => {
    calls.push('app.info');
    return { name: 'Pressroom', version: '0.0.0-test', capabilities: { folderPicker: false } };
  };
  all['settings.get'] = async () => {
    calls.push('settings.get');
    throw new Error('a bug in a handler');
  };
  all['recent.remove'] = async (args) => {
    calls.push('recent.remove');
    throw new AppFailure('not-found', 'No such recent site', { path: (args as { path: string }).path });
  };
  all['document.save'] = async (args) => ({ version: `len-${(args as { text: string }).text.length}` });
  return all as unknown as Handlers;
}

/** The header the page sends its token in, as the renderer's transport sends it. */
function auth(token = server.token): Record<string, string> {
  return { 'X-Pressroom-Token': token };
}

/**
 * One request over real HTTP with exactly the headers given, plus the right Host and the token header unless
 * told otherwise (`token: null` sends none, a string sends that one); `cookie` adds a Cookie header.
 */
function request(
  target: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; token?: string | null; cookie?: string; host?: string | null } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.host !== null) headers.Host = opts.host ?? `127.0.0.1:${server.port}`;
  if (opts.token !== null) Object.assign(headers, auth(opts.token ?? server.token));
  if (opts.cookie !== undefined) headers.Cookie = opts.cookie;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: target, method: opts.method ?? 'GET', headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const reply = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
        replies.push(reply);
        resolve(reply);
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

function post(name: string, body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }): Promise<Reply> {
  return request(`/api/call/${name}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** Sends raw bytes on a socket and returns the status line and the rest of the answer. */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.on('data', (c) => (got += c.toString('utf8')));
    socket.on('end', () => resolve(got));
    socket.on('error', reject);
    setTimeout(() => {
      socket.destroy();
      resolve(got);
    }, 1000);
  });
}

beforeAll(async () => {
  tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pressroom-http-'));
  const renderer = path.join(tmp, 'renderer');
  await fs.promises.mkdir(path.join(renderer, 'assets'), { recursive: true });
  await fs.promises.writeFile(path.join(renderer, 'index.html'), INDEX);
  await fs.promises.writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log("renderer");');
  await fs.promises.writeFile(path.join(tmp, 'package.json'), '{"secret": "outside the renderer"}');
  const realBus = createEventBus();
  bus = {
    emit: (name, payload) => realBus.emit(name, payload),
    subscribe: (listener) => {
      subscribers++;
      const off = realBus.subscribe(listener);
      return () => {
        subscribers--;
        off();
      };
    },
  };
  server = await startHttpServer({ handlers: fakeHandlers(), bus, rendererDir: renderer, heartbeatMs: 100, log: (m) => logged.push(m) });
});

afterAll(async () => {
  await server?.close();
  if (tmp) await fs.promises.rm(tmp, { recursive: true, force: true });
});

describe('the token', () => {
  it('the printed address serves the page itself, setting no cookie and redirecting nowhere', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{32}$/);
    const first = await request(`/?token=${server.token}&site=%2Fhome%2Fme%2Fsite`, { token: null });
    expect(first.status).toBe(200);
    expect(first.headers.location).toBeUndefined();
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.body).toBe(INDEX);
    // The address keeps working for the life of the server: a second tab, or the same one opened again.
    expect((await request(`/?token=${server.token}`, { token: null })).body).toBe(INDEX);
    const page = await request('/', { headers: auth() });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
  });

  it('refuses requests without the token or with a wrong one, and shows nothing of the app', async () => {
    const none = await request('/', { token: null });
    expect(none.status).toBe(401);
    const wrongHeader = await request('/', { token: '0'.repeat(32) });
    expect(wrongHeader.status).toBe(403);
    const wrongQuery = await request(`/?token=${'f'.repeat(32)}`, { token: null });
    expect(wrongQuery.status).toBe(403);
    expect(wrongQuery.headers['set-cookie']).toBeUndefined();
    const shortQuery = await request('/?token=abc', { token: null });
    expect(shortQuery.status).toBe(403);
    const twice = await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Pressroom-Token: ${server.token}\r\nX-Pressroom-Token: ${'0'.repeat(32)}\r\nConnection: close\r\n\r\n`);
    expect(twice.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
    expect(twice).not.toContain('Pressroom test renderer');
    for (const r of [none, wrongHeader, wrongQuery, shortQuery]) expect(r.body).not.toContain('Pressroom test renderer');
    const asset = await request('/assets/app.js', { token: null });
    expect(asset.status).toBe(401);
    expect(asset.body).not.toContain('renderer');
  });

  it('refuses the token as a cookie: the browser would hand a cookie to every other server on 127.0.0.1 too', async () => {
    const before = calls.length;
    for (const name of ['pressroom_token', `pressroom_token_${server.port}`, 'token']) {
      const cookie = `${name}=${server.token}`;
      expect((await request('/', { token: null, cookie })).status, name).toBe(401);
      expect((await request('/assets/app.js', { token: null, cookie })).status, name).toBe(401);
      expect((await request('/api/call/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', token: null, cookie })).status, name).toBe(401);
      expect((await request('/api/events', { token: null, cookie })).status, name).toBe(401);
    }
    expect(calls.length).toBe(before);
  });

  it('refuses calls and events without the token, and never takes it from the address of a call or the stream', async () => {
    const before = calls.length;
    const call = await request('/api/call/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', token: null });
    expect(call.status).toBe(401);
    const events = await request('/api/events', { token: null });
    expect(events.status).toBe(401);
    const inAddress = await request(`/api/call/app.info?token=${server.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', token: null });
    expect(inAddress.status).toBe(401);
    expect((await request(`/api/events?token=${server.token}`, { token: null })).status).toBe(401);
    expect(calls.length).toBe(before);
  });

  it('a reload of the stripped address gets a refusal whose only script returns to the address with the tab’s token', async () => {
    const reload = await request('/', { token: null, headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' } });
    expect(reload.status).toBe(401);
    expect(reload.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reload.body).toContain(`<script src="${REOPEN_SCRIPT_PATH}"></script>`);
    expect(reload.body).toContain('open the address printed in the terminal');
    expect(reload.body).not.toContain('Pressroom test renderer');
    const script = await request(REOPEN_SCRIPT_PATH, { token: null });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('sessionStorage');
    expect(script.body).toContain(JSON.stringify(TOKEN_STORAGE_KEY));
    expect(script.body).not.toContain(server.token);
  });

  it('serves the page’s own script, style and worker files to its subresource requests, but never the page or a call', async () => {
    const own = { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'script' };
    expect((await request('/assets/app.js', { token: null, headers: own })).status).toBe(200);
    expect((await request('/assets/app.js', { token: null, headers: { ...own, 'Sec-Fetch-Dest': 'worker' } })).status).toBe(200);
    expect((await request('/assets/app.js', { token: null, headers: { ...own, 'Sec-Fetch-Dest': 'empty' } })).status).toBe(401);
    expect((await request('/assets/app.js', { token: null, headers: { ...own, 'Sec-Fetch-Site': 'same-site' } })).status).toBe(403);
    for (const target of ['/', '/index.html']) expect((await request(target, { token: null, headers: own })).body).not.toContain('Pressroom test renderer');
    const before = calls.length;
    expect((await request('/api/events', { token: null, headers: own })).status).toBe(401);
    expect((await request('/api/call/app.info', { method: 'POST', headers: { ...own, 'Content-Type': 'application/json' }, body: '{}', token: null })).status).toBe(401);
    expect(calls.length).toBe(before);
  });

  it('lets the private opener file (a file:// page, so cross-site) navigate to the address with the token, and nothing else cross-site', async () => {
    const opener = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' };
    const page = await request(`/?token=${server.token}`, { token: null, headers: opener });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
    expect((await request(`/?token=${'f'.repeat(32)}`, { token: null, headers: opener })).status).toBe(403);
    expect((await request('/', { headers: opener })).status).toBe(403);
    expect((await request(`/assets/app.js?token=${server.token}`, { token: null, headers: opener })).status).toBe(403);
    expect((await request(`/?token=${server.token}`, { token: null, headers: { ...opener, 'Sec-Fetch-Dest': 'iframe' } })).status).toBe(403);
  });

  it('never redirects, so no spelling of the address can send the browser to another server', async () => {
    const r = await request(`//evil.example/?token=${server.token}`, { token: null });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.headers.location).toBeUndefined();
    const backslash = await request(`/\\evil.example/?token=${server.token}`, { token: null });
    expect(backslash.status).toBeGreaterThanOrEqual(400);
    expect(backslash.headers.location).toBeUndefined();
  });
});

describe('where a request comes from', () => {
  it('refuses a Host other than 127.0.0.1 or localhost on our port (DNS rebinding)', async () => {
    expect((await request('/', { host: `attacker.example:${server.port}` })).status).toBe(403);
    expect((await request('/', { host: '127.0.0.1' })).status).toBe(403);
    expect((await request('/', { host: `127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await request('/', { host: null })).status).toBe(403);
    expect((await request('/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a foreign or null Origin and any cross-site fetch', async () => {
    const before = calls.length;
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
      const r = await post('app.info', {}, { 'Content-Type': 'application/json', Origin: origin });
      expect(r.status, origin).toBe(403);
    }
    for (const site of ['cross-site', 'same-site']) {
      const r = await request('/', { headers: { 'Sec-Fetch-Site': site } });
      expect(r.status, site).toBe(403);
    }
    expect(calls.length).toBe(before);
    const own = await post('app.info', {}, { 'Content-Type': 'application/json', Origin: `http://localhost:${server.port}`, 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(200);
    expect((await request('/', { headers: { 'Sec-Fetch-Site': 'none' } })).status).toBe(200);
  });
});

describe('calls', () => {
  it('answers a call with its JSON Result, never cached', async () => {
    const r = await post('app.info', {});
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { name: 'Pressroom', version: '0.0.0-test', capabilities: { folderPicker: false } } });
  });

  it('validates arguments and names before a handler runs', async () => {
    const before = calls.length;
    const bad = JSON.parse((await post('app.info', { extra: 1 })).body);
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid-arguments');
    const unknown = JSON.parse((await post('no.such', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    const proto = JSON.parse((await post('__proto__', {})).body);
    expect(proto.error.code).toBe('unknown-call');
    expect(calls.length).toBe(before);
  });

  it('turns service failures into data and survives a handler that throws', async () => {
    const failure = JSON.parse((await post('recent.remove', { path: '/gone' })).body);
    expect(failure).toEqual({ ok: false, error: { code: 'not-found', message: 'No such recent site', path: '/gone' } });
    const bug = await post('settings.get', {});
    expect(bug.status).toBe(200);
    expect(JSON.parse(bug.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged.some((m) => m.includes('a bug in a handler'))).toBe(true);
    expect((await post('app.info', {})).status).toBe(200);
  });

  it('refuses a body that is not JSON, or not sent as JSON', async () => {
    const text = await post('app.info', '{}', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
    const form = await post('app.info', 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const broken = await post('app.info', '{"a":', { 'Content-Type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.code).toBe('invalid-arguments');
    const charset = await post('app.info', '{}', { 'Content-Type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(200);
  });

  it('only POST reaches a call', async () => {
    expect((await request('/api/call/app.info')).status).toBe(405);
    expect((await request('/api/call')).status).toBe(405);
    expect((await request('/api/call/app.info', { method: 'PUT', body: '{}' })).status).toBe(405);
  });

  it('refuses a body larger than the bound, declared or streamed', async () => {
    const declared = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/call/document.save',
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_CALL_BODY_BYTES + 1), ...auth() },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.code).toBe('too-large');

    const streamed = await new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/api/call/document.save', method: 'POST', headers: { 'Content-Type': 'application/json', ...auth() } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', () => undefined);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent <= MAX_CALL_BODY_BYTES + chunk.length) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expect(streamed).toBe(413);
    expect((await post('app.info', {})).status).toBe(200);
  });
});

describe('events', () => {
  it('streams bus events as SSE with heartbeats and unsubscribes when the tab goes', async () => {
    const before = subscribers;
    const got: string[] = [];
    const req = http.request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { ...auth() } });
    const res = await new Promise<http.IncomingMessage>((resolve) => {
      req.on('response', resolve);
      req.end();
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    res.on('data', (c: Buffer) => got.push(c.toString('utf8')));
    await new Promise((r) => setTimeout(r, 50));
    expect(subscribers).toBe(before + 1);
    bus.emit('file.changed', { site: '/s', path: '_posts/a\nb.md', kind: 'changed' });
    bus.emit('progress', { id: 'p1', label: 'progress.scanning', done: 1, total: 2, finished: false });
    await new Promise((r) => setTimeout(r, 250));
    const text = got.join('');
    expect(text).toContain('event: file.changed\ndata: {"site":"/s","path":"_posts/a\\nb.md","kind":"changed"}\n\n');
    expect(text).toContain('event: progress\ndata: {"id":"p1","label":"progress.scanning","done":1,"total":2,"finished":false}\n\n');
    expect(text).toContain(': heartbeat\n\n');
    req.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(subscribers).toBe(before);
  });

  it('needs GET', async () => {
    expect((await request('/api/events', { method: 'POST', body: '' })).status).toBe(405);
  });
});

describe('static files', () => {
  it('serves the renderer files with their types', async () => {
    const js = await request('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request('/index.html')).body).toBe(INDEX);
    const head = await request('/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('never serves anything outside the renderer, however the path is spelled', async () => {
    for (const target of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '//etc/passwd', '/%2F%2Fetc/passwd', '/nope.js', '/assets', '/assets/', '/%E0%A4%A', '/index.html%00']) {
      const r = await request(target);
      expect(r.status, target).toBe(404);
      expect(r.body, target).not.toContain('outside the renderer');
    }
  });

  it('answers an absolute-form request target with 404, and a foreign Host in it with 403', async () => {
    const tokenLine = `X-Pressroom-Token: ${server.token}`;
    const own = await raw(`GET http://evil/ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${tokenLine}\r\nConnection: close\r\n\r\n`);
    expect(own.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    const file = await raw(`GET http://127.0.0.1:${server.port}/../package.json HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${tokenLine}\r\nConnection: close\r\n\r\n`);
    expect(file.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(file).not.toContain('outside the renderer');
    const noHost = await raw(`GET / HTTP/1.0\r\n${tokenLine}\r\n\r\n`);
    expect(noHost.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
    const evil = await raw(`GET http://evil/ HTTP/1.1\r\nHost: evil\r\n${tokenLine}\r\nConnection: close\r\n\r\n`);
    expect(evil.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
  });
});

describe('headers', () => {
  it('OPTIONS is refused without any CORS header, even from our own origin', async () => {
    const r = await request('/api/call/app.info', {
      method: 'OPTIONS',
      headers: { Origin: `http://127.0.0.1:${server.port}`, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(r.status).toBe(405);
  });

  it('every response carries the CSP and hardening headers and never an Access-Control-* header', async () => {
    await request('/', { token: null });
    await request('/nope');
    expect(replies.length).toBeGreaterThan(30);
    for (const r of replies) {
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(r.headers['permissions-policy']).toContain('camera=()');
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('closing', () => {
  it('close() ends open event streams and stops listening', async () => {
    const extra = await startHttpServer({ handlers: fakeHandlers(), bus: createEventBus(), rendererDir: path.join(tmp, 'renderer') });
    const ended = new Promise<void>((resolve) => {
      http.get({ host: '127.0.0.1', port: extra.port, path: '/api/events', headers: auth(extra.token) }, (res) => {
        res.resume();
        res.on('close', () => resolve());
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    await extra.close();
    await ended;
    await expect(fetch(`${extra.origin}/`)).rejects.toThrow();
  });
});
