import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/contract/errors';
import { escapeHtml } from '../../shared/util/escape-html';
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
      const page = await fetch(running.url, { redirect: 'manual' });
      expect(page.status).toBe(200);
      expect(page.headers.get('set-cookie')).toBeNull();
      expect(await page.text()).toContain('<title>Pressroom</title>');
      const headers = { 'X-Pressroom-Token': running.token, 'content-type': 'application/json' };
      const info = await fetch(`${running.origin}/api/call/app.info`, { method: 'POST', headers, body: '{}' });
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
  const url = `http://127.0.0.1:4321/?token=${'c'.repeat(32)}&site=%2Fsites%2Fa%20%22b%22`;

  /** A spawn that records what it was asked to run, and what the opener file held at that moment. */
  function spySpawn() {
    const calls: Array<{ command: string; args: string[]; file: string; mode: number; dirMode: number; html: string }> = [];
    const spawn = (command: string, args: string[]) => {
      const file = fileURLToPath(args.at(-1)!);
      calls.push({ command, args, file, mode: fs.statSync(file).mode & 0o777, dirMode: fs.statSync(path.dirname(file)).mode & 0o777, html: fs.readFileSync(file, 'utf8') });
      return { on: () => undefined, unref: () => undefined };
    };
    return { spawn, calls };
  }

  it('does not try to open a browser on Linux without a display', () => {
    const { spawn, calls } = spySpawn();
    expect(openInBrowser('http://127.0.0.1:1/', { platform: 'linux', env: {}, spawn, tempDir: tmp })).toBeNull();
    expect(calls).toEqual([]);
  });

  it('starts the browser with the path of a private opener file only: the token is never on a command line', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const { spawn, calls } = spySpawn();
      const opener = openInBrowser(url, { platform, env: { DISPLAY: ':0' }, spawn, tempDir: tmp });
      expect(opener).not.toBeNull();
      expect(calls).toHaveLength(1);
      const [call] = calls;
      expect(call.command).toBe({ linux: 'xdg-open', darwin: 'open', win32: 'rundll32' }[platform]);
      expect(call.args.join(' ')).not.toContain('c'.repeat(32));
      expect(call.args.join(' ')).not.toContain('token');
      expect(call.file).toBe(opener!.filePath);
      expect(path.basename(call.file)).toMatch(/^pressroom-\d+-open\.html$/);
      // Only this user can read the file or list its folder; the file leads on to the address, escaped.
      expect(call.mode).toBe(0o600);
      expect(call.dirMode).toBe(0o700);
      expect(call.html).toContain(`<meta http-equiv="refresh" content="0;url=${escapeHtml(url)}">`);
      expect(call.html).not.toContain('"b"');
      opener!.remove();
      expect(fs.existsSync(call.file)).toBe(false);
      expect(fs.existsSync(path.dirname(call.file))).toBe(false);
      opener!.remove();
    }
  });

  it('removes the opener file when the server stops, and leaves none behind when the browser cannot start', async () => {
    const { spawn, calls } = spySpawn();
    const opener = openInBrowser(url, { platform: 'linux', env: { DISPLAY: ':0' }, spawn, tempDir: tmp })!;
    expect(fs.existsSync(opener.filePath)).toBe(true);
    expect(process.listeners('exit')).toContain(opener.remove);
    opener.remove();
    expect(process.listeners('exit')).not.toContain(opener.remove);
    expect(calls).toHaveLength(1);
    const before = fs.readdirSync(tmp).filter((n) => n.startsWith('pressroom-open-'));
    const failing = () => {
      throw new Error('spawn xdg-open ENOENT');
    };
    expect(openInBrowser(url, { platform: 'linux', env: { DISPLAY: ':0' }, spawn: failing, tempDir: tmp })).toBeNull();
    expect(fs.readdirSync(tmp).filter((n) => n.startsWith('pressroom-open-'))).toEqual(before);
  });
});
