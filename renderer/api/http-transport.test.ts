import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from './client';
import { createHttpTransport, createSseParser, pickUpToken, type TokenScope } from './http-transport';

interface Seen {
  method?: string;
  url?: string;
  type?: string;
  body?: string;
  token?: string | string[];
  cookie?: string;
}

let server: http.Server;
let base = '';
const seen: Seen[] = [];
/** Open event streams of the fake server, so a test can send events and see when the transport hangs up. */
const streams: http.ServerResponse[] = [];
const TOKEN = 'a'.repeat(32);

function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (check()) resolve();
      else if (Date.now() - start > ms) reject(new Error('timed out'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/api/events') {
      seen.push({ method: req.method, url: req.url, token: req.headers['x-pressroom-token'], cookie: req.headers.cookie });
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(': connected\n\n');
      streams.push(res);
      res.on('close', () => streams.splice(streams.indexOf(res), 1));
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body, token: req.headers['x-pressroom-token'], cookie: req.headers.cookie });
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

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

describe('createHttpTransport', () => {
  it('posts each call as JSON to /api/call/<name> and returns the Result', async () => {
    const api = createApi(createHttpTransport({ base }));
    expect(await api['app.info']({})).toEqual({ ok: true, value: { name: 'Pressroom' } });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/call/app.info', type: 'application/json', body: '{}' });
    expect(seen.at(-1)?.token).toBeUndefined();
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

  it('sends the token as a header on every call, never as a cookie or in the address', async () => {
    const api = createApi(createHttpTransport({ base, token: TOKEN }));
    await api['app.info']({});
    expect(seen.at(-1)).toMatchObject({ url: '/api/call/app.info', token: TOKEN });
    expect(seen.at(-1)?.cookie).toBeUndefined();
  });

  it('delivers server-sent events to the listeners of that event, with the token as a header, and closes the stream after the last one leaves', async () => {
    const transport = createHttpTransport({ base, token: TOKEN });
    const got: unknown[] = [];
    const off = transport.on('progress', (p) => got.push(p.done));
    await waitFor(() => streams.length === 1);
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/api/events', token: TOKEN });
    expect(seen.at(-1)?.cookie).toBeUndefined();
    const [res] = streams;
    res.write(`event: progress\ndata: ${JSON.stringify({ id: 'a', label: 'progress.scanning', done: 7, total: 9, finished: false })}\n\n`);
    res.write('event: progress\ndata: not json\n\n: heartbeat\n\n');
    res.write(`event: file.changed\ndata: ${JSON.stringify({ site: '/s', path: 'a.md', kind: 'changed' })}\n\n`);
    // An event split across two chunks arrives whole.
    res.write('event: progress\ndata: {"id":"a","label":"progress.scanning",');
    res.write('"done":8,"total":9,"finished":false}\n\n');
    await waitFor(() => got.length === 2);
    expect(got).toEqual([7, 8]);
    off();
    await waitFor(() => streams.length === 0);
  });

  it('opens the event stream again after the server ended it, as EventSource would', async () => {
    const transport = createHttpTransport({ base, token: TOKEN, reconnectMs: 20 });
    const got: unknown[] = [];
    const off = transport.on('progress', (p) => got.push(p.done));
    await waitFor(() => streams.length === 1);
    const first = streams[0];
    const opened = seen.filter((s) => s.url === '/api/events').length;
    first.end();
    await waitFor(() => streams.length === 1 && streams[0] !== first && seen.filter((s) => s.url === '/api/events').length === opened + 1);
    streams[0].write(`event: progress\ndata: ${JSON.stringify({ id: 'b', label: 'progress.scanning', done: 3, total: 9, finished: false })}\n\n`);
    await waitFor(() => got.length === 1);
    expect(got).toEqual([3]);
    off();
    await waitFor(() => streams.length === 0);
  });

  it('asks for the event stream again far less often once the server refused the token (it was restarted)', async () => {
    let asked = 0;
    const refusing = http.createServer((_req, res) => {
      asked++;
      res.writeHead(403).end('Pressroom: this tab holds an old token');
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const transport = createHttpTransport({ base: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`, token: TOKEN, reconnectMs: 10 });
    const off = transport.on('progress', () => undefined);
    await new Promise((r) => setTimeout(r, 300));
    off();
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
    // Every 10 ms would be about 30 requests; refused, it waits 150 ms between them.
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(asked).toBeLessThanOrEqual(3);
  });

  it('drops an event whose payload does not fit the contract, with a console warning', async () => {
    const transport = createHttpTransport({ base, token: TOKEN });
    const got: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const off = transport.on('file.changed', (p) => got.push(p.path));
    try {
      await waitFor(() => streams.length === 1);
      const send = (payload: unknown): void => void streams[0].write(`event: file.changed\ndata: ${JSON.stringify(payload)}\n\n`);
      send({ site: '/s', kind: 'changed' });
      send({ site: '/s', path: 'a.md', kind: 'changed', extra: 1 });
      send({ site: '/s', path: 'b.md', kind: 'changed' });
      await waitFor(() => got.length === 1);
      expect(got).toEqual(['b.md']);
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
        'pressroom: dropped a file.changed event that does not fit the contract: payload.path is missing',
        'pressroom: dropped a file.changed event that does not fit the contract: payload.extra is not expected',
      ]);
    } finally {
      warn.mockRestore();
      off();
    }
    await waitFor(() => streams.length === 0);
  });
});

describe('createSseParser', () => {
  it('reads events across chunk borders and line endings, skipping comments', () => {
    const got: Array<[string, string]> = [];
    const feed = createSseParser((name, data) => got.push([name, data]));
    feed(': hi\r\nevent: a\r\ndata: 1\r\n\r\nevent: b\ndata: x\ndata: y\n');
    feed('\ndata: plain\n\n');
    expect(got).toEqual([
      ['a', '1'],
      ['b', 'x\ny'],
      ['message', 'plain'],
    ]);
  });
});

/** A page address, history and storage as the token pickup sees them. */
function fakeTab(href: string, stored: Record<string, string> = {}): TokenScope & { replaced: string[]; stored: Record<string, string> } {
  const replaced: string[] = [];
  return {
    location: { href },
    history: { state: { keep: 1 }, replaceState: (_data, _unused, url) => replaced.push(String(url)) },
    sessionStorage: { getItem: (k) => stored[k] ?? null, setItem: (k, v) => (stored[k] = v) },
    replaced,
    stored,
  };
}

describe('pickUpToken', () => {
  it('moves the token from the address into the tab’s storage and strips it from the address bar, keeping the rest', () => {
    const tab = fakeTab(`http://127.0.0.1:5000/?token=${TOKEN}&site=%2Fhome%2Fme#top`);
    expect(pickUpToken(tab)).toBe(TOKEN);
    expect(tab.replaced).toEqual(['/?site=%2Fhome%2Fme#top']);
    expect(Object.values(tab.stored)).toEqual([TOKEN]);
  });

  it('after a reload, finds the token in the tab’s storage; a fresh address replaces an old one', () => {
    const tab = fakeTab('http://127.0.0.1:5000/', {});
    expect(pickUpToken(tab)).toBeNull();
    pickUpToken(fakeTab(`http://127.0.0.1:5000/?token=${TOKEN}`, tab.stored));
    expect(pickUpToken(tab)).toBe(TOKEN);
    expect(tab.replaced).toEqual([]);
    const fresh = 'b'.repeat(32);
    expect(pickUpToken(fakeTab(`http://127.0.0.1:5000/?token=${fresh}`, tab.stored))).toBe(fresh);
    expect(pickUpToken(tab)).toBe(fresh);
  });
});
