// `figure.stage` and `figure.import` through the call edge, as the figure dialog uses them: the picture is judged by
// its bytes, held in the app-data folder, given a safe name and copied into the site's figure folder, where a post
// finds it back (`{% asset %}` or a URL path). Bad input is refused with a clear code and nothing lands in the site.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportedFigure, StagedFigure } from '../../shared/contract/figure-models';
import type { SiteRenderContext, SiteSummary } from '../../shared/contract/models';
import { resolveAsset } from '../../shared/site/asset-lookup';
import { createTestHandlers } from './test-handlers';

sharp.cache(false);

let tmp: string;
let call: ReturnType<typeof createTestHandlers>['call'];

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-figure-import-')));
  ({ call } = createTestHandlers(tmp));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function openSite(config: string, pressroom?: string, folders: string[] = []): Promise<string> {
  const site = path.join(tmp, 'site');
  for (const folder of ['_posts', ...folders]) await fs.mkdir(path.join(site, folder), { recursive: true });
  await fs.writeFile(path.join(site, '_config.yml'), config);
  if (pressroom) await fs.writeFile(path.join(site, '.pressroom.yml'), pressroom);
  const opened = await call<SiteSummary>('site.open', { path: site });
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  return opened.value.root;
}

const jpeg = (width: number, height: number, color = '#c83232') => sharp({ create: { width, height, channels: 3, background: color } }).jpeg().toBuffer();

async function stage(site: string, name: string, data: Buffer): Promise<StagedFigure> {
  const staged = await call<StagedFigure>('figure.stage', { site, name, base64: data.toString('base64') });
  if (!staged.ok) throw new Error(JSON.stringify(staged.error));
  return staged.value;
}

const stagingFiles = async () => fs.readdir(path.join(tmp, 'app-data', 'figure-staging')).catch(() => []);

