import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { probeImage } from './image-probe';
import { failureOf } from '../../../shared/contract/errors-testing';

sharp.cache(false);

function solid(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } });
}

/** The error a refused call carries (its code and plain message). */
const failure = async (p: Promise<unknown>) => (await failureOf(p)).error;

describe('probeImage', () => {
  it('reads type and size of JPEG, PNG, GIF, WebP and AVIF from the bytes', async () => {
    const base = solid(64, 48);
    expect(await probeImage(await base.clone().jpeg().toBuffer(), 'a.jpg')).toMatchObject({ mime: 'image/jpeg', width: 64, height: 48 });
    expect(await probeImage(await base.clone().png().toBuffer(), 'a.png')).toMatchObject({ mime: 'image/png', width: 64, height: 48 });
    expect(await probeImage(await base.clone().gif().toBuffer(), 'a.gif')).toMatchObject({ mime: 'image/gif', width: 64, height: 48 });
    expect(await probeImage(await base.clone().webp().toBuffer(), 'a.webp')).toMatchObject({ mime: 'image/webp', width: 64, height: 48 });
    expect(await probeImage(await base.clone().avif().toBuffer(), 'a.avif')).toMatchObject({ mime: 'image/avif', width: 64, height: 48 });
    const png = await base.clone().png().toBuffer();
    expect((await probeImage(png, 'a.png')).bytes).toBe(png.length);
  });

  it('believes the content, not the name: a JPEG named .png is a JPEG', async () => {
    const jpeg = await solid(10, 10).jpeg().toBuffer();
    expect((await probeImage(jpeg, 'photo.png')).mime).toBe('image/jpeg');
  });

  it('reads an SVG by a text sniff, with its size', async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="10" height="10"/></svg>');
    expect(await probeImage(svg, 'd.svg')).toMatchObject({ mime: 'image/svg+xml', width: 120, height: 80 });
  });

  it('refuses a risky SVG before any SVG reader parses it', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="file:///etc/passwd"/></svg>');
    expect((await failure(probeImage(svg, 'x.svg'))).code).toBe('refused');
  });

  it('refuses a PDF or text named .png as not a picture', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    const err = await failure(probeImage(pdf, 'report.png'));
    expect(err.code).toBe('not-supported');
    expect(err.message).toContain('"report.png" is not a picture');
    expect((await failure(probeImage(Buffer.from('hello world'), 'notes.jpg'))).code).toBe('not-supported');
  });

  it('refuses a BMP (an image, but not one for the web) and a truncated PNG', async () => {
    const bmp = Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]);
    expect((await failure(probeImage(bmp, 'old.bmp'))).message).toContain('BMP');
    const png = await solid(100, 100).png().toBuffer();
    expect((await failure(probeImage(png.subarray(0, 12), 'cut.png'))).code).toBe('not-supported');
  });

  it('refuses files over 50 MB before looking inside', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1);
    const err = await failure(probeImage(big, 'huge.jpg'));
    expect(err.code).toBe('too-large');
    expect(err.message).toContain('50 MB');
  });

  it('refuses a decompression bomb (20000 × 20000 of one colour, small on disk) from its header', async () => {
    const bomb = await sharp({ create: { width: 20000, height: 20000, channels: 3, background: '#000' }, limitInputPixels: false })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const err = await failure(probeImage(bomb, 'bomb.png'));
    expect(err.code).toBe('too-large');
    expect(err.message).toContain('20000 × 20000 pixels');
    expect(err.message).toContain('100 megapixels');
  }, 60_000);
});
