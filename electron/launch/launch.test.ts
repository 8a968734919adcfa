import type { SpawnOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appRoot } from '../backend/app-paths';
import { decideLaunch, detectElectron, type ElectronOutcome, NOT_INSTALLED_REASON, parseLaunchArgs, runElectron } from './launch';

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

  it('with no options, looks in the app\'s own node_modules with this process\'s environment, and downloads nothing', async () => {
    // Holds on every machine, with or without Electron's binary: the defaults are the app root, process.env and
    // the platform; what each outcome means is checked with fakes above and in decideLaunch below.
    const electronDir = path.join(appRoot(), 'node_modules', 'electron');
    const before = fs.existsSync(electronDir) ? await fs.promises.readdir(electronDir) : null;
    const d = detectElectron();
    expect(d).toEqual(detectElectron({ appRoot: appRoot(), env: process.env, platform: process.platform }));
    if (!fs.existsSync(path.join(electronDir, 'path.txt'))) expect(d).toEqual({ ok: false, reason: NOT_INSTALLED_REASON });
    expect(fs.existsSync(electronDir) ? await fs.promises.readdir(electronDir) : null).toEqual(before);
  });
});

/** A started process that does nothing until the test makes it fail or exit. */
class FakeProcess extends EventEmitter {
  readonly killed: Array<NodeJS.Signals | undefined> = [];
  kill(signal?: NodeJS.Signals): boolean {
    this.killed.push(signal);
    return true;
  }
}

/** A spawn that records its call and hands out `child`. */
function fakeSpawn(child: FakeProcess) {
  const calls: Array<{ command: string; args: string[]; options: SpawnOptions }> = [];
  const spawn = (command: string, args: string[], options: SpawnOptions) => {
    calls.push({ command, args, options });
    return child;
  };
  return { spawn, calls };
}

