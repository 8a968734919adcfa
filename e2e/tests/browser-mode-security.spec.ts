/**
 * Browser mode against a hostile neighbour: a real `pressroom serve` must hand no site data to a request that
 * lacks the token, names a foreign host (DNS rebinding), comes from a foreign or `null` origin, or climbs out
 * of the renderer folder. Node's http.request is used so the Host header can be forged as an attacker would.
 * The token travels as the `X-Pressroom-Token` header (never a cookie, which every other server on 127.0.0.1
 * would receive too); in a real browser the tab keeps it in its sessionStorage, so a reload and a second tab work.
 */
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writeOpenerFile } from '../../electron/server/opener-file';
import { TOKEN_STORAGE_KEY } from '../../shared/contract/transport';
import { copySite, launchChromium, makeTempDir, type RunningApp, type RunningServer, SAMPLE_SITE, startApp, startServer } from '../harness';
import { PostListPage } from '../pages/post-list-page';

/** Titles of the sample site; none of them may appear in a refused answer. */
const TITLES = ['Kestrel Cloud 1.0', 'Community Summit', 'Encryption at rest', 'GPU workloads', 'new member organisations'];

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One raw HTTP request to 127.0.0.1:port; `rawPath` is sent byte for byte (no URL normalisation). */
function request(port: number, rawPath: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...opts.headers };
  // An empty Host means none at all: Node would otherwise put its own in.
  const setHost = headers.Host !== '';
  if (!setHost) delete headers.Host;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: rawPath, method: opts.method ?? 'GET', headers, setHost, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** A call as the renderer makes it: POST /api/call/<name> with JSON. */
function call(port: number, name: string, args: unknown, headers: Record<string, string>): Promise<Answer> {
  const body = JSON.stringify(args);
  return request(port, `/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), ...headers },
    body,
  });
}

/** Asserts an answer is a refusal that carries none of the site's data. */
function expectRefused(answer: Answer, what: string): void {
  expect(answer.status, `${what}: status`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${what}: status`).toBeLessThan(500);
  for (const title of TITLES) expect(answer.body, `${what}: body`).not.toContain(title);
  expect(answer.body, `${what}: body`).not.toContain('"name": "pressroom"');
  expect(answer.body, `${what}: body`).not.toContain('"ok":true');
  expect(answer.headers['access-control-allow-origin'], `${what}: CORS header`).toBeUndefined();
}

