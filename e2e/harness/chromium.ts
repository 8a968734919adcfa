/** Which Chromium the end-to-end tests drive, and with which flags: one place for the config and the harness. */
import { type Browser, chromium } from '@playwright/test';
import { findChromium, missingChromiumMessage } from '../../electron/services/export/find-chromium';
import { messageOf } from '../../shared/contract/errors';

/**
 * The browser the tests drive, found as the app's PDF export finds one (`PRESSROOM_CHROMIUM`, then the usual install
 * places of Chromium, Chrome and Edge; a full browser before a headless shell). Playwright's download is never needed.
 */
function browserToDrive(): { path: string; problem: string | null } {
  try {
    const found = findChromium('browse');
    return found ? { path: found, problem: null } : { path: '', problem: missingChromiumMessage(process.platform, 'browse') };
  } catch (error) {
    return { path: '', problem: messageOf(error) };
  }
}

const found = browserToDrive();

/** The executable the tests launch ('' when none was found: see `CHROMIUM_PROBLEM`). */
export const CHROMIUM_PATH = found.path;

/** One line saying what to install (or which setting is wrong) when there is no browser to drive; null when there is one. */
export const CHROMIUM_PROBLEM = found.problem;

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
  if (CHROMIUM_PROBLEM) return Promise.reject(new Error(CHROMIUM_PROBLEM));
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
