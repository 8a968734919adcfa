import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { imageSizeOf, THUMBNAIL_FOLDER, thumbnailOf } from './thumbnails';

sharp.cache(false);

let tmp: string;
let site: string;
let appData: string;

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-thumbs-')));
  site = path.join(tmp, 'site');
  appData = path.join(tmp, 'app-data');
  await fs.mkdir(path.join(site, 'assets', 'images'), { recursive: true });
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function image(name: string, width: number, height: number, format: 'jpeg' | 'png' = 'jpeg', colour = '#3366cc'): Promise<string> {
  const file = path.join(site, 'assets', 'images', name);
  const made = sharp({ create: { width, height, channels: 3, background: colour } });
  await (format === 'png' ? made.png() : made.jpeg()).toFile(file);
  return file;
}

async function decoded(thumb: { base64: string }) {
  const bytes = Buffer.from(thumb.base64, 'base64');
  const meta = await sharp(bytes).metadata();
  const { data } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { format: meta.format, width: meta.width, height: meta.height, pixel: [...data.subarray(0, 3)] };
}

async function cacheFiles(): Promise<string[]> {
  return (await fs.readdir(path.join(appData, THUMBNAIL_FOLDER)).catch(() => [] as string[])).filter((n) => n.endsWith('.webp')).sort();
}

async function treeOf(dir: string): Promise<string[]> {
  return (await fs.readdir(dir, { recursive: true })).map(String).sort();
}

async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** A PNG whose header claims `width` × `height` pixels over a few bytes of data: a decompression bomb. */
function bombPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0))]);
}