describe('runElectron', () => {
  it('runs the binary on the built main script with the app arguments, without ELECTRON_RUN_AS_NODE', async () => {
    const child = new FakeProcess();
    const { spawn, calls } = fakeSpawn(child);
    const exits: number[] = [];
    process.env.ELECTRON_RUN_AS_NODE = '1';
    try {
      const outcome = await runElectron('/opt/electron/electron', ['--no-open', '/sites/press'], { spawn, earlyExitMs: 10, exit: (code) => exits.push(code) });
      expect(outcome).toEqual({ started: true });
    } finally {
      delete process.env.ELECTRON_RUN_AS_NODE;
    }
    expect(calls).toHaveLength(1);
    expect(calls[0].command).toBe('/opt/electron/electron');
    expect(calls[0].args).toEqual([path.join(appRoot(), 'dist', 'electron', 'main.cjs'), '--no-open', '/sites/press']);
    expect(calls[0].options.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
    // Once running, the launcher lives as long as Electron and exits with its code.
    child.emit('exit', 0, null);
    expect(exits).toEqual([0]);
  });

  it('reports an Electron that cannot be spawned, or exits with an error early, so browser mode takes over', async () => {
    const failing = new FakeProcess();
    const pending = runElectron('/opt/electron/electron', [], { spawn: fakeSpawn(failing).spawn, earlyExitMs: 5_000, exit: () => undefined });
    failing.emit('error', Object.assign(new Error('spawn /opt/electron/electron EACCES'), { code: 'EACCES' }));
    expect(await pending).toEqual({ started: false, reason: 'Electron could not be started (spawn /opt/electron/electron EACCES)' });

    const crashing = new FakeProcess();
    const crashed = runElectron('/opt/electron/electron', [], { spawn: fakeSpawn(crashing).spawn, earlyExitMs: 5_000, exit: () => undefined });
    crashing.emit('exit', null, 'SIGSEGV');
    expect(await crashed).toEqual({ started: false, reason: 'Electron exited at start (SIGSEGV)' });

    const noDisplay = new FakeProcess();
    const refused = runElectron('/opt/electron/electron', [], { spawn: fakeSpawn(noDisplay).spawn, earlyExitMs: 5_000, exit: () => undefined });
    noDisplay.emit('exit', 1, null);
    expect(await refused).toEqual({ started: false, reason: 'Electron exited at start (code 1)' });
  });

  it('passes Ctrl+C on to Electron while it runs', async () => {
    const child = new FakeProcess();
    const before = process.listeners('SIGINT');
    const outcome = await runElectron('/opt/electron/electron', [], { spawn: fakeSpawn(child).spawn, earlyExitMs: 10, exit: () => undefined });
    expect(outcome.started).toBe(true);
    // Calls only the launcher's own handler, not those of the test runner.
    const added = process.listeners('SIGINT').filter((l) => !before.includes(l));
    expect(added).toHaveLength(1);
    added[0]('SIGINT');
    expect(child.killed).toEqual(['SIGINT']);
    child.emit('exit', null, 'SIGINT');
    expect(process.listeners('SIGINT')).toEqual(before);
  });

  it.skipIf(process.platform === 'win32')('falls back when a real binary exits at once or cannot be executed', async () => {
    const bin = await fakeElectron({ pathTxt: 'electron', binary: 'electron' });
    await fs.promises.writeFile(bin, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    expect(await runElectron(bin, [], { exit: () => undefined })).toEqual({ started: false, reason: 'Electron exited at start (code 3)' });
    await fs.promises.chmod(bin, 0o644);
    const d = await runElectron(bin, [], { exit: () => undefined });
    expect(d.started).toBe(false);
    if (!d.started) expect(d.reason).toMatch(/^Electron could not be started \(.*EACCES/);
  });
});

describe('decideLaunch', () => {
  const started = async (): Promise<ElectronOutcome> => ({ started: true });

  it('picks Electron when detection finds the binary and it starts, running that binary with the app arguments', async () => {
    const bin = await fakeElectron({ pathTxt: 'electron', binary: 'electron' });
    const runs: Array<[string, string[]]> = [];
    const decision = await decideLaunch(parseLaunchArgs(['--no-open', '/sites/press']), {
      detect: () => detectElectron({ appRoot: root, env: display, platform: 'linux' }),
      run: async (binary, args) => {
        runs.push([binary, args]);
        return started();
      },
    });
    expect(decision).toEqual({ mode: 'electron', binary: bin });
    expect(runs).toEqual([[bin, ['--no-open', '/sites/press']]]);
  });

  it('uses browser mode with the detection\'s reason when the binary is missing or there is no display, never running it', async () => {
    await fakeElectron({ pathTxt: 'electron' });
    let ran = false;
    const run = async (): Promise<ElectronOutcome> => {
      ran = true;
      return started();
    };
    const missing = await decideLaunch(parseLaunchArgs([]), { detect: () => detectElectron({ appRoot: root, env: display, platform: 'linux' }), run });
    expect(missing.mode).toBe('browser');
    if (missing.mode === 'browser') expect(missing.reason.startsWith(NOT_INSTALLED_REASON)).toBe(true);
    await fakeElectron({ pathTxt: 'electron', binary: 'electron' });
    expect(await decideLaunch(parseLaunchArgs([]), { detect: () => detectElectron({ appRoot: root, env: {}, platform: 'linux' }), run })).toEqual({ mode: 'browser', reason: 'no display' });
    expect(ran).toBe(false);
  });

  it('uses browser mode with Electron\'s failure when the found binary cannot start', async () => {
    await fakeElectron({ pathTxt: 'electron', binary: 'electron' });
    const decision = await decideLaunch(parseLaunchArgs([]), {
      detect: () => detectElectron({ appRoot: root, env: display, platform: 'linux' }),
      run: async () => ({ started: false, reason: 'Electron exited at start (code 1)' }),
    });
    expect(decision).toEqual({ mode: 'browser', reason: 'Electron exited at start (code 1)' });
  });

  it('skips detection entirely with --browser', async () => {
    const decision = await decideLaunch(parseLaunchArgs(['--browser']), {
      detect: () => {
        throw new Error('detection must not run with --browser');
      },
      run: started,
    });
    expect(decision).toEqual({ mode: 'browser', reason: 'browser mode was asked for (--browser)' });
  });
});

describe('parseLaunchArgs', () => {
  it('reads --no-open, --browser and a site folder', () => {
    expect(parseLaunchArgs([])).toEqual({ open: true, browser: false, site: undefined, passThrough: [] });
    expect(parseLaunchArgs(['--no-open', '--browser', '/sites/press'])).toEqual({ open: false, browser: true, site: '/sites/press', passThrough: ['--no-open', '/sites/press'] });
  });
});
