import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFigureSettings } from './site-figure-settings';

const FIXTURE = path.resolve(__dirname, '../../../e2e/fixtures/scs-site');
let tmp: string;

async function write(root: string, rel: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await fs.writeFile(path.join(root, rel), text);
}

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-figure-settings-')));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('loadFigureSettings', () => {
  it('sees jekyll-assets on the SCS site and puts images in _assets/images/blog, named as {% asset blog/… %}', async () => {
    const settings = await loadFigureSettings(FIXTURE);
    expect(settings).toMatchObject({ folder: '_assets/images/blog', usesJekyllAssets: true, maxWidth: 2000, datePrefix: false, template: null, problems: [] });
    expect(settings.referenceOf('_assets/images/blog/r3.jpg')).toBe('blog/r3.jpg');
  });

  it('uses assets/images and URL paths on a plain Jekyll site', async () => {
    await write(tmp, '_config.yml', 'title: Plain\nplugins: [jekyll-feed]\n');
    const settings = await loadFigureSettings(tmp);
    expect(settings).toMatchObject({ folder: 'assets/images', usesJekyllAssets: false, problems: [] });
    expect(settings.referenceOf('assets/images/x.png')).toBe('/assets/images/x.png');
  });

  it('reads figures: from .pressroom.yml and reports bad values instead of failing', async () => {
    await write(tmp, '_config.yml', 'plugins:\n  - jekyll-assets\n');
    await write(tmp, '.pressroom.yml', 'fields: []\nfigures:\n  folder: ../../etc\n  maxWidth: 1600\n  datePrefix: true\n');
    const settings = await loadFigureSettings(tmp);
    expect(settings).toMatchObject({ folder: '_assets/images/blog', maxWidth: 1600, datePrefix: true });
    expect(settings.problems).toHaveLength(1);
    expect(settings.problems[0]).toMatch(/leads outside the site/);
  });

  it('uses the defaults with a problem for a broken .pressroom.yml', async () => {
    await write(tmp, '_config.yml', 'title: T\n');
    await write(tmp, '.pressroom.yml', 'figures: [unclosed\n');
    const settings = await loadFigureSettings(tmp);
    expect(settings.folder).toBe('assets/images');
    expect(settings.problems[0]).toMatch(/\.pressroom\.yml could not be read/);
  });

  it('does not follow a .pressroom.yml that links out of the site', async () => {
    const outside = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-outside-')));
    try {
      await write(outside, 'evil.yml', 'figures:\n  folder: stolen\n');
      await write(tmp, '_config.yml', 'title: T\n');
      await fs.symlink(path.join(outside, 'evil.yml'), path.join(tmp, '.pressroom.yml'));
      const settings = await loadFigureSettings(tmp);
      expect(settings.folder).toBe('assets/images');
      expect(settings.problems[0]).toMatch(/leads out of the site/);
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });
});
