// End-to-end tests: browser mode in Debian's Chromium (`browser`), and the desktop app where an Electron binary
// exists (`electron`). Timeouts are generous because CI runs on two cores and each test starts a real server.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, CHROMIUM_PROBLEM } from './e2e/harness/chromium';

// No browser to drive: one line saying what to install, before any test starts (not a failure per test).
if (CHROMIUM_PROBLEM) {
  process.stderr.write(`${CHROMIUM_PROBLEM}\n`);
  process.exit(1);
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  projects: [
    {
      name: 'browser',
      testDir: 'e2e/tests',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
        actionTimeout: 15_000,
        navigationTimeout: 30_000,
        trace: 'retain-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'e2e/electron',
      timeout: 120_000,
    },
  ],
});