test.describe('browser mode refuses requests that are not from its own page', () => {
  let root: string;
  let siteDir: string;
  let server: RunningServer;
  /** How the page proves itself on calls and on the event stream. */
  let auth: Record<string, string>;

  test.beforeAll(async () => {
    root = await makeTempDir();
    siteDir = path.join(root, 'site');
    await copySite(SAMPLE_SITE, siteDir);
    await fs.mkdir(path.join(root, 'app-data'));
    server = await startServer({ siteDir, appDataDir: path.join(root, 'app-data') });
    // The printed address serves the page itself and sets no cookie; the page then sends the token as a header.
    const first = await request(server.port, new URL(server.url).pathname + new URL(server.url).search);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    auth = { 'X-Pressroom-Token': server.token };
  });

  test.afterAll(async () => {
    await server?.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  test('the server listens on loopback and its own page with the token gets the posts (control)', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const page = await request(server.port, '/', { headers: auth });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBeTruthy();
    const opened = await call(server.port, 'site.open', { path: siteDir }, { ...auth, Origin: server.origin });
    expect(opened.status).toBe(200);
    const posts = await call(server.port, 'site.posts', { site: siteDir }, { ...auth, Origin: server.origin });
    expect(posts.status).toBe(200);
    expect(posts.body).toContain('Kestrel Cloud 1.0');
  });

  test('no token: the page and the calls are refused', async () => {
    expectRefused(await request(server.port, '/'), 'GET / without token');
    expectRefused(await request(server.port, '/index.html'), 'GET /index.html without token');
    expectRefused(await call(server.port, 'site.posts', { site: siteDir }, {}), 'call without token');
    expectRefused(await request(server.port, '/api/events'), 'events without token');
  });

  test('wrong token: in the address or in the header, nothing is served', async () => {
    const wrong = { 'X-Pressroom-Token': 'A'.repeat(server.token.length) };
    expectRefused(await request(server.port, '/?token=wrong'), 'address with a wrong token');
    expectRefused(await request(server.port, `/?token=${server.token.slice(0, -1)}`), 'address with a token one character short');
    expectRefused(await request(server.port, '/', { headers: wrong }), 'GET / with a wrong header');
    expectRefused(await call(server.port, 'site.posts', { site: siteDir }, wrong), 'call with a wrong header');
    expectRefused(await call(server.port, 'site.posts', { site: siteDir }, { 'X-Other-Token': server.token }), 'token under another header name');
    expectRefused(await call(server.port, 'site.posts', { site: siteDir }, { Authorization: `Bearer ${server.token}` }), 'token as a bearer credential');
  });

  test('the right token as a cookie is refused: another server on 127.0.0.1 would receive that cookie too', async () => {
    for (const name of ['pressroom_token', `pressroom_token_${server.port}`, 'token']) {
      const headers = { Cookie: `${name}=${server.token}` };
      expectRefused(await request(server.port, '/', { headers }), `GET / with the token in cookie ${name}`);
      expectRefused(await call(server.port, 'site.posts', { site: siteDir }, { ...headers, Origin: server.origin }), `call with the token in cookie ${name}`);
      expectRefused(await request(server.port, '/api/events', { headers }), `events with the token in cookie ${name}`);
    }
  });

  test('the token is never taken from the address of a call or of the event stream (addresses get logged)', async () => {
    expectRefused(await call(server.port, `site.posts?token=${server.token}`, { site: siteDir }, { Origin: server.origin }), 'call with the token in its address');
    expectRefused(await request(server.port, `/api/events?token=${server.token}`), 'events with the token in the address');
  });

  test('the event stream opens with the token header', async () => {
    const answer = await new Promise<{ status: number; type?: string }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Host: `127.0.0.1:${server.port}`, ...auth }, agent: false }, (res) => {
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] });
        req.destroy();
      });
      req.on('error', reject);
    });
    expect(answer).toEqual({ status: 200, type: 'text/event-stream; charset=utf-8' });
  });

  test('a foreign Host header (DNS rebinding) is refused even with the right token', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `127.0.0.1.nip.io:${server.port}`, '']) {
      const headers = { ...auth, Host: host };
      expectRefused(await request(server.port, '/', { headers }), `GET / with Host ${JSON.stringify(host)}`);
      expectRefused(await call(server.port, 'site.posts', { site: siteDir }, headers), `call with Host ${JSON.stringify(host)}`);
    }
    expectRefused(await request(server.port, server.url.replace(server.origin, ''), { headers: { Host: 'evil.example' } }), 'token address with a foreign Host');
  });

  test('a foreign or null Origin is refused even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`, 'null']) {
      expectRefused(await call(server.port, 'site.posts', { site: siteDir }, { ...auth, Origin: origin }), `call from Origin ${origin}`);
      expectRefused(await request(server.port, '/', { headers: { ...auth, Origin: origin } }), `GET / from Origin ${origin}`);
    }
    const crossSite = { ...auth, 'Sec-Fetch-Site': 'cross-site' };
    expectRefused(await call(server.port, 'site.posts', { site: siteDir }, crossSite), 'call marked Sec-Fetch-Site: cross-site');
  });

  test('no path climbs out of the renderer folder', async () => {
    const climbs = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..%5cpackage.json',
      '/....//package.json',
      '/%252e%252e/package.json',
      '//etc/passwd',
      '/../../../../../../etc/passwd',
      `/${siteDir}/_config.yml`,
      '/resources/sample-site/_config.yml',
      '/dist/electron/cli.cjs',
    ];
    for (const p of climbs) {
      const answer = await request(server.port, p, { headers: auth });
      expectRefused(answer, `GET ${p}`);
      expect(answer.body, `GET ${p}`).not.toContain('root:');
      expect(answer.body, `GET ${p}`).not.toContain('languages:');
    }
  });

  test('calls must be POSTed JSON: a GET or a form post carries no data', async () => {
    expectRefused(await request(server.port, '/api/call/site.posts', { headers: auth }), 'GET of a call');
    const form = await request(server.port, '/api/call/site.posts', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '3' },
      body: 'a=b',
    });
    expectRefused(form, 'form post of a call');
  });
});

