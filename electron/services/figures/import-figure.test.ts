import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FigureSource, type FigureTarget, importFigure, isLargeFigure } from './import-figure';
import { failureOf } from '../../../shared/contract/errors-testing';

sharp.cache(false);

let root: string;
let outside: string;
beforeEach(async () => {
  const base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-import-')));
  root = path.join(base, 'site');
  outside = path.join(base, 'outside');
  await fs.mkdir(root);
  await fs.mkdir(outside);
});
afterEach(async () => {
  await fs.rm(path.dirname(root), { recursive: true, force: true });
});

const settings = (folder = 'assets/images/', maxWidth = 2000): FigureTarget => ({ folder, maxWidth, referenceOf: (p) => `/${p}` });

async function jpeg(width: number, height: number, color = '#c83232', exif = false): Promise<FigureSource> {
  let img = sharp({ create: { width, height, channels: 3, background: color } }).jpeg({ quality: 95 });
  if (exif) img = img.withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Secret Camera Owner' } } });
  const data = await img.toBuffer();
  return { data, mime: 'image/jpeg', width, height };
}

/** The error a refused call carries (its code and plain message). */
const failure = async (p: Promise<unknown>) => (await failureOf(p)).error;

const files = async (rel = 'assets/images') => (await fs.readdir(path.join(root, rel))).sort();

