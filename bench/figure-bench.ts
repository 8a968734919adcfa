/**
 * Importing a 12-megapixel photo (4000 × 3000 JPEG, noisy like a camera's, several MB) with a web copy at the
 * default 2,000 px: what `figure.import` does after the dialog (resize, re-encode, hash the folder, atomic
 * write), beside sharp doing only the resize and re-encode of the same photo in the same run.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { importFigure } from '../electron/services/figures';
import { type BenchResult, result, timePaired } from './measure';

const RUNS = 7;
const MAX_WIDTH = 2000;

/** A 4000 × 3000 JPEG of soft noise: incompressible enough to weigh what a camera's photo weighs. */
async function cameraLikeJpeg(): Promise<Buffer> {
  const raw = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .blur(0.8)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(raw.data, { raw: raw.info }).jpeg({ quality: 90 }).toBuffer();
}

/** Import of a 12 MP JPEG with downscaling to 2,000 px: median over 7 runs, each into an emptied figure folder. */
export async function benchFigureImport12mp(): Promise<BenchResult> {
  const data = await cameraLikeJpeg();
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-figure-bench-')));
  const folder = path.join(root, 'assets/images');
  const settings = { folder: 'assets/images', maxWidth: MAX_WIDTH, referenceOf: (p: string) => `/${p}` };
  try {
    let width = 0;
    const { runs, referenceRuns } = await timePaired(
      async () => {
        await fs.rm(folder, { recursive: true, force: true });
        const out = await importFigure({ siteRoot: root, settings, staged: { data, mime: 'image/jpeg', width: 4000, height: 3000 }, fileName: 'photo.jpg', downscale: true, keepOriginal: false });
        width = out.width;
      },
      () => sharp(data).rotate().resize({ width: MAX_WIDTH, withoutEnlargement: true }).jpeg({ quality: 82, mozjpeg: true }).toBuffer(),
      { runs: RUNS },
    );
    if (width !== MAX_WIDTH) throw new Error(`the web copy is ${width} px wide, not ${MAX_WIDTH}`);
    const written = (await fs.stat(path.join(folder, 'photo.jpg'))).size;
    return result('figure import, 12 MP JPEG → 2000 px web copy', runs, { label: 'sharp resize + mozjpeg encode alone', runs: referenceRuns }, `photo ${(data.length / 1024 / 1024).toFixed(1)} MB → web copy ${(written / 1024).toFixed(0)} KB`);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
