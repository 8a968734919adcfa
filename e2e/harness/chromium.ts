/** Which Chromium the end-to-end tests drive, and with which flags: one place for the config and the harness. */
import { type Browser, chromium } from '@playwright/test';

/** Debian's Chromium; Playwright's own browser download is never needed. `PRESSROOM_CHROMIUM` overrides it. */
export const CHROMIUM_PATH = process.env.PRESSROOM_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a quiet, sandbox-free run in containers: nothing phones home during a test. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the system Chromium headless with the test flags, for harness users outside Playwright's fixtures. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
