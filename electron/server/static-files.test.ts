import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaticMap, contentTypeFor, lookupStatic } from './static-files';

let tmp: string;
let renderer: string;

beforeAll(async () => {
  tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pressroom-static-'));
  renderer = path.join(tmp, 'renderer');
  await fs.promises.mkdir(path.join(renderer, 'assets', 'fonts'), { recursive: true });
  await fs.promises.writeFile(path.join(renderer, 'index.html'), '<!doctype html>');
  await fs.promises.writeFile(path.join(renderer, 'assets', 'index-abc.js'), 'export {}');
  await fs.promises.writeFile(path.join(renderer, 'assets', 'index-abc.css'), 'body{}');
  await fs.promises.writeFile(path.join(renderer, 'assets', 'fonts', 'inter.woff2'), 'w');
  await fs.promises.writeFile(path.join(renderer, 'assets', 'with space.svg'), '<svg/>');
  await fs.promises.writeFile(path.join(tmp, 'secret.txt'), 'secret');
  await fs.promises.symlink(path.join(tmp, 'secret.txt'), path.join(renderer, 'link.txt'));
});

afterAll(async () => {
  await fs.promises.rm(tmp, { recursive: true, force: true });
});

describe('static files', () => {
  it('lists every regular file under the renderer by URL path, and nothing else', () => {
    const map = buildStaticMap(renderer);
    expect([...map.keys()].sort()).toEqual(['/assets/fonts/inter.woff2', '/assets/index-abc.css', '/assets/index-abc.js', '/assets/with space.svg', '/index.html']);
    expect(map.get('/index.html')).toEqual({ filePath: path.join(renderer, 'index.html'), contentType: 'text/html; charset=utf-8', size: 15 });
  });

  it('maps / to index.html and finds percent-encoded names', () => {
    const map = buildStaticMap(renderer);
    expect(lookupStatic(map, '/')?.filePath).toBe(path.join(renderer, 'index.html'));
    expect(lookupStatic(map, '/assets/with%20space.svg')?.contentType).toBe('image/svg+xml');
    expect(lookupStatic(map, '/assets/index-abc.js')?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('finds nothing for traversal, encoded or not, or for files outside', () => {
    const map = buildStaticMap(renderer);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../index.html', '//index.html', '/link.txt', '/assets', '/%E0%A4%A', '', 'index.html', '/INDEX.HTML']) {
      expect(lookupStatic(map, p), p).toBeUndefined();
    }
  });

  it('labels content types, with unknown kinds as plain bytes', () => {
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('a.map')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('Makefile')).toBe('application/octet-stream');
  });
});
