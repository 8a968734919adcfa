/**
 * The desktop window itself: runs only where an Electron binary exists and can start (see detectElectron);
 * elsewhere the test is skipped with the reason, so the report says why the desktop app was not checked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, expect, test } from '@playwright/test';
import { detectElectron } from '../../electron/launch/launch';
import { appRoot } from '../../electron/backend/app-paths';

const detection = detectElectron();
// The list reporter does not print skip reasons: say once, in the run's output, why the desktop app was not checked.
if (!detection.ok) console.log(`[electron] skipped: Electron cannot run here: ${detection.reason}`);

test.describe('the desktop window', () => {
  let app: ElectronApplication | undefined;
  let appData: string | undefined;

  test.beforeEach(async () => {
    test.skip(!detection.ok, detection.ok ? '' : `Electron cannot run here: ${detection.reason}`);
    if (!detection.ok) return;
    const main = path.join(appRoot(), 'dist', 'electron', 'main.cjs');
    test.skip(!fs.existsSync(main), `the app is not built (${main} is missing); run "npm run build"`);
    appData = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pressroom-electron-e2e-'));
    const args = [main];
    // Chromium refuses to start as root with its OS sandbox (containers, CI); the renderer sandbox still holds.
    if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
    app = await electron.launch({
      executablePath: detection.binary,
      args,
      cwd: appRoot(),
      env: { ...process.env, PRESSROOM_APP_DATA: appData, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
    });
  });

  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    if (appData) await fs.promises.rm(appData, { recursive: true, force: true });
    appData = undefined;
  });

  test('opens the Pressroom window with only the bridge exposed', async () => {
    const page = await app!.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await expect(page).toHaveTitle(/Pressroom/);
    expect(page.url()).toBe('app://pressroom/index.html');

    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.pressroomBridge as Record<string, unknown> | undefined;
      return {
        bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        ipcRenderer: typeof w.ipcRenderer,
      };
    });
    expect(globals).toEqual({ bridgeKeys: ['invoke', 'on'], require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });

    const info = await page.evaluate(async () => {
      const bridge = (window as unknown as { pressroomBridge: { invoke(name: string, args: unknown): Promise<unknown> } }).pressroomBridge;
      return bridge.invoke('app.info', {});
    });
    expect(info).toMatchObject({ ok: true, value: { name: 'Pressroom', capabilities: { folderPicker: true } } });

    const visible = await app!.evaluate(({ BrowserWindow }) => {
      const [win] = BrowserWindow.getAllWindows();
      return { visible: win.isVisible(), size: win.getMinimumSize() };
    });
    expect(visible).toEqual({ visible: true, size: [900, 600] });
  });

  test('stays on the app page when the page tries to navigate to a local file', async () => {
    const page = await app!.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await page.evaluate(() => {
      window.location.href = 'file:///etc/hostname';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://pressroom/index.html');
  });
});
