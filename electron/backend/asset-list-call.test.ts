// `asset.list` through the call edge, as the renderer's image picker uses it: only for an open site, and only
// the images of that site's asset folders.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHandlers } from './test-handlers';
import type { AssetListing, SiteSummary } from '../../shared/contract/models';

let tmp: string;
let site: string;
let call: ReturnType<typeof createTestHandlers>['call'];

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-asset-list-')));
  site = path.join(tmp, 'site');
  await fs.mkdir(path.join(site, '_assets/images/blog'), { recursive: true });
  await fs.mkdir(path.join(site, 'other'), { recursive: true });
  await fs.writeFile(path.join(site, '_config.yml'), 'title: T\nassets:\n  sources:\n    - _assets/images\n');
  await fs.writeFile(path.join(site, '_assets/images/blog/header.jpg'), 'jpg');
  await fs.writeFile(path.join(site, 'other/elsewhere.png'), 'png');
  ({ call } = createTestHandlers(tmp));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('asset.list', () => {
  it('refuses a site that is not open and lists the asset folders of an open one', async () => {
    expect(await call('asset.list', { site })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const opened = await call<SiteSummary>('site.open', { path: site });
    expect(opened.ok).toBe(true);
    const root = opened.ok ? opened.value.root : '';
    const listed = await call<AssetListing>('asset.list', { site: root });
    expect(listed).toEqual({ ok: true, value: { images: [{ source: '_assets/images', path: 'blog/header.jpg', size: 3 }], truncated: false } });
  });
});