describe('importFigure', () => {
  it('copies the picture into the figure folder (created when missing) and says how posts name it', async () => {
    const img = await jpeg(40, 30);
    const out = await importFigure({ siteRoot: root, settings: settings(), staged: img, fileName: 'photo.jpg', downscale: false, keepOriginal: false });
    expect(out).toEqual({ path: 'assets/images/photo.jpg', reference: '/assets/images/photo.jpg', reused: false, renamed: false, width: 40, height: 30, bytes: img.data.length, original: null });
    expect(await fs.readFile(path.join(root, 'assets/images/photo.jpg'))).toEqual(img.data);
    expect(await files()).toEqual(['photo.jpg']);
  });

  it('reuses the same content already in the folder, under whatever name, and writes nothing', async () => {
    const img = await jpeg(40, 30);
    await fs.mkdir(path.join(root, 'assets/images'), { recursive: true });
    await fs.writeFile(path.join(root, 'assets/images/old-name.jpg'), img.data);
    const out = await importFigure({ siteRoot: root, settings: settings(), staged: img, fileName: 'photo.jpg', downscale: false, keepOriginal: false });
    expect(out).toMatchObject({ path: 'assets/images/old-name.jpg', reused: true, width: 40, height: 30 });
    expect(await files()).toEqual(['old-name.jpg']);
  });

  it('never overwrites: a different file with the same name, or one differing only in case, gets -2, -3', async () => {
    await fs.mkdir(path.join(root, 'assets/images'), { recursive: true });
    await fs.writeFile(path.join(root, 'assets/images/photo.jpg'), 'someone else');
    await fs.writeFile(path.join(root, 'assets/images/PHOTO-2.JPG'), 'another one');
    const out = await importFigure({ siteRoot: root, settings: settings(), staged: await jpeg(20, 20), fileName: 'photo.jpg', downscale: false, keepOriginal: false });
    expect(out).toMatchObject({ path: 'assets/images/photo-3.jpg', renamed: true });
    expect(await fs.readFile(path.join(root, 'assets/images/photo.jpg'), 'utf8')).toBe('someone else');
    expect(await fs.readFile(path.join(root, 'assets/images/PHOTO-2.JPG'), 'utf8')).toBe('another one');
    const again = await importFigure({ siteRoot: root, settings: settings(), staged: await jpeg(20, 20, '#00ff00'), fileName: 'photo.jpg', downscale: false, keepOriginal: false });
    expect(again.path).toBe('assets/images/photo-4.jpg');
  });

  it('refuses a figure folder that is a symlink leading out of the site, and writes nothing there', async () => {
    await fs.mkdir(path.join(root, 'assets'));
    await fs.symlink(outside, path.join(root, 'assets/images'));
    const err = await failure(importFigure({ siteRoot: root, settings: settings(), staged: await jpeg(10, 10), fileName: 'x.jpg', downscale: false, keepOriginal: false }));
    expect(err.code).toBe('outside-site');
    expect(await fs.readdir(outside)).toEqual([]);
    expect((await failure(importFigure({ siteRoot: root, settings: settings('../outside'), staged: await jpeg(10, 10), fileName: 'x.jpg', downscale: false, keepOriginal: false }))).code).toBe('outside-site');
    expect((await failure(importFigure({ siteRoot: root, settings: settings(outside), staged: await jpeg(10, 10), fileName: 'x.jpg', downscale: false, keepOriginal: false }))).code).toBe('outside-site');
    expect(await fs.readdir(outside)).toEqual([]);
  });

  it('does not follow a link in the folder to a file outside when looking for the same content', async () => {
    const img = await jpeg(12, 12);
    await fs.writeFile(path.join(outside, 'same.jpg'), img.data);
    await fs.mkdir(path.join(root, 'assets/images'), { recursive: true });
    await fs.symlink(path.join(outside, 'same.jpg'), path.join(root, 'assets/images/link.jpg'));
    const out = await importFigure({ siteRoot: root, settings: settings(), staged: img, fileName: 'link.jpg', downscale: false, keepOriginal: false });
    expect(out).toMatchObject({ reused: false, path: 'assets/images/link-2.jpg' });
  });

  it('writes a web copy no wider than maxWidth, orientation applied and metadata gone, and keeps the original on request', async () => {
    const img = await jpeg(3000, 1000, '#3366cc', true);
    const out = await importFigure({ siteRoot: root, settings: settings('_assets/images/blog', 1200), staged: img, fileName: 'wide.jpg', downscale: true, keepOriginal: true });
    // Orientation 6 turns the 3000 × 1000 picture upright (1000 × 3000); it is narrower than 1200 already.
    expect(out).toMatchObject({ path: '_assets/images/blog/wide.jpg', width: 1000, height: 3000, original: '_assets/images/blog/wide-original.jpg' });
    const meta = await sharp(path.join(root, out.path)).metadata();
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(await fs.readFile(path.join(root, out.original as string))).toEqual(img.data);

    const plain = await jpeg(4000, 1000);
    const small = await importFigure({ siteRoot: root, settings: settings('_assets/images/blog', 1200), staged: plain, fileName: 'wide.jpg', downscale: true, keepOriginal: false });
    expect(small).toMatchObject({ path: '_assets/images/blog/wide-2.jpg', width: 1200, height: 300, renamed: true, original: null });
    expect((await sharp(path.join(root, small.path)).metadata()).format).toBe('jpeg');
    // The same photo again: its web copy is already there.
    const again = await importFigure({ siteRoot: root, settings: settings('_assets/images/blog', 1200), staged: plain, fileName: 'wide.jpg', downscale: true, keepOriginal: false });
    expect(again).toMatchObject({ path: small.path, reused: true, width: 1200 });
  });

  it('keeps PNG and WebP as they are when made smaller, and never enlarges', async () => {
    const png = await sharp({ create: { width: 500, height: 100, channels: 4, background: '#ff000080' } }).png().toBuffer();
    const out = await importFigure({ siteRoot: root, settings: settings('img', 250), staged: { data: png, mime: 'image/png', width: 500, height: 100 }, fileName: 'a.png', downscale: true, keepOriginal: false });
    expect(out).toMatchObject({ width: 250, height: 50 });
    expect((await sharp(path.join(root, out.path)).metadata()).format).toBe('png');
    const webp = await sharp({ create: { width: 100, height: 80, channels: 3, background: '#123456' } }).webp().toBuffer();
    const w = await importFigure({ siteRoot: root, settings: settings('img', 250), staged: { data: webp, mime: 'image/webp', width: 100, height: 80 }, fileName: 'b.webp', downscale: true, keepOriginal: true });
    expect(w).toMatchObject({ width: 100, height: 80, original: null });
    expect((await sharp(path.join(root, w.path)).metadata()).format).toBe('webp');
  });

  it('keeps every frame of an animated GIF in its web copy', async () => {
    const frame = (color: string) => sharp({ create: { width: 400, height: 100, channels: 3, background: color } }).raw().toBuffer();
    const frames = Buffer.concat([await frame('#ff0000'), await frame('#0000ff')]);
    const gif = await sharp(frames, { raw: { width: 400, height: 200, channels: 3, pageHeight: 100 } }).gif({ loop: 0, delay: [100, 100] }).toBuffer();
    const out = await importFigure({ siteRoot: root, settings: settings('img', 200), staged: { data: gif, mime: 'image/gif', width: 400, height: 100 }, fileName: 'anim.gif', downscale: true, keepOriginal: false });
    expect(out).toMatchObject({ width: 200, height: 50 });
    const meta = await sharp(path.join(root, out.path)).metadata();
    expect(meta).toMatchObject({ format: 'gif', width: 200, pages: 2 });
  });

  it('calls a picture large when wider than maxWidth or heavier than 1 MB, never an SVG', () => {
    expect(isLargeFigure({ mime: 'image/jpeg', width: 2001, bytes: 10 }, 2000)).toBe(true);
    expect(isLargeFigure({ mime: 'image/jpeg', width: 2000, bytes: 1024 * 1024 }, 2000)).toBe(false);
    expect(isLargeFigure({ mime: 'image/png', width: 10, bytes: 1024 * 1024 + 1 }, 2000)).toBe(true);
    expect(isLargeFigure({ mime: 'image/gif', width: 2400, bytes: 10 }, 2000)).toBe(true);
    expect(isLargeFigure({ mime: 'image/svg+xml', width: 9000, bytes: 2e6 }, 2000)).toBe(false);
  });
});
