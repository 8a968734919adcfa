/**
 * Browser mode against a hostile neighbour: a real `pressroom serve` must hand no site data to a request that
 * lacks the token, names a foreign host (DNS rebinding), comes from a foreign or `null` origin, or climbs out
 * of the renderer folder. Node's http.request is used so the Host header can be forged as an attacker would.
 */
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { copySite, makeTempDir, type RunningServer, SAMPLE_SITE, startServer } from '../harness';

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
  let cookie: string;

  test.beforeAll(async () => {
    root = await makeTempDir();
    siteDir = path.join(root, 'site');
    await copySite(SAMPLE_SITE, siteDir);
    await fs.mkdir(path.join(root, 'app-data'));
    server = await startServer({ siteDir, appDataDir: path.join(root, 'app-data') });
    // The first address trades the token for a cookie, as the browser does.
    const first = await request(server.port, new URL(server.url).pathname + new URL(server.url).search);
    expect(first.status).toBe(302);
    const setCookie = first.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    cookie = setCookie.split(';')[0];
  });

  test.afterAll(async () => {
    await server?.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  test('the server listens on loopback and its own page with the token gets the posts (control)', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const page = await request(server.port, '/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBeTruthy();
    const opened = await call(server.port, 'site.open', { path: siteDir }, { Cookie: cookie, Origin: server.origin });
    expect(opened.status).toBe(200);
    const posts = await call(server.port, 'site.posts', { site: siteDir }, { Cookie: cookie, Origin: server.origin });
    expect(posts.status).toBe(200);
    expect(posts.body).toContain('Kestrel Cloud 1.0');
  });

  test('no token: the page and the calls are refused', async () => {
    expectRefused(await request(server.port, '/'), 'GET / without token');
    expectRefused(await request(server.port, '/index.html'), 'GET /index.html without token');
    expectRefused(await call(server.port, 'site.posts', { site: siteDir }, {}), 'call without token');
    expectRefused(await request(server.port, '/api/events'), 'events without token');
  });

  test('wrong token: in the address or in the cookie, nothing is served', async () => {
    const name = cookie.split('=')[0];
    const wrong = `${name}=${'A'.repeat(server.token.length)}`;
    expectRefused(await request(server.port, '/?token=wrong'), 'address with a wrong token');
    expectRefused(await request(server.port, `/?token=${server.token.slice(0, -1)}`), 'address with a token one character short');
    expectRefused(await request(server.port, '/', { headers: { Cookie: wrong } }), 'GET / with a wrong cookie');
    expectRefused(await call(server.port, 'site.posts', { site: siteDir }, { Cookie: wrong }), 'call with a wrong cookie');
    expectRefused(await call(server.port, 'site.posts', { site: siteDir }, { Cookie: `other_name=${server.token}` }), 'token under another cookie name');
  });

  test('a foreign Host header (DNS rebinding) is refused even with the right token', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `127.0.0.1.nip.io:${server.port}`, '']) {
      const headers = { Cookie: cookie, Host: host };
      expectRefused(await request(server.port, '/', { headers }), `GET / with Host ${JSON.stringify(host)}`);
      expectRefused(await call(server.port, 'site.posts', { site: siteDir }, headers), `call with Host ${JSON.stringify(host)}`);
    }
    expectRefused(await request(server.port, server.url.replace(server.origin, ''), { headers: { Host: 'evil.example' } }), 'token address with a foreign Host');
  });

  test('a foreign or null Origin is refused even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`, 'null']) {
      expectRefused(await call(server.port, 'site.posts', { site: siteDir }, { Cookie: cookie, Origin: origin }), `call from Origin ${origin}`);
      expectRefused(await request(server.port, '/', { headers: { Cookie: cookie, Origin: origin } }), `GET / from Origin ${origin}`);
    }
    const crossSite = { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' };
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
      const answer = await request(server.port, p, { headers: { Cookie: cookie } });
      expectRefused(answer, `GET ${p}`);
      expect(answer.body, `GET ${p}`).not.toContain('root:');
      expect(answer.body, `GET ${p}`).not.toContain('languages:');
    }
  });

  test('calls must be POSTed JSON: a GET or a form post carries no data', async () => {
    expectRefused(await request(server.port, '/api/call/site.posts', { headers: { Cookie: cookie } }), 'GET of a call');
    const form = await request(server.port, '/api/call/site.posts', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '3' },
      body: 'a=b',
    });
    expectRefused(form, 'form post of a call');
  });
});
