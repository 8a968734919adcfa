// `asset.read` through the call edge, as the preview asks for a figure: on a site whose config lists only
// `_assets/`, an image in jekyll-assets' default folder `_assets/images/` is read, and the render context's asset
// index names it; a folder that is neither configured nor a default stays refused.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHandlers } from './test-handlers';
import type { AssetData, SiteRenderContext, SiteSummary } from '../../shared/contract/models';
import { resolveAsset } from '../../shared/site/asset-lookup';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082', 'hex');

let tmp: string;
let site: string;
let call: ReturnType<typeof createTestHandlers>['call'];

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-asset-read-')));
  site = path.join(tmp, 'site');
  await fs.mkdir(path.join(site, '_assets/images'), { recursive: true });
  await fs.mkdir(path.join(site, 'private'), { recursive: true });
  await fs.writeFile(path.join(site, '_config.yml'), 'title: SCS\nassets:\n  sources:\n    - _assets/\n');
  await fs.writeFile(path.join(site, '_assets/images/201001-SCS-4c.png'), PNG);
  await fs.writeFile(path.join(site, 'private/secret.png'), PNG);
  ({ call } = createTestHandlers(tmp));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('asset.read with jekyll-assets default folders', () => {
  it('reads an image of a default folder the config does not list, and still refuses other folders', async () => {
    const opened = await call<SiteSummary>('site.open', { path: site });
    expect(opened.ok).toBe(true);
    const root = opened.ok ? opened.value.root : '';
    const context = await call<SiteRenderContext>('site.renderContext', { site: root });
    expect(context.ok).toBe(true);
    const file = context.ok ? resolveAsset('201001-SCS-4c.png', context.value.assets) : null;
    expect(file).toBe('_assets/images/201001-SCS-4c.png');
    const read = await call<AssetData>('asset.read', { site: root, path: file! });
    expect(read).toMatchObject({ ok: true, value: { mime: 'image/png' } });
    expect(await call('asset.read', { site: root, path: 'private/secret.png' })).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});
