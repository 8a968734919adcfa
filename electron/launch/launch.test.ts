import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectElectron, NOT_INSTALLED_REASON, parseLaunchArgs } from './launch';

let root: string;
const display = { DISPLAY: ':0' };

async function fakeElectron(opts: { pathTxt?: string; binary?: string } = {}): Promise<string> {
  const dir = path.join(root, 'node_modules', 'electron');
  await fs.promises.mkdir(path.join(dir, 'dist'), { recursive: true });
  await fs.promises.writeFile(path.join(dir, 'package.json'), '{"name":"electron"}');
  if (opts.pathTxt !== undefined) await fs.promises.writeFile(path.join(dir, 'path.txt'), opts.pathTxt);
  if (opts.binary !== undefined) {
    const bin = path.join(dir, 'dist', opts.binary);
    await fs.promises.mkdir(path.dirname(bin), { recursive: true });
    await fs.promises.writeFile(bin, '#!/bin/sh\n', { mode: 0o755 });
    return bin;
  }
  return '';
}

beforeEach(async () => {
  root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pressroom-launch-'));
});

afterEach(async () => {
  await fs.promises.rm(root, { recursive: true, force: true });
});

describe('detectElectron', () => {
  it('finds the binary named in path.txt when a display exists', async () => {
    const bin = await fakeElectron({ pathTxt: 'electron', binary: 'electron' });
    expect(detectElectron({ appRoot: root, env: display, platform: 'linux' })).toEqual({ ok: true, binary: bin });
    expect(detectElectron({ appRoot: root, env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' })).toEqual({ ok: true, binary: bin });
  });

  it('says the binary is not installed when path.txt is missing (the download was blocked)', async () => {
    await fakeElectron();
    expect(detectElectron({ appRoot: root, env: display, platform: 'linux' })).toEqual({ ok: false, reason: NOT_INSTALLED_REASON });
    expect(NOT_INSTALLED_REASON).toBe("Electron's binary is not installed (its download is blocked or has not run)");
  });

  it('says the binary is not installed when path.txt names a file that is not there', async () => {
    await fakeElectron({ pathTxt: 'electron' });
    const d = detectElectron({ appRoot: root, env: display, platform: 'linux' });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason.startsWith(NOT_INSTALLED_REASON)).toBe(true);
  });

  it('says Electron is not installed when the package is absent', () => {
    const d = detectElectron({ appRoot: root, env: display, platform: 'linux' });
    expect(d).toEqual({ ok: false, reason: 'Electron is not installed (run npm install)' });
  });

  it('refuses on Linux without DISPLAY or WAYLAND_DISPLAY, but not on macOS or Windows', async () => {
    await fakeElectron({ pathTxt: 'electron', binary: 'electron' });
    expect(detectElectron({ appRoot: root, env: {}, platform: 'linux' })).toEqual({ ok: false, reason: 'no display' });
    expect(detectElectron({ appRoot: root, env: {}, platform: 'darwin' }).ok).toBe(true);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with or without path.txt', async () => {
    await fakeElectron();
    const override = path.join(root, 'custom-dist');
    await fs.promises.mkdir(override);
    expect(detectElectron({ appRoot: root, env: { ...display, ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'linux' }).ok).toBe(false);
    await fs.promises.writeFile(path.join(override, 'electron'), '');
    expect(detectElectron({ appRoot: root, env: { ...display, ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'linux' })).toEqual({ ok: true, binary: path.join(override, 'electron') });
    await fs.promises.writeFile(path.join(override, 'electron.exe'), '');
    expect(detectElectron({ appRoot: root, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'win32' })).toEqual({ ok: true, binary: path.join(override, 'electron.exe') });
  });

  it('never asks electron to download: requiring nothing, touching no network, creating no files', async () => {
    await fakeElectron();
    const before = await fs.promises.readdir(path.join(root, 'node_modules', 'electron'));
    detectElectron({ appRoot: root, env: display, platform: 'linux' });
    expect(await fs.promises.readdir(path.join(root, 'node_modules', 'electron'))).toEqual(before);
  });

  it('on this machine (no binary installed), reports why instead of downloading', () => {
    const d = detectElectron();
    if (!fs.existsSync(path.join(__dirname, '..', '..', 'node_modules', 'electron', 'path.txt'))) expect(d).toEqual({ ok: false, reason: NOT_INSTALLED_REASON });
  });
});

describe('parseLaunchArgs', () => {
  it('reads --no-open, --browser and a site folder', () => {
    expect(parseLaunchArgs([])).toEqual({ open: true, browser: false, site: undefined, passThrough: [] });
    expect(parseLaunchArgs(['--no-open', '--browser', '/sites/press'])).toEqual({ open: false, browser: true, site: '/sites/press', passThrough: ['--no-open', '/sites/press'] });
  });
});