test.describe('in a real browser the token stays with the tab', () => {
  let app: RunningApp | undefined;
  test.afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  /** Every request the page makes to its own server's calls and events, with the headers it sent. */
  function watchApiRequests(page: RunningApp['page']): Array<{ url: string; headers: Record<string, string> }> {
    const seen: Array<{ url: string; headers: Record<string, string> }> = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) seen.push({ url: r.url(), headers: r.headers() });
    });
    return seen;
  }

  test('the page keeps no cookie and no token in its address; calls and events carry the header; a reload keeps working', async () => {
    app = await startApp({ copySample: true });
    const { page, token } = app;
    const list = new PostListPage(page);
    await list.expectLoaded();
    expect(page.url()).not.toContain(token);
    expect(page.url()).not.toContain('token=');
    expect(await app.context.cookies()).toEqual([]);
    expect(await page.evaluate((key) => window.sessionStorage.getItem(key), TOKEN_STORAGE_KEY)).toBe(token);

    const seen = watchApiRequests(page);
    const events = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/events', { timeout: 15_000 }).catch(() => null);
    await page.reload();
    // The stripped address reopens through the tab's storage; the app answers again (the first screen or the site).
    await expect(page.getByRole('button', { name: 'Settings' }).first()).toBeVisible();
    await expect(page.getByText('open the address printed in the terminal')).toHaveCount(0);
    expect(page.url()).not.toContain(token);
    const info = await page.evaluate(async (key) => {
      const r = await fetch('/api/call/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pressroom-Token': window.sessionStorage.getItem(key) ?? '' }, body: '{}' });
      return (await r.json()) as { ok: boolean };
    }, TOKEN_STORAGE_KEY);
    expect(info.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) {
      expect(r.headers['x-pressroom-token'], r.url).toBe(token);
      expect(r.headers.cookie, r.url).toBeUndefined();
      expect(r.url, r.url).not.toContain(token);
    }
    const stream = await events;
    if (stream) expect(stream.headers()['x-pressroom-token']).toBe(token);
    expect(await app.context.cookies()).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  test('a second tab opened from the printed address works; a browser without the tab’s storage gets only the refusal', async () => {
    app = await startApp({ copySample: true });
    await new PostListPage(app.page).expectLoaded();
    const second = await app.context.newPage();
    await second.goto(app.url);
    await new PostListPage(second).expectLoaded();
    expect(second.url()).not.toContain(app.token);
    await app.page.close();
    // Closed and opened again from the terminal's address, for the life of the server.
    const third = await app.context.newPage();
    await third.goto(app.url);
    await new PostListPage(third).expectLoaded();

    const browser = await launchChromium();
    try {
      const stranger = await (await browser.newContext()).newPage();
      const answer = await stranger.goto(`${app.origin}/`);
      expect(answer?.status()).toBe(401);
      await expect(stranger.getByText('open the address printed in the terminal')).toBeVisible();
      await expect(stranger.getByRole('button', { name: 'Settings' })).toHaveCount(0);
    } finally {
      await browser.close();
    }
  });

  test('the private opener file leads the browser to the app; the file holds the address only this user can read', async () => {
    app = await startApp({});
    const dir = await makeTempDir();
    const opener = writeOpenerFile(app.url, dir);
    try {
      expect((await fs.stat(opener.filePath)).mode & 0o777).toBe(0o600);
      const page = await app.context.newPage();
      await page.goto(`file://${opener.filePath}`);
      await page.waitForURL((u) => u.protocol === 'http:', { timeout: 15_000 });
      await expect(page.getByRole('button', { name: 'Open the sample site' })).toBeVisible();
      expect(page.url()).not.toContain(app.token);
    } finally {
      opener.remove();
      await fs.rm(dir, { recursive: true, force: true });
    }
    expect(await fs.stat(opener.filePath).catch(() => null)).toBeNull();
  });
});
