// `figure.snippet` through the call edge, as the insert-figure dialog asks for it: the site's own figure style
// for an image inside the site, and a refusal for a path that leads outside it.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SiteSummary } from '../../shared/contract/models';
import { createTestHandlers } from './test-handlers';

const FIXTURE = path.resolve(__dirname, '../../e2e/fixtures/scs-site');
let tmp: string;
let site: string;
let call: ReturnType<typeof createTestHandlers>['call'];

async function open(): Promise<string> {
  const opened = await call<SiteSummary>('site.open', { path: site });
  expect(opened.ok).toBe(true);
  return opened.ok ? opened.value.root : '';
}

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-figure-snippet-')));
  site = path.join(tmp, 'site');
  await fs.cp(FIXTURE, site, { recursive: true });
  ({ call } = createTestHandlers(tmp));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('figure.snippet', () => {
  it('gives the seed figure with the {% asset %} path of an image of the site', async () => {
    const root = await open();
    const result = await call<{ text: string }>('figure.snippet', { site: root, path: '_assets/images/blog/r3.jpg', alt: 'Release banner', caption: 'Release 4' });
    expect(result.ok).toBe(true);
    const text = result.ok ? result.value.text : '';
    expect(text).toContain(`{% asset 'blog/r3.jpg' class="figure-img w-100" alt="Release banner" %}`);
    expect(text).toContain('<figcaption class="figure-caption">\n    Release 4\n  </figcaption>');
  });

  it('follows the template of .pressroom.yml', async () => {
    await fs.writeFile(path.join(site, '.pressroom.yml'), 'figures:\n  template: "{% include figure.html src=\\"{{reference}}\\" alt=\\"{{alt}}\\" %}"\n');
    const root = await open();
    const result = await call<{ text: string }>('figure.snippet', { site: root, path: '_assets/images/blog/r3.jpg', alt: 'Banner' });
    expect(result).toMatchObject({ ok: true, value: { text: '{% include figure.html src="blog/r3.jpg" alt="Banner" %}' } });
  });

  it('refuses an image outside the site, also through a link, and a missing one', async () => {
    const root = await open();
    await fs.writeFile(path.join(tmp, 'outside.jpg'), 'x');
    await fs.symlink(path.join(tmp, 'outside.jpg'), path.join(site, '_assets/images/blog/link.jpg'));
    expect(await call('figure.snippet', { site: root, path: '../outside.jpg', alt: 'x' })).toMatchObject({ ok: false });
    expect(await call('figure.snippet', { site: root, path: '_assets/images/blog/link.jpg', alt: 'x' })).toMatchObject({ ok: false, error: { code: 'outside-site' } });
    expect(await call('figure.snippet', { site: root, path: '_assets/images/blog/gone.jpg', alt: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
