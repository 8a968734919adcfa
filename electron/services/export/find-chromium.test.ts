import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { type ChromiumProbe, chromiumCandidates, findChromium, findChromiumWith, missingChromiumMessage, realChromiumProbe } from './find-chromium';

function probe(platform: NodeJS.Platform, present: string[], env: Record<string, string | undefined> = {}, home = '/home/ann'): ChromiumProbe {
  return { env, platform, home, isExecutable: (f) => present.includes(f) };
}

describe('findChromium', () => {
  it('prefers Debian’s headless shell for PDFs and the full browser for driving the app', () => {
    const both = ['/usr/bin/chromium', '/usr/lib/chromium/chromium-headless-shell'];
    expect(findChromiumWith(probe('linux', both), 'pdf')).toBe('/usr/lib/chromium/chromium-headless-shell');
    expect(findChromiumWith(probe('linux', both), 'browse')).toBe('/usr/bin/chromium');
    expect(findChromiumWith(probe('linux', ['/usr/lib/chromium/chromium-headless-shell']), 'browse')).toBe('/usr/lib/chromium/chromium-headless-shell');
  });

  it('finds Chrome or Edge where Chromium is absent, on each platform', () => {
    expect(findChromiumWith(probe('linux', ['/opt/google/chrome/chrome']))).toBe('/opt/google/chrome/chrome');
    expect(findChromiumWith(probe('linux', ['/usr/bin/microsoft-edge-stable']))).toBe('/usr/bin/microsoft-edge-stable');
    expect(findChromiumWith(probe('darwin', ['/home/ann/Applications/Chromium.app/Contents/MacOS/Chromium']))).toBe('/home/ann/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(findChromiumWith(probe('darwin', ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']))).toBe('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const winEnv = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' };
    expect(findChromiumWith(probe('win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], winEnv))).toBe('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(findChromiumWith(probe('win32', ['C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'], winEnv))).toBe(
      'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    );
    expect(chromiumCandidates('win32', {}, 'C:\\Users\\ann')).toEqual([]);
  });

  it('returns null when nothing is installed, and the message names what to install', () => {
    expect(findChromiumWith(probe('linux', []))).toBeNull();
    expect(missingChromiumMessage('linux')).toContain('apt-get install chromium-headless-shell (or chromium)');
    expect(missingChromiumMessage('linux', 'browse')).toBe('No Chromium, Chrome or Edge found for the end-to-end tests: on Debian/Ubuntu: apt-get install chromium; elsewhere install Chromium, Chrome or Edge, or set PRESSROOM_CHROMIUM to its executable.');
    expect(missingChromiumMessage('darwin')).toContain('install Google Chrome, Chromium or Microsoft Edge');
    expect(missingChromiumMessage('win32')).toContain('install Microsoft Edge or Google Chrome');
    for (const p of ['linux', 'darwin', 'win32'] as const) expect(missingChromiumMessage(p)).not.toContain('\n');
  });

  it('takes PRESSROOM_CHROMIUM first, and refuses one that is not an executable with a message naming the variable', () => {
    const env = { PRESSROOM_CHROMIUM: '/opt/my/chrome' };
    expect(findChromiumWith(probe('linux', ['/opt/my/chrome', '/usr/bin/chromium'], env))).toBe('/opt/my/chrome');
    let error: unknown;
    try {
      findChromiumWith(probe('linux', ['/usr/bin/chromium'], env));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).error.code).toBe('no-pdf-engine');
    expect((error as AppFailure).message).toContain('PRESSROOM_CHROMIUM is set to /opt/my/chrome');
  });

  it('checks real files: a plain file that is not executable and a folder do not count', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-find-chromium-'));
    try {
      const plain = path.join(dir, 'chrome');
      await fs.writeFile(plain, '#!/bin/sh\n', { mode: 0o644 });
      const real = realChromiumProbe();
      if (process.getuid?.() !== 0) expect(real.isExecutable(plain)).toBe(false);
      await fs.chmod(plain, 0o755);
      expect(real.isExecutable(plain)).toBe(true);
      expect(real.isExecutable(dir)).toBe(false);
      expect(real.isExecutable(path.join(dir, 'missing'))).toBe(false);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('finds the browser installed on this machine', () => {
    // This machine has Debian's chromium and chromium-headless-shell (see DEVELOPERS.md and the e2e harness).
    if (process.env.PRESSROOM_CHROMIUM) return;
    expect(findChromium('pdf')).toBe('/usr/lib/chromium/chromium-headless-shell');
    expect(findChromium('browse')).toBe('/usr/bin/chromium');
  });
});
