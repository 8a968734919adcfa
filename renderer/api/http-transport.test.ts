import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from './client';
import { createHttpTransport, type EventSourceLike } from './http-transport';

interface Seen {
  method?: string;
  url?: string;
  type?: string;
  body?: string;
}

let server: http.Server;
let base = '';
const seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body });
      if (req.url === '/api/call/app.info') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, value: { name: 'Pressroom' } }));
      } else if (req.url === '/api/call/site.open') {
        res.writeHead(200).end(JSON.stringify({ ok: false, error: { code: 'not-a-site', message: 'No _config.yml here', path: '/x' } }));
      } else if (req.url === '/api/call/recent.list') {
        res.writeHead(403).end('Pressroom: this browser holds an old token');
      } else if (req.url === '/api/call/settings.get') {
        res.writeHead(502).end('<html>Bad gateway</html>');
      } else {
        res.writeHead(404).end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createHttpTransport', () => {
  it('posts each call as JSON to /api/call/<name> and returns the Result', async () => {
    const api = createApi(createHttpTransport({ base }));
    expect(await api['app.info']({})).toEqual({ ok: true, value: { name: 'Pressroom' } });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/call/app.info', type: 'application/json', body: '{}' });
    const failed = await api['site.open']({ path: '/x' });
    expect(failed).toEqual({ ok: false, error: { code: 'not-a-site', message: 'No _config.yml here', path: '/x' } });
    expect(JSON.parse(seen.at(-1)?.body ?? '')).toEqual({ path: '/x' });
  });

  it('reports a refused token as unauthorized, with the server’s explanation', async () => {
    const r = await createApi(createHttpTransport({ base }))['recent.list']({});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('unauthorized');
      expect(r.error.message).toContain('old token');
    }
  });

  it('turns an answer that is not JSON, or no server at all, into an io error', async () => {
    const r = await createApi(createHttpTransport({ base }))['settings.get']({});
    expect(r.ok === false && r.error.code).toBe('io');
    const gone = await createApi(createHttpTransport({ base: 'http://127.0.0.1:1' }))['app.info']({});
    expect(gone.ok === false && gone.error.code).toBe('io');
  });

  it('delivers server-sent events to the listeners of that event and closes the stream after the last one leaves', () => {
    const handlers = new Map<string, (e: { data?: unknown }) => void>();
    let opened = '';
    let closed = false;
    const fake: EventSourceLike = { addEventListener: (type, l) => handlers.set(type, l), close: () => (closed = true) };
    const transport = createHttpTransport({ base, createEventSource: (url) => ((opened = url), fake) });
    const got: unknown[] = [];
    const off = transport.on('progress', (p) => got.push(p.done));
    expect(opened).toBe(`${base}/api/events`);
    expect([...handlers.keys()].sort()).toEqual(['file.changed', 'progress']);
    handlers.get('progress')?.({ data: JSON.stringify({ id: 'a', label: 'progress.scanning', done: 7, total: 9, finished: false }) });
    handlers.get('progress')?.({ data: 'not json' });
    handlers.get('file.changed')?.({ data: JSON.stringify({ site: '/s', path: 'a.md', kind: 'changed' }) });
    expect(got).toEqual([7]);
    off();
    expect(closed).toBe(true);
  });

  it('drops an event whose payload does not fit the contract, with a console warning', () => {
    const handlers = new Map<string, (e: { data?: unknown }) => void>();
    const fake: EventSourceLike = { addEventListener: (type, l) => handlers.set(type, l), close: () => undefined };
    const transport = createHttpTransport({ base, createEventSource: () => fake });
    const got: unknown[] = [];
    const off = transport.on('file.changed', (p) => got.push(p.path));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      handlers.get('file.changed')?.({ data: JSON.stringify({ site: '/s', kind: 'changed' }) });
      handlers.get('file.changed')?.({ data: JSON.stringify({ site: '/s', path: 'a.md', kind: 'changed', extra: 1 }) });
      handlers.get('file.changed')?.({ data: JSON.stringify({ site: '/s', path: 'b.md', kind: 'changed' }) });
      expect(got).toEqual(['b.md']);
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
        'pressroom: dropped a file.changed event that does not fit the contract: payload.path is missing',
        'pressroom: dropped a file.changed event that does not fit the contract: payload.extra is not expected',
      ]);
    } finally {
      warn.mockRestore();
      off();
    }
  });
});
