// The picker writes image paths the way the site already writes them, so the layout finds the picture.
import { describe, expect, it } from 'vitest';
import type { AssetImage } from '../../../shared/contract/models';
import { inferImageStyle, pickableImages, sitePathCandidates, valueForImage } from './image-paths';

const SRC = '_assets/images';
const images: AssetImage[] = ['avatars/jonas.png', 'avatars/mara.png', 'blog/a.jpg', 'blog/b.png'].map((p) => ({ source: SRC, path: p, size: 1 }));

describe('image path style', () => {
  it('learns "relative to the asset folder" from blog/a.jpg', () => {
    const style = inferImageStyle(['blog/a.jpg'], images, [SRC]);
    expect(style).toEqual({ strip: '_assets/images/', add: '' });
    expect(valueForImage(images[3], style)).toBe('blog/b.png');
    expect(sitePathCandidates('blog/a.jpg', style, [SRC])[0]).toBe('_assets/images/blog/a.jpg');
  });

  it('learns a folder the layout adds (avatars) and offers only what it can write', () => {
    const style = inferImageStyle(['jonas.png', 'mara.png'], images, [SRC]);
    expect(style).toEqual({ strip: '_assets/images/avatars/', add: '' });
    expect(valueForImage(images[1], style)).toBe('mara.png');
    expect(pickableImages(images, style, '').map((i) => i.path)).toEqual(['avatars/jonas.png', 'avatars/mara.png']);
    expect(pickableImages(images, style, 'MAR').map((i) => i.path)).toEqual(['avatars/mara.png']);
  });

  it('learns site-absolute paths and falls back to the first asset folder', () => {
    const plain: AssetImage[] = [{ source: 'assets', path: 'img/x.png', size: 1 }];
    const style = inferImageStyle(['/assets/img/x.png'], plain, ['assets']);
    expect(style).toEqual({ strip: '', add: '/' });
    expect(valueForImage(plain[0], style)).toBe('/assets/img/x.png');
    expect(inferImageStyle([], images, [SRC])).toEqual({ strip: '_assets/images/', add: '' });
  });
});