describe('figure.stage and figure.import', () => {
  it('brings a photo into a jekyll-assets site under a safe name that {% asset %} finds', async () => {
    // As the seed site: jekyll-assets with its images in `_assets/images/` (the blog folder not made yet).
    const site = await openSite('title: Press\nplugins:\n  - jekyll-assets\n', undefined, ['_assets/images']);
    const data = await jpeg(800, 600);
    // The name lies about the type and is not web-safe; the content decides.
    const staged = await stage(site, 'Pressekonferenz Müller.PNG', data);
    expect(staged).toMatchObject({
      originalName: 'Pressekonferenz Müller.PNG',
      mime: 'image/jpeg',
      width: 800,
      height: 600,
      bytes: data.length,
      fileName: 'pressekonferenz-mueller.jpg',
      folder: '_assets/images/blog',
      reuse: null,
      large: false,
      maxWidth: 2000,
    });
    expect(staged.notes.join(' ')).toContain('pressekonferenz-mueller.jpg');
    expect(await stagingFiles()).toHaveLength(2);

    const imported = await call<ImportedFigure>('figure.import', { site, id: staged.id, fileName: staged.fileName, downscale: false, keepOriginal: false });
    expect(imported).toEqual({
      ok: true,
      value: { path: '_assets/images/blog/pressekonferenz-mueller.jpg', reference: 'blog/pressekonferenz-mueller.jpg', reused: false, renamed: false, width: 800, height: 600, bytes: data.length, original: null },
    });
    expect(await fs.readFile(path.join(site, '_assets/images/blog/pressekonferenz-mueller.jpg'))).toEqual(data);
    expect(await stagingFiles()).toEqual([]);
    const context = await call<SiteRenderContext>('site.renderContext', { site });
    expect(context.ok && resolveAsset('blog/pressekonferenz-mueller.jpg', context.value.assets)).toBe('_assets/images/blog/pressekonferenz-mueller.jpg');

    // The same picture again: the stage says it is there, the import reuses it and writes nothing.
    const again = await stage(site, 'copy.jpg', data);
    expect(again.reuse).toBe('_assets/images/blog/pressekonferenz-mueller.jpg');
    const reused = await call<ImportedFigure>('figure.import', { site, id: again.id, fileName: 'copy.jpg', downscale: false, keepOriginal: false });
    expect(reused).toMatchObject({ ok: true, value: { reused: true, path: '_assets/images/blog/pressekonferenz-mueller.jpg' } });
    expect(await fs.readdir(path.join(site, '_assets/images/blog'))).toEqual(['pressekonferenz-mueller.jpg']);
  });

  it('offers a web copy of a wide photo on a plain site and writes it at maxWidth, with a dated name when the site asks', async () => {
    const site = await openSite('title: Press\n', 'figures:\n  maxWidth: 1000\n  datePrefix: true\n');
    const staged = await stage(site, 'Wide Shot.jpeg', await jpeg(2500, 500));
    expect(staged).toMatchObject({ folder: 'assets/images', large: true, maxWidth: 1000 });
    expect(staged.fileName).toMatch(/^\d{4}-\d{2}-\d{2}-wide-shot\.jpg$/);
    const imported = await call<ImportedFigure>('figure.import', { site, id: staged.id, fileName: staged.fileName, downscale: true, keepOriginal: true });
    expect(imported).toMatchObject({ ok: true, value: { path: `assets/images/${staged.fileName}`, reference: `/assets/images/${staged.fileName}`, width: 1000, height: 200 } });
    const original = staged.fileName.replace('.jpg', '-original.jpg');
    expect(imported.ok && imported.value.original).toBe(`assets/images/${original}`);
    expect((await sharp(path.join(site, 'assets/images', staged.fileName)).metadata()).width).toBe(1000);
    expect((await sharp(path.join(site, 'assets/images', original)).metadata()).width).toBe(2500);
  });

  it('refuses what is not a picture, a risky SVG and a decompression bomb, and stages nothing', async () => {
    const site = await openSite('title: Press\n');
    const pdf = await call('figure.stage', { site, name: 'report.png', base64: Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64') });
    expect(pdf).toMatchObject({ ok: false, error: { code: 'not-supported' } });
    expect(!pdf.ok && pdf.error.message).toContain('is not a picture');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="5" height="5"><rect onclick="alert(1)"/></svg>';
    expect(await call('figure.stage', { site, name: 'logo.svg', base64: Buffer.from(svg).toString('base64') })).toMatchObject({ ok: false, error: { code: 'refused' } });
    const bomb = await sharp({ create: { width: 20000, height: 20000, channels: 3, background: '#000' }, limitInputPixels: false }).png().toBuffer();
    expect(await call('figure.stage', { site, name: 'bomb.png', base64: bomb.toString('base64') })).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(await stagingFiles()).toEqual([]);
    const safeSvg = await stage(site, 'Logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="5" height="5"><rect width="5" height="5"/></svg>'));
    expect(safeSvg).toMatchObject({ mime: 'image/svg+xml', fileName: 'logo.svg', width: 5, large: false });
    // A drawing program's DOCTYPE line is removed on the way in, and the file written is the checked text.
    const body = '<svg xmlns="http://www.w3.org/2000/svg" width="6" height="6"><rect width="6" height="6"/></svg>';
    const withDoctype = await stage(site, 'Mark.svg', Buffer.from(`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">${body}`));
    expect(withDoctype).toMatchObject({ bytes: body.length });
    expect(withDoctype.notes.join(' ')).toContain('DOCTYPE');
    const imported = await call<ImportedFigure>('figure.import', { site, id: withDoctype.id, fileName: 'mark.svg', downscale: true, keepOriginal: true });
    expect(imported).toMatchObject({ ok: true, value: { path: 'assets/images/mark.svg', width: 6, height: 6, original: null } });
    expect(await fs.readFile(path.join(site, 'assets/images/mark.svg'), 'utf8')).toBe(body);
  }, 60_000);

  it('refuses file names that are not allowed and writes nothing into the site', async () => {
    const site = await openSite('title: Press\n');
    const staged = await stage(site, 'photo.jpg', await jpeg(10, 10));
    for (const fileName of ['../evil.jpg', 'CON.jpg', 'photo.png', 'Photo.jpg', 'photo\u202egpj.jpg', 'photo. ']) {
      const result = await call('figure.import', { site, id: staged.id, fileName, downscale: false, keepOriginal: false });
      expect(result, fileName).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    await expect(fs.readdir(path.join(site, 'assets/images'))).rejects.toThrow();
    expect(await call('figure.import', { site, id: '../../etc/passwd', fileName: 'photo.jpg', downscale: false, keepOriginal: false })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call('figure.import', { site: tmp, id: staged.id, fileName: 'photo.jpg', downscale: false, keepOriginal: false })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a figure folder that leads out of the site through a symlink', async () => {
    const outside = path.join(tmp, 'outside');
    await fs.mkdir(outside);
    const site = await openSite('title: Press\n', 'figures:\n  folder: pictures\n');
    await fs.symlink(outside, path.join(site, 'pictures'));
    expect(await call('figure.stage', { site, name: 'a.jpg', base64: (await jpeg(10, 10)).toString('base64') })).toMatchObject({ ok: false, error: { code: 'outside-site' } });
    expect(await fs.readdir(outside)).toEqual([]);
  });
});
