import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/contract/errors';
import { openInBrowser, startBrowserMode } from './start-browser-mode';

let tmp: string;

beforeAll(async () => {
  tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pressroom-browser-mode-'));
  await fs.promises.mkdir(path.join(tmp, 'renderer'));
  await fs.promises.writeFile(path.join(tmp, 'renderer', 'index.html'), '<!doctype html><title>Pressroom</title>');
  await fs.promises.mkdir(path.join(tmp, 'empty'));
});

afterAll(async () => {
  await fs.promises.rm(tmp, { recursive: true, force: true });
});

describe('startBrowserMode', () => {
  it('says to run the build when the renderer is not built', async () => {
    const started = startBrowserMode({ open: false, rendererDir: path.join(tmp, 'empty'), appDataDir: path.join(tmp, 'app-data') });
    await expect(started).rejects.toBeInstanceOf(AppFailure);
    await expect(started).rejects.toThrow(/npm run build/);
  });

  it('serves the renderer and answers calls over the real backend, naming the site in the address', async () => {
    const running = await startBrowserMode({ open: false, site: path.join(tmp, 'my site'), rendererDir: path.join(tmp, 'renderer'), appDataDir: path.join(tmp, 'app-data') });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32}&site=/);
      expect(new URL(running.url).searchParams.get('site')).toBe(path.join(tmp, 'my site'));
      const first = await fetch(running.url, { redirect: 'manual' });
      expect(first.status).toBe(302);
      const cookie = first.headers.get('set-cookie')!.split(';')[0];
      const page = await fetch(`${running.origin}/`, { headers: { cookie } });
      expect(await page.text()).toContain('<title>Pressroom</title>');
      const info = await fetch(`${running.origin}/api/call/app.info`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
      const result = (await info.json()) as { ok: boolean; value: { name: string; capabilities: { folderPicker: boolean } } };
      expect(result.ok).toBe(true);
      expect(result.value.name).toBe('Pressroom');
      expect(result.value.capabilities.folderPicker).toBe(false);
    } finally {
      await running.close();
    }
  });
});

describe('openInBrowser', () => {
  it('does not try to open a browser on Linux without a display', () => {
    expect(openInBrowser('http://127.0.0.1:1/', 'linux', {})).toBe(false);
  });
});
