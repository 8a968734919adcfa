import { describe, expect, it } from 'vitest';
import { extensionOfMime, fileNameProblem, MAX_FIGURE_NAME_LENGTH, safeFileName } from './safe-file-name';

describe('safeFileName', () => {
  it('makes a readable lowercase ASCII name with the extension of the real type', () => {
    expect(safeFileName('Müller Straße (final).JPG', { ext: 'jpg' })).toBe('mueller-strasse-final.jpg');
    expect(safeFileName('Café crème à Genève.jpeg', { ext: 'jpg' })).toBe('cafe-creme-a-geneve.jpg');
    expect(safeFileName('IMG_2041.HEIC', { ext: 'png' })).toBe('img-2041.png');
    expect(safeFileName('photo.final.v2.png', { ext: 'webp' })).toBe('photo-final-v2.webp');
  });

  it('treats composed and decomposed accents alike (NFC)', () => {
    const decomposed = 'Mu\u0308ller.png';
    expect(safeFileName(decomposed, { ext: 'png' })).toBe('mueller.png');
    expect(safeFileName('Müller.png', { ext: 'png' })).toBe('mueller.png');
  });

  it('never keeps a path, a parent folder or an absolute path', () => {
    expect(safeFileName('../../etc/passwd', { ext: 'png' })).toBe('passwd.png');
    expect(safeFileName('..\\..\\windows\\evil.png', { ext: 'png' })).toBe('evil.png');
    expect(safeFileName('/abs/path/to/Pic.png', { ext: 'png' })).toBe('pic.png');
    expect(safeFileName('..', { ext: 'png' })).toBe('image.png');
    expect(safeFileName('a/..', { ext: 'gif' })).toBe('image.gif');
  });

  it('removes control and bidi characters such as the right-to-left override', () => {
    // "invoice\u202Egnp.exe" shows as "invoiceexe.png" in a file manager.
    const name = safeFileName('invoice\u202egnp.exe', { ext: 'png' });
    expect(name).toBe('invoicegnp.png');
    expect(safeFileName('a\u0000b\u0007c\u200bd.png', { ext: 'png' })).toBe('abcd.png');
  });

  it('drops leading dots and trailing dots and spaces', () => {
    expect(safeFileName('.hidden.png', { ext: 'png' })).toBe('hidden.png');
    expect(safeFileName('photo.png. . ', { ext: 'png' })).toBe('photo.png');
    expect(safeFileName('  --photo--  .png', { ext: 'png' })).toBe('photo.png');
  });

  it('gives Windows device names a suffix, also with an extension', () => {
    expect(safeFileName('CON.png', { ext: 'png' })).toBe('con-image.png');
    expect(safeFileName('nul', { ext: 'jpg' })).toBe('nul-image.jpg');
    expect(safeFileName('Com1.tar.png', { ext: 'png' })).toBe('com1-tar.png');
    expect(safeFileName('LPT9.gif', { ext: 'gif' })).toBe('lpt9-image.gif');
    expect(safeFileName('console.png', { ext: 'png' })).toBe('console.png');
  });

  it('falls back to "image" when nothing readable is left', () => {
    expect(safeFileName('', { ext: 'png' })).toBe('image.png');
    expect(safeFileName('!!!.png', { ext: 'png' })).toBe('image.png');
    expect(safeFileName('写真.jpg', { ext: 'jpg' })).toBe('image.jpg');
  });

  it('keeps names at most 80 characters before the extension, cut at a dash', () => {
    const name = safeFileName(`${'word '.repeat(40)}.png`, { ext: 'png' });
    const base = name.slice(0, -'.png'.length);
    expect(base.length).toBeLessThanOrEqual(MAX_FIGURE_NAME_LENGTH);
    expect(base).toMatch(/^word(-word)+$/);
    const dated = safeFileName(`${'x'.repeat(200)}.png`, { ext: 'png', datePrefix: '2024-05-01' });
    expect(dated.length - '.png'.length).toBe(MAX_FIGURE_NAME_LENGTH);
    expect(dated.startsWith('2024-05-01-x')).toBe(true);
  });

  it('adds a date prefix once, and only a real YYYY-MM-DD one', () => {
    expect(safeFileName('Launch Photo.jpg', { ext: 'jpg', datePrefix: '2024-05-01' })).toBe('2024-05-01-launch-photo.jpg');
    expect(safeFileName('2024-05-01 launch.jpg', { ext: 'jpg', datePrefix: '2024-05-01' })).toBe('2024-05-01-launch.jpg');
    expect(safeFileName('launch.jpg', { ext: 'jpg', datePrefix: null })).toBe('launch.jpg');
    expect(safeFileName('launch.jpg', { ext: 'jpg', datePrefix: '../x' })).toBe('launch.jpg');
    expect(safeFileName('CON.jpg', { ext: 'jpg', datePrefix: '2024-05-01' })).toBe('2024-05-01-con.jpg');
  });

  it('always produces a name its own checker accepts', () => {
    const inputs = ['Müller.png', 'CON', '../../x', '\u202e', 'a'.repeat(300), ' . ', 'Ünïcödé  Bild №5.png'];
    for (const input of inputs) {
      expect(fileNameProblem(safeFileName(input, { ext: 'png' }), 'png')).toBeNull();
      expect(fileNameProblem(safeFileName(input, { ext: 'jpg', datePrefix: '2026-12-05' }), 'jpg')).toBeNull();
    }
  });
});

describe('extensionOfMime', () => {
  it('maps each supported image type to one extension', () => {
    expect(extensionOfMime('image/jpeg')).toBe('jpg');
    expect(extensionOfMime('image/svg+xml')).toBe('svg');
    expect(extensionOfMime('text/html')).toBeNull();
  });
});

describe('fileNameProblem', () => {
  it('accepts a safe name', () => {
    expect(fileNameProblem('2024-05-01-launch-photo.jpg')).toBeNull();
    expect(fileNameProblem('r3.png', 'png')).toBeNull();
  });

  it('says what is wrong with an unsafe name', () => {
    expect(fileNameProblem('')).toMatch(/empty/);
    expect(fileNameProblem('../x.png')).toMatch(/“\/”/);
    expect(fileNameProblem('a\\b.png')).toMatch(/path/);
    expect(fileNameProblem('x\u202egnp.png')).toMatch(/invisible/);
    expect(fileNameProblem('.hidden.png')).toMatch(/start with a dot/);
    expect(fileNameProblem('photo.png.')).toMatch(/end with a dot or a space/);
    expect(fileNameProblem('photo.png ')).toMatch(/end with a dot or a space/);
    expect(fileNameProblem('CON.png')).toMatch(/Windows reserves/);
    expect(fileNameProblem('photo')).toMatch(/extension/);
    expect(fileNameProblem('photo.exe')).toMatch(/not an image extension/);
    expect(fileNameProblem('photo.png', 'jpg')).toMatch(/“\.jpg”/);
    expect(fileNameProblem('Photo.png')).toMatch(/lowercase/);
    expect(fileNameProblem('my photo.png')).toMatch(/lowercase/);
    expect(fileNameProblem('müller.png')).toMatch(/lowercase/);
    expect(fileNameProblem(`${'a'.repeat(81)}.png`)).toMatch(/too long/);
  });
});
