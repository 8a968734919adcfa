import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { APP_ENTRY_URL, createAppRequestHandler, loadRendererFiles, type ProtocolLike, registerAppProtocol } from './protocol';

let base: string;
let rendererDir: string;

beforeEach(async () => {
  base = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pressroom-protocol-'));
  rendererDir = path.join(base, 'renderer');
  await fs.promises.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.promises.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Pressroom</title>');
  await fs.promises.writeFile(path.join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log("app")');
  await fs.promises.writeFile(path.join(rendererDir, 'assets', 'with space.css'), 'body{}');
  await fs.promises.writeFile(path.join(base, 'secret.txt'), 'top secret');
  await fs.promises.symlink(path.join(base, 'secret.txt'), path.join(rendererDir, 'link.txt'));
});

afterEach(async () => {
  await fs.promises.rm(base, { recursive: true, force: true });
});

const text = (body: Uint8Array | null) => (body === null ? null : new TextDecoder().decode(body));

describe('the app protocol', () => {
  it('serves index.html for the entry URL and the bare origin, with the CSP and hardening headers', async () => {
    const handle = createAppRequestHandler(loadRendererFiles(rendererDir));
    for (const url of [APP_ENTRY_URL, 'app://pressroom/', 'app://pressroom']) {
      const res = await handle({ url, method: 'GET' });
      expect(res.status, url).toBe(200);
      expect(text(res.body)).toContain('<title>Pressroom</title>');
      expect(res.headers['Content-Type']).toBe('text/html; charset=utf-8');
      expect(res.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });

  it('serves built assets with their type, including encoded names, and HEAD without a body', async () => {
    const handle = createAppRequestHandler(loadRendererFiles(rendererDir));
    const js = await handle({ url: 'app://pressroom/assets/app-1a2b.js?v=1', method: 'GET' });
    expect(js.status).toBe(200);
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(text(js.body)).toBe('console.log("app")');
    const css = await handle({ url: 'app://pressroom/assets/with%20space.css', method: 'GET' });
    expect(css.status).toBe(200);
    const head = await handle({ url: 'app://pressroom/assets/app-1a2b.js', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers['Content-Length']).toBe(String('console.log("app")'.length));
  });

  it('never reaches a file outside the renderer folder, however the path is spelled', async () => {
    const handle = createAppRequestHandler(loadRendererFiles(rendererDir));
    const attempts = [
      'app://pressroom/../secret.txt',
      'app://pressroom/%2e%2e/secret.txt',
      'app://pressroom/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://pressroom/assets/..%2f..%2fsecret.txt',
      'app://pressroom/..%5csecret.txt',
      'app://pressroom/link.txt',
      `app://pressroom/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    ];
    for (const url of attempts) {
      const res = await handle({ url, method: 'GET' });
      expect(res.status, url).toBe(404);
      expect(text(res.body), url).not.toContain('top secret');
    }
  });

  it('answers page routes with index.html but missing files with 404', async () => {
    const handle = createAppRequestHandler(loadRendererFiles(rendererDir));
    const route = await handle({ url: 'app://pressroom/settings', method: 'GET' });
    expect(route.status).toBe(200);
    expect(text(route.body)).toContain('<title>Pressroom</title>');
    const missing = await handle({ url: 'app://pressroom/assets/missing.js', method: 'GET' });
    expect(missing.status).toBe(404);
    expect(missing.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses other hosts, other schemes and methods that change things', async () => {
    const handle = createAppRequestHandler(loadRendererFiles(rendererDir));
    expect((await handle({ url: 'app://evil/index.html', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'https://pressroom/index.html', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'not a url', method: 'GET' })).status).toBe(400);
    expect((await handle({ url: 'app://pressroom/%E0%A4%A', method: 'GET' })).status).toBe(400);
    const post = await handle({ url: APP_ENTRY_URL, method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.Allow).toBe('GET, HEAD');
  });

  it('tells the user to build when the renderer folder is missing', async () => {
    const handle = createAppRequestHandler(loadRendererFiles(path.join(base, 'not-built')));
    const res = await handle({ url: APP_ENTRY_URL, method: 'GET' });
    expect(res.status).toBe(404);
    expect(text(res.body)).toContain('npm run build');
  });

  it('registers on the app scheme and answers with real Response objects', async () => {
    const registered = new Map<string, (request: Request) => Response | Promise<Response>>();
    const fakeProtocol: ProtocolLike = { handle: (scheme, handler) => void registered.set(scheme, handler) };
    registerAppProtocol(fakeProtocol, loadRendererFiles(rendererDir));
    expect([...registered.keys()]).toEqual(['app']);
    const handler = registered.get('app')!;
    const res = await handler(new Request(APP_ENTRY_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('<title>Pressroom</title>');
  });
});