describe('thumbnailOf', () => {
  it('makes a WebP at most 320 px wide, keeping the proportions, cached in the app-data folder and never in the site', async () => {
    const file = await image('team.jpg', 2000, 1000);
    const siteBefore = await treeOf(site);
    const thumb = await thumbnailOf(file, appData);
    expect(thumb.mime).toBe('image/webp');
    expect(await decoded(thumb)).toMatchObject({ format: 'webp', width: 320, height: 160 });
    expect(await cacheFiles()).toHaveLength(1);
    expect(await treeOf(site)).toEqual(siteBefore);
  });

  it('serves the second request from the cache, and an edited image gets a new preview', async () => {
    const file = await image('team.jpg', 800, 400, 'jpeg', '#ff0000');
    const first = await thumbnailOf(file, appData);
    const [cacheFile] = await cacheFiles();
    // A cache hit reads the stored preview: replacing it shows that no new one was made.
    const marker = await sharp({ create: { width: 7, height: 7, channels: 3, background: '#00ff00' } }).webp().toBuffer();
    await fs.writeFile(path.join(appData, THUMBNAIL_FOLDER, cacheFile), marker);
    expect((await thumbnailOf(file, appData)).base64).toBe(marker.toString('base64'));
    expect(first.base64).not.toBe(marker.toString('base64'));

    await image('team.jpg', 600, 600, 'jpeg', '#0000ff');
    await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
    const edited = await decoded(await thumbnailOf(file, appData));
    expect(edited).toMatchObject({ width: 320, height: 320 });
    expect(edited.pixel[2]).toBeGreaterThan(200);
    expect(await cacheFiles()).toHaveLength(2);
  });

  it('never enlarges a small image', async () => {
    const file = await image('icon.png', 100, 50, 'png');
    expect(await decoded(await thumbnailOf(file, appData))).toMatchObject({ width: 100, height: 50 });
  });

  it('asked twice at once, decodes and stores the image once', async () => {
    const file = await image('big.jpg', 1600, 1200);
    const [a, b] = await Promise.all([thumbnailOf(file, appData), thumbnailOf(file, appData)]);
    expect(a.base64).toBe(b.base64);
    expect(await cacheFiles()).toHaveLength(1);
  });

  it('draws an SVG without loading what it references: no web request, no file beside it or elsewhere', async () => {
    let requests = 0;
    const red = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#ff0000' } }).png().toBuffer();
    const server = http.createServer((_req, res) => {
      requests++;
      res.setHeader('content-type', 'image/png');
      res.end(red);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fs.writeFile(path.join(site, 'assets', 'images', 'red.png'), red);
      const refs = [`http://127.0.0.1:${port}/x.png`, `file://${path.join(site, 'assets', 'images', 'red.png')}`, 'red.png'];
      const images = refs.map((href) => `<image href="${href}" xlink:href="${href}" width="400" height="200"/>`).join('');
      const svgFile = path.join(site, 'assets', 'images', 'logo.svg');
      await fs.writeFile(
        svgFile,
        `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200">` +
          `<rect width="400" height="200" fill="#0000ff"/>${images}<script>alert(1)</script></svg>`,
      );
      const thumb = await decoded(await thumbnailOf(svgFile, appData));
      expect(thumb).toMatchObject({ format: 'webp', width: 320, height: 160 });
      // Blue, not the red of any referenced image.
      expect(thumb.pixel[0]).toBeLessThan(40);
      expect(thumb.pixel[2]).toBeGreaterThan(200);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('draws a huge SVG canvas at preview size instead of refusing it', async () => {
    const svgFile = path.join(site, 'assets', 'images', 'poster.svg');
    await fs.writeFile(svgFile, '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="10000"><rect width="20000" height="10000" fill="#00aa00"/></svg>');
    expect(await decoded(await thumbnailOf(svgFile, appData))).toMatchObject({ width: 320, height: 160 });
  });

  it('refuses decompression bombs and files that are not images, caching nothing', async () => {
    const bomb = path.join(site, 'assets', 'images', 'bomb.png');
    await fs.writeFile(bomb, bombPng(60_000, 60_000));
    expect((await fs.stat(bomb)).size).toBeLessThan(100);
    const refused = await failureOf(thumbnailOf(bomb, appData));
    expect(refused.error.code).toBe('too-large');
    expect(refused.message).toMatch(/megapixels/);

    const fake = path.join(site, 'assets', 'images', 'notes.png');
    await fs.writeFile(fake, 'This is text pretending to be a picture.');
    expect((await failureOf(thumbnailOf(fake, appData))).error.code).toBe('not-supported');

    const folder = path.join(site, 'assets', 'images', 'folder.png');
    await fs.mkdir(folder);
    expect((await failureOf(thumbnailOf(folder, appData))).error.code).toBe('not-supported');
    expect(await cacheFiles()).toEqual([]);
  });

  it('keeps the cache bounded, dropping the least recently used previews', async () => {
    const files: string[] = [];
    for (let i = 0; i < 8; i++) files.push(await image(`p${i}.jpg`, 200 + i, 100));
    const past = (i: number) => new Date(Date.now() - (100 - i) * 60_000);
    for (let i = 0; i < 5; i++) {
      await thumbnailOf(files[i], appData, { cacheLimit: 5 });
      const [newest] = (await Promise.all((await cacheFiles()).map(async (n) => ({ n, t: (await fs.stat(path.join(appData, THUMBNAIL_FOLDER, n))).mtimeMs })))).sort((a, b) => b.t - a.t);
      await fs.utimes(path.join(appData, THUMBNAIL_FOLDER, newest.n), past(i), past(i));
    }
    // Image 0 is used again, so it is the most recently used now.
    await thumbnailOf(files[0], appData, { cacheLimit: 5 });
    const keptBefore = await cacheFiles();
    expect(keptBefore).toHaveLength(5);
    await thumbnailOf(files[5], appData, { cacheLimit: 5 });
    await thumbnailOf(files[6], appData, { cacheLimit: 5 });
    await thumbnailOf(files[7], appData, { cacheLimit: 5 });
    const kept = await cacheFiles();
    expect(kept.length).toBeLessThanOrEqual(5);
    // Image 0's preview survived: a cache hit gives it back without making a new file.
    const before = kept.length;
    await thumbnailOf(files[0], appData, { cacheLimit: 5 });
    expect((await cacheFiles()).length).toBe(before);
  });
});

describe('imageSizeOf', () => {
  it('reads the size as people see the picture (a camera’s turned photo stands upright), again after an edit, null for a non-image', async () => {
    const file = path.join(site, 'assets', 'images', 'portrait.jpg');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#888' } }).jpeg().withMetadata({ orientation: 6 }).toFile(file);
    expect(await imageSizeOf(file)).toEqual({ width: 200, height: 300 });
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#888' } }).jpeg().toFile(file);
    await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
    expect(await imageSizeOf(file)).toEqual({ width: 640, height: 480 });
    const fake = path.join(site, 'assets', 'images', 'fake.png');
    await fs.writeFile(fake, 'not a picture');
    expect(await imageSizeOf(fake)).toBeNull();
  });
});
