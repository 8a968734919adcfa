// The preview gets a site's pictures only through readAsset: images inside an asset folder, really images,
// not too big; everything else (other folders, climbing paths, symlinks out, disguised files) is refused.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { MAX_ASSET_BYTES, readAsset } from './asset-service';
import { sniffImage } from './image-type';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082', 'hex');
const SOURCES = ['_assets/images'];

let root: string;
beforeEach(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-asset-')));
  await fs.mkdir(path.join(root, '_assets/images/blog'), { recursive: true });
  await fs.writeFile(path.join(root, '_config.yml'), 'title: x\n');
  await fs.writeFile(path.join(root, '_assets/images/blog/pic.png'), PNG);
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function refusal(rel: string, sources = SOURCES): Promise<string> {
  try {
    await readAsset(root, sources, rel);
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    return (error as AppFailure).error.code;
  }
  throw new Error(`${rel} was not refused`);
}

describe('readAsset', () => {
  it('returns an image of an asset folder with its type, byte for byte', async () => {
    const got = await readAsset(root, SOURCES, '_assets/images/blog/pic.png');
    expect(got.mime).toBe('image/png');
    expect(Buffer.from(got.base64, 'base64').equals(PNG)).toBe(true);
  });

  it('refuses paths that climb out, are absolute or leave the asset folders', async () => {
    await fs.writeFile(path.join(root, 'secret.png'), PNG);
    expect(await refusal('../../etc/passwd')).toBe('outside-site');
    expect(await refusal('/etc/passwd')).toBe('outside-site');
    expect(await refusal('_assets/images/../../secret.png')).toBe('refused');
    expect(await refusal('secret.png')).toBe('refused');
    expect(await refusal('_config.yml')).toBe('refused');
  });

  it('refuses a symlink in an asset folder that leads out of the site or out of the folder', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-outside-'));
    try {
      await fs.writeFile(path.join(outside, 'x.png'), PNG);
      await fs.symlink(path.join(outside, 'x.png'), path.join(root, '_assets/images/out.png'));
      expect(await refusal('_assets/images/out.png')).toBe('outside-site');
      await fs.writeFile(path.join(root, 'private.png'), PNG);
      await fs.symlink('../../private.png', path.join(root, '_assets/images/side.png'));
      expect(await refusal('_assets/images/side.png')).toBe('refused');
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('refuses files that are not images by name, or whose bytes are not what the name says', async () => {
    await fs.writeFile(path.join(root, '_assets/images/notes.txt'), 'hello');
    await fs.writeFile(path.join(root, '_assets/images/fake.png'), '<script>alert(1)</script>');
    await fs.writeFile(path.join(root, '_assets/images/html.svg'), '<html><script>alert(1)</script></html>');
    expect(await refusal('_assets/images/notes.txt')).toBe('refused');
    expect(await refusal('_assets/images/fake.png')).toBe('refused');
    expect(await refusal('_assets/images/html.svg')).toBe('refused');
    expect(await refusal('_assets/images/missing.png')).toBe('not-found');
    expect(await refusal('_assets/images/blog')).toBe('refused');
  });

  it('refuses images larger than 20 MB', async () => {
    const big = Buffer.alloc(MAX_ASSET_BYTES + 1);
    PNG.copy(big);
    await fs.writeFile(path.join(root, '_assets/images/big.png'), big);
    expect(await refusal('_assets/images/big.png')).toBe('too-large');
  });
});

describe('sniffImage', () => {
  it('knows the common image kinds by their first bytes', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(Buffer.from('<?xml version="1.0"?>\n<!-- c -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(sniffImage(Buffer.from('#!/bin/sh\nrm -rf /'))).toBeNull();
  });
});
